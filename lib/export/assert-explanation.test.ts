import { describe, expect, it } from "vitest";
import { buildTraceContext, evaluateAssertion, parseAssertion, type TraceContext } from "../trace-assert";
import { entryValueExpression, explanationAssertions } from "./assert-explanation";
import { orderTraceSpans } from "./testing/order-trace";

const ENTRY = { entryService: "api-gateway", entryOperation: "POST /api/v1/orders" };
const LOYALTY = { type: "api_endpoint" as const, identifier: "POST /loyalty/points" };
const RECORDED = { "http.route": "/api/v1/orders", "customer.tier": "gold" };
const called = explanationAssertions(ENTRY, { node: LOYALTY, effect: "called", attribute: "customer.tier", value: "gold" }, RECORDED);
const skipped = explanationAssertions(ENTRY, { node: LOYALTY, effect: "skipped", attribute: "customer.tier", value: "standard" }, { "customer.tier": "standard" });

function statuses(assertions: readonly string[], trace: TraceContext): string[] {
  return assertions.map((a) => evaluateAssertion(a, trace).status);
}

const run = (tier: string | null, loyalty: boolean) => buildTraceContext(orderTraceSpans({ tier, loyalty }));

describe("explanationAssertions", () => {
  it("states 'called only when' as two implications on the entry span and the node", () => {
    const tier = "trace.spans | any(.service == 'api-gateway' and .name == 'POST /api/v1/orders' and .attributes['customer.tier'] == 'gold')";
    const loyalty = "trace.spans | any(.attributes['http.route'] == '/loyalty/points' and (.attributes['http.request.method'] == 'POST' or .attributes['http.method'] == 'POST'))";
    expect(called).toEqual([`${tier} implies ${loyalty}`, `${loyalty} implies ${tier}`]);
    for (const assertion of [...called, ...skipped]) expect(parseAssertion(assertion).ok).toBe(true);
  });

  it("passes runs that keep the rule, whichever side they are on", () => {
    expect(statuses(called, run("gold", true))).toEqual(["passed", "passed"]);
    expect(statuses(called, run("standard", false))).toEqual(["passed", "passed"]);
    expect(statuses(skipped, run("standard", false))).toEqual(["passed", "passed"]);
    expect(statuses(skipped, run("gold", true))).toEqual(["passed", "passed"]);
  });

  it("fails the value-implies-path direction when the call is no longer made", () => {
    expect(statuses(called, run("gold", false))).toEqual(["failed", "passed"]);
    const outcome = evaluateAssertion(called[0], run("gold", false));
    expect(outcome.status === "failed" && outcome.detail).toContain("/loyalty/points");
  });

  it("fails the path-implies-value direction when the call is made for everyone", () => {
    expect(statuses(called, run("standard", true))).toEqual(["passed", "failed"]);
    expect(statuses(skipped, run("standard", true))).toEqual(["failed", "passed"]);
  });

  it("fails when the entry span lacks the attribute but the branch is taken", () => {
    expect(statuses(called, run(null, true))).toEqual(["passed", "failed"]);
    expect(statuses(skipped, run(null, false))).toEqual(["passed", "failed"]);
  });
});

describe("entryValueExpression", () => {
  it("reads the entry span, not another span with the same attribute", () => {
    // orders also records customer.tier; only the gateway's entry span counts.
    const onOrdersOnly = buildTraceContext(orderTraceSpans({ tier: "gold", loyalty: true }).map((s) => (s.service === "api-gateway" ? { ...s, attributes: { ...s.attributes, "customer.tier": "standard" } } : s)));
    expect(evaluateAssertion(entryValueExpression(ENTRY, "customer.tier", "gold", RECORDED), onOrdersOnly).status).toBe("failed");
  });

  it("reads the resource when the recorded entry span did not hold the key", () => {
    const expression = entryValueExpression(ENTRY, "customer.tier", "gold", { "http.route": "/api/v1/orders" });
    expect(expression).toContain(".resource['customer.tier'] == 'gold'");
    expect(evaluateAssertion(expression, buildTraceContext(orderTraceSpans({ tier: "gold", loyalty: true, tierOn: "resource" }))).status).toBe("passed");
  });

  it("compares with the recorded type", () => {
    expect(entryValueExpression(ENTRY, "plan.seats", "5", { "plan.seats": 12 })).toContain(".attributes['plan.seats'] == 5)");
    expect(entryValueExpression(ENTRY, "beta", "true", { beta: false })).toContain(".attributes['beta'] == true)");
    // A resource value's type is unknown: both readings.
    expect(entryValueExpression(ENTRY, "beta", "true", {})).toContain("(.resource['beta'] == 'true' or .resource['beta'] == true)");
  });
});
