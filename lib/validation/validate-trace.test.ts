import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { buildTraceContext, evaluateAssertion } from "../trace-assert";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import type { TraceSpan } from "../traces/trace-span";
import { validateTrace, type NodeBaseline, type ValidationInput } from "./validate-trace";

// gateway POST /orders → orders POST /orders → INSERT orders; a publish to order.created.
function runSpans(options: { skipDatabase?: boolean; databaseMs?: number; swap?: boolean; failingDatabase?: boolean } = {}): TraceSpan[] {
  const spans: TraceSpan[] = [
    makeTraceSpan({ spanId: "a1", service: "gateway", name: "POST /orders", kind: SpanKind.SERVER, endMs: 80, attributes: { "http.route": "/orders", "http.request.method": "POST" } }),
    makeTraceSpan({ spanId: "a2", parentSpanId: "a1", service: "gateway", name: "POST", kind: SpanKind.CLIENT, startMs: 2, endMs: 70, attributes: { "http.request.method": "POST" } }),
    makeTraceSpan({ spanId: "a3", parentSpanId: "a2", service: "orders", name: "POST /orders", kind: SpanKind.SERVER, startMs: 3, endMs: 69, attributes: { "http.route": "/orders", "http.request.method": "POST" } }),
  ];
  const database = makeTraceSpan({
    spanId: "a4",
    parentSpanId: "a3",
    service: "orders",
    name: "INSERT orders",
    kind: SpanKind.CLIENT,
    startMs: options.swap ? 40 : 5,
    endMs: (options.swap ? 40 : 5) + (options.databaseMs ?? 10),
    status: options.failingDatabase ? "error" : "unset",
    attributes: { "db.system.name": "postgresql", "db.namespace": "orders" },
  });
  const publish = makeTraceSpan({ spanId: "a5", parentSpanId: "a3", service: "orders", name: "order.created publish", kind: SpanKind.PRODUCER, startMs: options.swap ? 20 : 30, endMs: options.swap ? 25 : 35, attributes: { "messaging.destination.name": "order.created", "messaging.system": "rabbitmq" } });
  if (!options.skipDatabase) spans.push(database);
  spans.push(publish);
  return spans;
}

const EXPECTED = [
  { type: "api_endpoint" as const, identifier: "POST /orders" },
  { type: "database" as const, identifier: "orders" },
  { type: "topic" as const, identifier: "order.created" },
];
const BASELINE = new Map<string, NodeBaseline>([
  ["api_endpoint:POST /orders", { p95Ms: 100, errorRate: 0 }],
  ["database:orders", { p95Ms: 12, errorRate: 0 }],
]);

function validate(spans: TraceSpan[], overrides: Partial<ValidationInput> = {}) {
  const context = buildTraceContext(spans);
  return validateTrace({
    expectedNodes: EXPECTED,
    spans,
    baseline: BASELINE,
    flowErrorRate: 0,
    defaultTimeoutMs: 30_000,
    assertions: ["trace.span('gateway') != nil", "trace.spans | filter(.status == 'error') | len == 0"],
    evaluate: (expression) => {
      const outcome = evaluateAssertion(expression, context);
      return outcome.status === "inconclusive" ? { status: "inconclusive", detail: outcome.reason } : outcome.status === "failed" ? { status: "failed", detail: outcome.detail } : { status: "passed" };
    },
    ...overrides,
  });
}

describe("validateTrace", () => {
  it("passes a run that follows the flow", () => {
    expect(validate(runSpans())).toEqual({
      status: "passed",
      path_match: true,
      missing_nodes: [],
      unexpected_nodes: [],
      order_violations: [],
      slow_spans: [],
      error_spans: [],
      failed_assertions: [],
      inconclusive_assertions: [],
      reasons: [],
    });
  });

  it("leaves the whole trace's path alone when told its steps check their own parts", () => {
    const result = validate(runSpans(), { expectedNodes: [], checkPath: false });
    expect(result).toMatchObject({ status: "passed", path_match: true, unexpected_nodes: [] });
    expect(validate(runSpans(), { expectedNodes: [] }).unexpected_nodes).toHaveLength(3);
  });

  it("names a skipped downstream call as a missing node", () => {
    const result = validate(runSpans({ skipDatabase: true }));
    expect(result.status).toBe("failed");
    expect(result.missing_nodes).toEqual([{ type: "database", identifier: "orders", index: 1 }]);
    expect(result.path_match).toBe(false);
  });

  it("reports reordered calls as order violations", () => {
    const result = validate(runSpans({ swap: true }));
    expect(result.status).toBe("failed");
    expect(result.order_violations).toHaveLength(1);
    expect(result.missing_nodes).toEqual([]);
  });

  it("flags a span slower than 1.5 × its node's P95 (at least P95 + 25 ms), and uses the default timeout without a baseline", () => {
    const result = validate(runSpans({ databaseMs: 38 }));
    expect(result.slow_spans).toEqual([{ span_id: "a4", service: "orders", operation: "INSERT orders", node: "database:orders", duration_ms: 38, budget_ms: 37, p95_ms: 12 }]);
    expect(result.status).toBe("failed");
    expect(validate(runSpans({ databaseMs: 36.9 })).slow_spans).toEqual([]);
    const slowBig = new Map([...BASELINE, ["database:orders", { p95Ms: 80, errorRate: 0 }]]);
    expect(validate(runSpans({ databaseMs: 121 }), { baseline: slowBig }).slow_spans.map((s) => s.budget_ms)).toEqual([120]);
    expect(validate(runSpans({ databaseMs: 119 }), { baseline: slowBig }).slow_spans).toEqual([]);
    expect(validate(runSpans({ databaseMs: 38 }), { baseline: new Map(), defaultTimeoutMs: 100 }).slow_spans).toEqual([]);
    expect(validate(runSpans({ databaseMs: 120 }), { baseline: new Map(), defaultTimeoutMs: 100 }).slow_spans.map((s) => [s.node, s.budget_ms, s.p95_ms])).toEqual([["database:orders", 100, null]]);
  });

  it("allows a fast node 25 ms over its P95: scheduling noise, not a regression", () => {
    const quick = new Map([...BASELINE, ["database:orders", { p95Ms: 0.2, errorRate: 0 }]]);
    expect(validate(runSpans({ databaseMs: 25.1 }), { baseline: quick }).slow_spans).toEqual([]);
    expect(validate(runSpans({ databaseMs: 25.3 }), { baseline: quick }).slow_spans.map((s) => s.budget_ms)).toEqual([25.2]);
  });

  it("lists error spans, failing the run unless errors are the norm for that node", () => {
    const failing = validate(runSpans({ failingDatabase: true }), { assertions: [] });
    expect(failing.error_spans).toEqual([{ span_id: "a4", service: "orders", operation: "INSERT orders", message: "", expected: false }]);
    expect(failing.status).toBe("failed");
    const usual = validate(runSpans({ failingDatabase: true }), { assertions: [], baseline: new Map([...BASELINE, ["database:orders", { p95Ms: 12, errorRate: 0.9 }]]) });
    expect(usual.error_spans[0].expected).toBe(true);
    expect(usual.status).toBe("passed");
    // A failing client call is no node: the flow's error rate decides.
    const spans = runSpans().map((s) => (s.spanId === "a2" ? { ...s, status: "error" as const } : s));
    expect(validate(spans, { assertions: [] }).status).toBe("failed");
    expect(validate(spans, { assertions: [], flowErrorRate: 1 }).status).toBe("passed");
  });

  it("fails on a false assertion and is inconclusive on one that cannot be evaluated", () => {
    const failed = validate(runSpans(), { assertions: ["trace.duration_ms < 10"] });
    expect(failed.status).toBe("failed");
    expect(failed.failed_assertions).toEqual([{ expression: "trace.duration_ms < 10", detail: expect.stringContaining("80") }]);
    const unknown = validate(runSpans(), { assertions: ["trace.span('nope').duration_ms > 1"] });
    expect(unknown.status).toBe("inconclusive");
    expect(unknown.inconclusive_assertions).toHaveLength(1);
    expect(unknown.reasons[0]).toContain("could not be evaluated");
  });

  it("is inconclusive when the trace never arrived", () => {
    const result = validate([]);
    expect(result.status).toBe("inconclusive");
    expect(result.reasons).toEqual(["the trace never arrived: no span of the system carried the run's trace id"]);
  });
});
