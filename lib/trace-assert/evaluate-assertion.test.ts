import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import { evaluateAssertion, type AssertionOutcome } from "./evaluate-assertion";
import { checkoutTraceSpans, GATEWAY_ID, UNSAFE_USER_ID } from "./testing/checkout-trace";
import { buildTraceContext, type TraceContext } from "./trace-context";

const failing = buildTraceContext(checkoutTraceSpans({ cacheFails: true }));
const healthy = buildTraceContext(checkoutTraceSpans({ cacheFails: false }));

function outcome(source: string, trace: TraceContext = failing): AssertionOutcome {
  return evaluateAssertion(source, trace);
}

function statusOf(source: string, trace: TraceContext = failing): AssertionOutcome["status"] {
  return outcome(source, trace).status;
}

function reasonOf(source: string, trace: TraceContext = failing): string {
  const result = outcome(source, trace);
  if (result.status !== "inconclusive") throw new Error(`${source} was ${result.status}`);
  return result.reason;
}

function detailOf(source: string, trace: TraceContext = failing): string {
  const result = outcome(source, trace);
  if (result.status !== "failed") throw new Error(`${source} was ${JSON.stringify(result)}`);
  return result.detail;
}

describe("evaluateAssertion: the expressions exported tests carry", () => {
  it("finds a service's span, and fails naming the value when the service is absent", () => {
    expect(outcome("trace.span('user-service') != nil")).toEqual({ status: "passed", value: true });
    expect(outcome("trace.span('billing') != nil")).toEqual({
      status: "failed",
      value: false,
      detail: "trace.span('billing') != nil was nil != nil",
    });
  });

  it("bounds the wall-clock duration and reports both operands when it is exceeded", () => {
    expect(statusOf("trace.duration_ms < 5000")).toBe("passed");
    const slowSpans = checkoutTraceSpans().map((span) =>
      span.spanId === GATEWAY_ID ? { ...span, endNs: 6_120_000_000n } : span,
    );
    expect(outcome("trace.duration_ms < 5000", buildTraceContext(slowSpans))).toEqual({
      status: "failed",
      value: false,
      detail: "trace.duration_ms < 5000 was 6120 < 5000",
    });
  });

  it("passes the no-error check on a healthy trace and fails it, naming the error span, otherwise", () => {
    const source = "trace.spans | filter(.status == 'error') | len == 0";
    expect(statusOf(source, healthy)).toBe("passed");
    expect(detailOf(source)).toBe(`${source} was 1 == 0 (matched: span "GET session" (user-service))`);
  });
});

describe("evaluateAssertion: operators", () => {
  it.each([
    ["1 + 2 * 3 == 7", true],
    ["(1 + 2) * 3 == 9", true],
    ["10 - 4 - 3 == 3", true],
    ["7 / 2 == 3.5", true],
    ["7 % 4 == 3", true],
    ["-7 % 4 == -3", true],
    ["-(2 + 3) == -5", true],
    ["2.5e2 == 250", true],
    ["1 == 1", true],
    ["1 == 2", false],
    ["1 != 2", true],
    ["2 < 3", true],
    ["3 < 3", false],
    ["3 <= 3", true],
    ["4 > 3", true],
    ["3 >= 4", false],
    ["'abc' < 'abd'", true],
    ["'b' >= 'a'", true],
    ["'1' == 1", false],
    ["true == true", true],
    ["true != false", true],
    ["nil == nil", true],
    ["nil != 0", true],
    ["nil != ''", true],
    ["nil != false", true],
    ["[1, 'a'] == [1, 'a']", true],
    ["[1, 2] == [2, 1]", false],
    ["true and false", false],
    ["true and true", true],
    ["false or true", true],
    ["false or false", false],
    ["not false", true],
    ["!true", false],
    ["true && !false", true],
    ["false || true", true],
    ["not 1 == 2", true],
    ["not false or false", true],
    ["not (false or true)", false],
  ])("%s is %s", (source, expected) => {
    expect(outcome(source)).toMatchObject({ status: expected ? "passed" : "failed", value: expected });
  });

  it("short-circuits and/or: the right side is not evaluated when the left decides", () => {
    expect(statusOf("false and trace.span('nowhere').name == 'x'")).toBe("failed");
    expect(statusOf("true or 1 / 0 == 1")).toBe("passed");
    expect(statusOf("true and trace.span('nowhere').name == 'x'")).toBe("inconclusive");
  });
});

describe("evaluateAssertion: implies and if-then-else", () => {
  it.each([
    ["false implies false", true],
    ["false implies true", true],
    ["true implies false", false],
    ["true implies true", true],
    ["false or true implies false", false],
    ["true implies false implies false", true],
    ["(true implies false) implies false", true],
    ["1 == 2 implies 1 == 3", true],
    ["not false implies true", true],
    ["if true then true else false", true],
    ["if false then true else false", false],
    ["if 1 < 2 then 2 < 3 else false", true],
    ["if false then true else if true then false else true", false],
    ["(if trace.span_count > 2 then 'many' else 'few') == 'many'", true],
    ["(if trace.span('nowhere') == nil then 0 else 1) + 1 == 1", true],
  ])("%s is %s", (source, expected) => {
    expect(outcome(source)).toMatchObject({ status: expected ? "passed" : "failed", value: expected });
  });

  it("needs booleans on both sides of implies and in the condition of if, as and/or do", () => {
    expect(reasonOf("nil implies true")).toBe("evaluation error at line 1, column 1: implies needs true or false, but nil is nil");
    expect(reasonOf("true implies trace.root.attributes['missing']")).toBe(
      "evaluation error at line 1, column 14: implies needs true or false, but trace.root.attributes['missing'] is nil",
    );
    expect(reasonOf("trace.duration_ms implies true")).toContain("implies needs true or false, but trace.duration_ms is a number (120)");
    expect(reasonOf("if nil then true else false")).toBe("evaluation error at line 1, column 4: if needs true or false, but nil is nil");
    expect(reasonOf("if 'yes' then true else false")).toContain('if needs true or false, but \'yes\' is a string ("yes")');
  });

  it("reads the consequence only when the condition holds, as and/or read their right side", () => {
    expect(statusOf("false implies 1 / 0 == 1")).toBe("passed");
    expect(statusOf("false implies nil")).toBe("passed");
    expect(statusOf("trace.span('db') != nil implies trace.span('db').attributes['x'] == 1")).toBe("passed");
    expect(reasonOf("true implies 1 / 0 == 1")).toContain("division by zero in 1 / 0");
  });

  it("evaluates only the branch the condition picks", () => {
    expect(statusOf("if true then true else 1 / 0 == 1")).toBe("passed");
    expect(statusOf("if false then trace.span('nowhere').name == 'x' else true")).toBe("passed");
    expect(reasonOf("if true then trace.span('nowhere').name == 'x' else true")).toContain("cannot read .name of nil");
    expect(reasonOf("if false then true else 5 % 0 == 1")).toContain("division by zero");
  });

  it("reports a conditional that gives something other than a boolean", () => {
    expect(reasonOf("if true then trace.span_count else false")).toBe("the expression gives a number (4), not true or false");
  });

  it("works per element inside a predicate", () => {
    expect(statusOf("trace.spans | all(.kind == 'client' implies .duration_ms < 50)")).toBe("passed");
    expect(statusOf("trace.spans | all(if .status == 'error' then .status_message != '' else .events | len == 0)")).toBe("passed");
    expect(statusOf("trace.spans | filter(.kind == 'client' implies .status != 'error') | len == 3")).toBe("passed");
  });
});

describe("evaluateAssertion: a conditional-branch check on an orders trace", () => {
  function ordersTrace(tier: string, withLoyalty: boolean): TraceContext {
    const orders = makeTraceSpan({
      spanId: "00000000000000e1",
      service: "orders",
      name: "POST /orders",
      kind: SpanKind.SERVER,
      endMs: 80,
      attributes: { "http.route": "/orders", "customer.tier": tier },
    });
    const loyalty = makeTraceSpan({
      spanId: "00000000000000e2",
      parentSpanId: "00000000000000e1",
      service: "loyalty",
      name: "POST /points",
      kind: SpanKind.SERVER,
      startMs: 30,
      endMs: 50,
    });
    return buildTraceContext(withLoyalty ? [orders, loyalty] : [orders]);
  }

  const goldOnly = "trace.span('orders').attributes['customer.tier'] == 'gold'";
  const implication = `${goldOnly} implies trace.span('loyalty') != nil`;
  const conditional = `if ${goldOnly} then trace.span('loyalty') != nil else trace.span('loyalty') == nil`;

  it.each([
    ["gold", true, "passed", "passed"],
    ["gold", false, "failed", "failed"],
    ["silver", false, "passed", "passed"],
    ["silver", true, "passed", "failed"],
  ] as const)("a %s order with loyalty %s: implies %s, if-then-else %s", (tier, withLoyalty, implies, ifThenElse) => {
    expect(statusOf(implication, ordersTrace(tier, withLoyalty))).toBe(implies);
    expect(statusOf(conditional, ordersTrace(tier, withLoyalty))).toBe(ifThenElse);
  });

  it("says which condition held and what the consequence was", () => {
    expect(detailOf(implication, ordersTrace("gold", false))).toBe(
      `${goldOnly} held ("gold" == "gold"), but trace.span('loyalty') != nil was nil != nil`,
    );
  });

  it("says which branch was taken, why, and what it found", () => {
    expect(detailOf(conditional, ordersTrace("gold", false))).toBe(
      `${goldOnly} held ("gold" == "gold"), so the then branch was taken, and trace.span('loyalty') != nil was nil != nil`,
    );
    expect(detailOf(conditional, ordersTrace("silver", true))).toBe(
      `${goldOnly} did not hold ("silver" == "gold"), so the else branch was taken, and trace.span('loyalty') == nil was span "POST /points" (loyalty) == nil`,
    );
  });
});

describe("evaluateAssertion: functions", () => {
  it.each([
    ["trace.spans | filter(.kind == 'client') | map(.name) == ['SELECT users', 'GET session']", true],
    ["trace.spans | map(.service) == ['gateway', 'user-service', 'user-service', 'user-service']", true],
    ["trace.spans | map(.duration_ms * 2) | any(. == 80)", true],
    ["trace.spans | any(.kind == 'producer')", false],
    ["trace.spans | all(.duration_ms > 0)", true],
    ["trace.spans | all(.kind == 'server')", false],
    ["[] | all(.x == 1)", true],
    ["[] | any(. == 1)", false],
    ["trace.spans | count == 4", true],
    ["trace.spans | count(.service == 'user-service') == 3", true],
    ["count(trace.spans, .status == 'error') == 1", true],
    ["trace.spans | len == 4", true],
    ["len(trace.spans) == trace.span_count", true],
    ["len('héllo') == 5", true],
    ["trace.root.attributes | len == 3", true],
    ["trace.span('user-service').name == 'GET /internal/users/:id'", true],
    ["trace.span('SELECT users').service == 'user-service'", true],
    ["trace.span('nowhere') == nil", true],
    ["trace.spans('user-service') | map(.name) == ['GET /internal/users/:id', 'SELECT users', 'GET session']", true],
    ["trace.spans('nowhere') == []", true],
    ["trace.spans | filter(.kind == 'client') | span('GET session') != nil", true],
    ["trace.errors | span('SELECT users') == nil", true],
    ["trace.span('SELECT users').attributes['db.query.text'].contains('FROM users')", true],
    ["trace.services | contains('gateway')", true],
    ["trace.services | contains('billing')", false],
    ["trace.spans | filter(.events | any(.name == 'exception')) | map(.name) == ['GET session']", true],
    ["trace.spans | filter(.events | any(.attributes['exception.type'] == 'ConnectionError')) | len == 1", true],
  ])("%s is %s", (source, expected) => {
    expect(outcome(source)).toMatchObject({ status: expected ? "passed" : "failed" });
  });

  it("returns the first match in start order, whatever order the spans arrived in", () => {
    const spans = [
      makeTraceSpan({ spanId: "0000000000000003", service: "orders", name: "late", startMs: 30 }),
      makeTraceSpan({ spanId: "0000000000000001", service: "orders", name: "early", startMs: 10, parentSpanId: "0000000000000002" }),
      makeTraceSpan({ spanId: "0000000000000002", service: "gateway", name: "GET /orders", startMs: 0, endMs: 40, kind: SpanKind.SERVER }),
    ];
    const trace = buildTraceContext(spans);
    expect(statusOf("trace.span('orders').name == 'early'", trace)).toBe("passed");
    expect(statusOf("trace.spans('orders') | map(.name) == ['early', 'late']", trace)).toBe("passed");
  });

  it("names the element that broke an all() and how many any() looked at", () => {
    expect(detailOf("trace.spans | all(.duration_ms < 100)")).toBe(
      'trace.spans | all(.duration_ms < 100) was false: not for span "GET /users/:id" (gateway)',
    );
    expect(detailOf("trace.spans | any(.kind == 'producer')")).toBe("trace.spans | any(.kind == 'producer') was false: none of 4 matched");
  });
});

describe("evaluateAssertion: the data model", () => {
  it("reads span fields under their expression names", () => {
    expect(statusOf("trace.root.kind == 'server' and trace.root.parent_id == nil and trace.root.start_ms == 0")).toBe("passed");
    expect(statusOf("trace.span('user-service').start_ms == 10 and trace.span('user-service').duration_ms == 100.5")).toBe("passed");
    expect(statusOf("trace.span('user-service').parent_id == trace.root.id")).toBe("passed");
    expect(statusOf("trace.errors[0].status_message == 'connection refused'")).toBe("passed");
    expect(statusOf("trace.root.resource['service.version'] == '1.4.2'")).toBe("passed");
    expect(statusOf("trace.id == '0af7651916cd43dd8448eb211c80319c'")).toBe("passed");
    expect(statusOf("trace['duration_ms'] == 120")).toBe("passed");
  });

  it("reads attribute keys that contain dots through an index", () => {
    expect(statusOf("trace.span('SELECT users').attributes['db.system.name'] == 'postgresql'")).toBe("passed");
    expect(statusOf("trace.root.attributes['http.response.status_code'] == 200")).toBe("passed");
    expect(statusOf("trace.span('SELECT users').attributes['server.port'] >= 1024")).toBe("passed");
  });

  it("unwraps tagged attribute values: safe $int and $double as numbers, unsafe $int as its exact digits", () => {
    expect(statusOf("trace.span('user-service').attributes['http.response.status_code'] == 200")).toBe("passed");
    expect(statusOf("trace.span('user-service').attributes['cache.hit_ratio'] == 1")).toBe("passed");
    expect(statusOf(`trace.span('user-service').attributes['user.id'] == '${UNSAFE_USER_ID}'`)).toBe("passed");
    // The nearest double would compare equal to both neighbours; the digits compare to neither.
    expect(statusOf("trace.span('user-service').attributes['user.id'] == '9007199254740992'")).toBe("failed");
  });

  it("reads array attributes by position, counting negative positions from the end", () => {
    expect(statusOf("trace.span('user-service').attributes['feature.flags'][0] == 'new-profile'")).toBe("passed");
    expect(statusOf("trace.span('user-service').attributes['feature.flags'][-1] == 'dark-mode'")).toBe("passed");
    expect(statusOf("trace.span('user-service').attributes['feature.flags'][2] == nil")).toBe("passed");
    expect(statusOf("trace.spans[0] == trace.root")).toBe("passed");
  });
});

describe("evaluateAssertion: nil", () => {
  it("reads a missing attribute key as nil, even one that names an Object method", () => {
    expect(statusOf("trace.root.attributes['http.missing'] == nil")).toBe("passed");
    expect(statusOf("trace.root.attributes.constructor == nil")).toBe("passed");
    expect(statusOf("trace.root.attributes['__proto__'] == nil")).toBe("passed");
  });

  it("lets a nil be compared for equality but not read from, indexed or ordered", () => {
    expect(statusOf("trace.span('db') == nil")).toBe("passed");
    expect(reasonOf("trace.span('db').attributes['x'] == 1")).toBe(
      "evaluation error at line 1, column 17: cannot read .attributes of nil: trace.span('db') is nil",
    );
    expect(reasonOf("trace.root.attributes['nope'][0] == 1")).toContain("cannot index nil");
    expect(reasonOf("trace.root.attributes['nope'] >= 500")).toContain(">= needs two numbers or two strings, got nil and a number (500)");
  });
});

describe("evaluateAssertion: inconclusive outcomes", () => {
  it.each([
    ["trace.duration_ms <", "syntax error at line 1, column 20: expected a value, found the end of the expression"],
    ["trace.nmae == 'x'", 'evaluation error at line 1, column 6: the trace has no field "nmae"; its fields are id, duration_ms, span_count, spans, root, services, errors'],
    ["trace.root.nmae == 'x'", 'evaluation error at line 1, column 11: a span has no field "nmae"'],
    ["trace.span == nil", "evaluation error at line 1, column 6: span is a function: call it, as in trace.span(...)"],
    ["trace.spans.name == 'x'", "to take it from every element write trace.spans | map(.name)"],
    ["services == []", 'evaluation error at line 1, column 1: unknown name "services"'],
    [".status == 'error'", "evaluation error at line 1, column 1: a path starting with a dot"],
    ["trace.spans | frobnicate(1)", 'evaluation error at line 1, column 15: unknown function "frobnicate"'],
    ["trace.spans | filter", "evaluation error at line 1, column 15: filter is written list | filter(condition)"],
    ["trace.spans | filter(.duration_ms) | len == 0", "the condition .duration_ms of filter gave a number (120) for span"],
    ["trace.duration_ms | filter(. > 1)", "filter works on a list, but trace.duration_ms is a number (120)"],
    ["trace.span(1) == nil", "span looks spans up by a service or operation name, got a number (1)"],
    ["trace.services | span('x') == nil", 'span searches spans, but item 0 of the list is a string ("gateway")'],
    ["len(trace.duration_ms) == 1", "len measures a list, a string or a record"],
    ["'a' + 'b' == 'ab'", '+ needs two numbers, got a string ("a") and a string ("b")'],
    ["'a' < 1", '< needs two numbers or two strings, got a string ("a") and a number (1)'],
    ["1 / 0 == 1", "division by zero in 1 / 0"],
    ["5 % 0 == 1", "division by zero"],
    ["-'x' == 1", "unary - needs a number"],
    ["not trace.duration_ms", "not needs true or false, but trace.duration_ms is a number (120)"],
    ["trace.duration_ms and true", "and needs true or false"],
    ["trace.spans[0.5] == nil", "a list is indexed by a whole number"],
    ["trace.root.attributes[0] == nil", "a record is indexed by a string key"],
    ["'abc'.contains(1)", "contains looks for a string in a string or a value in a list"],
  ])("%s", (source, reason) => {
    expect(reasonOf(source)).toContain(reason);
  });

  it("reports a result that is not a boolean instead of treating it as false", () => {
    expect(reasonOf("trace.duration_ms")).toBe("the expression gives a number (120), not true or false");
    expect(reasonOf("trace.span('nowhere')")).toBe("the expression gives nil, not true or false");
  });

  it("places evaluation errors on the right line of a multi-line expression", () => {
    expect(reasonOf("trace.duration_ms < 5000 and\n  trace.span('db').attributes['x'] == 1")).toMatch(/^evaluation error at line 2, column 19: /);
  });
});

describe("evaluateAssertion: failure details", () => {
  it("explains the conjunct that made an and false", () => {
    expect(detailOf("trace.span('gateway') != nil and trace.duration_ms < 100")).toBe("trace.duration_ms < 100 was 120 < 100");
  });

  it("explains both sides of a false or", () => {
    expect(detailOf("trace.duration_ms < 100 or trace.span_count > 10")).toBe(
      "trace.duration_ms < 100 was 120 < 100, and trace.span_count > 10 was 4 > 10",
    );
  });

  it("explains a false not and a bare false", () => {
    expect(detailOf("not (trace.span_count == 4)")).toBe("trace.span_count == 4 was true");
    expect(detailOf("false")).toBe("false was false");
  });

  it("tells every condition of a false implies chain, then the consequence that broke it", () => {
    expect(detailOf("trace.span_count > 1 implies trace.root != nil implies trace.duration_ms < 100")).toBe(
      'trace.span_count > 1 held (4 > 1), trace.root != nil held (span "GET /users/:id" (gateway) != nil), but trace.duration_ms < 100 was 120 < 100',
    );
  });

  it("names a condition that is not a comparison without values, and explains the consequence in full", () => {
    expect(detailOf("trace.services | contains('gateway') implies trace.span_count == 4 and trace.duration_ms < 100")).toBe(
      "trace.services | contains('gateway') held, but trace.duration_ms < 100 was 120 < 100",
    );
    expect(detailOf("trace.errors | len > 0 implies trace.spans | all(.duration_ms < 100)")).toBe(
      'trace.errors | len > 0 held (1 > 0), but trace.spans | all(.duration_ms < 100) was false: not for span "GET /users/:id" (gateway)',
    );
  });

  it("explains an implies or a conditional inside a larger expression", () => {
    expect(detailOf("trace.span_count == 4 and (trace.span_count > 1 implies trace.duration_ms < 100)")).toBe(
      "trace.span_count > 1 held (4 > 1), but trace.duration_ms < 100 was 120 < 100",
    );
    expect(detailOf("if trace.span_count > 10 then true else if trace.errors == [] then true else trace.duration_ms < 100")).toBe(
      "trace.span_count > 10 did not hold (4 > 10), so the else branch was taken, and trace.errors == [] did not hold " +
        '([span "GET session" (user-service)] == []), so the else branch was taken, and trace.duration_ms < 100 was 120 < 100',
    );
    expect(detailOf("if trace.span_count == 4 then not (trace.duration_ms > 100) else true")).toBe(
      "trace.span_count == 4 held (4 == 4), so the then branch was taken, and trace.duration_ms > 100 was true",
    );
  });

  it("formats strings, lists and records as expressions would write them", () => {
    expect(detailOf("trace.services == ['gateway']")).toBe(`trace.services == ['gateway'] was ["gateway", "user-service"] == ["gateway"]`);
    expect(detailOf("trace.root.attributes == nil")).toBe(
      'trace.root.attributes == nil was {"http.request.method": "GET", "http.route": "/users/:id", "http.response.status_code": 200} == nil',
    );
  });
});
