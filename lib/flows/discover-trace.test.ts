import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import type { TraceSpan } from "../traces/trace-span";
import { discoverTrace, type DiscoverableSpan } from "./discover-trace";

const plain = (span: TraceSpan, flags: Partial<DiscoverableSpan> = {}): DiscoverableSpan => ({ isTestGenerated: false, isSynthetic: false, ...span, ...flags });

// The gateway → orders → (users, products, order.created) shape of DESIGN.md's example.
function checkoutTrace(): DiscoverableSpan[] {
  return [
    makeTraceSpan({ spanId: "a1", service: "api-gateway", name: "handle", kind: SpanKind.SERVER, startMs: 0, endMs: 120 }),
    makeTraceSpan({ spanId: "a2", parentSpanId: "a1", service: "api-gateway", name: "POST", kind: SpanKind.CLIENT, startMs: 1, endMs: 110 }),
    makeTraceSpan({
      spanId: "o1",
      parentSpanId: "a2",
      service: "orders",
      name: "POST /api/v1/orders",
      kind: SpanKind.SERVER,
      startMs: 2,
      endMs: 100,
      attributes: { "http.route": "/api/v1/orders", "http.request.method": "POST" },
    }),
    makeTraceSpan({
      spanId: "u1",
      parentSpanId: "o1",
      service: "users",
      name: "GET /api/v1/users/:id",
      kind: SpanKind.SERVER,
      startMs: 10,
      endMs: 30,
      attributes: { "http.route": "/api/v1/users/:id", "http.method": "GET" },
    }),
    makeTraceSpan({
      spanId: "p1",
      parentSpanId: "o1",
      service: "products",
      name: "GET /api/v1/products/:id",
      kind: SpanKind.SERVER,
      startMs: 40,
      endMs: 60,
      status: "error",
      attributes: { "http.route": "/api/v1/products/:id", "http.method": "GET" },
    }),
    makeTraceSpan({
      spanId: "t1",
      parentSpanId: "o1",
      service: "orders",
      name: "order.created publish",
      kind: SpanKind.PRODUCER,
      startMs: 70,
      endMs: 72,
      attributes: { "messaging.destination.name": "order.created" },
    }),
  ].map((s) => plain(s));
}

describe("discoverTrace", () => {
  it("records the entry point, path, fingerprint and the observations statistics need", () => {
    const outcome = discoverTrace(checkoutTrace());
    if (outcome.kind !== "discovered") throw new Error(`skipped: ${outcome.reason}`);
    const { discovery } = outcome;
    expect(discovery.entry).toEqual({ service: "api-gateway", operation: "handle" });
    expect(discovery.flowName).toBe("api-gateway → handle");
    expect(discovery.path.map((n) => `${n.type}:${n.identifier}`)).toEqual([
      "service:api-gateway",
      "api_endpoint:POST /api/v1/orders",
      "api_endpoint:GET /api/v1/users/:id",
      "api_endpoint:GET /api/v1/products/:id",
      "topic:order.created",
    ]);
    expect(discovery.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(discovery.trace).toEqual({ durationMs: 120, hasError: true, atMs: 0 });
    expect(discovery.nodes).toEqual([
      { nodeKey: "service:api-gateway", durationMs: 120, hasError: false },
      { nodeKey: "api_endpoint:POST /api/v1/orders", durationMs: 98, hasError: false },
      { nodeKey: "api_endpoint:GET /api/v1/users/:id", durationMs: 20, hasError: false },
      { nodeKey: "api_endpoint:GET /api/v1/products/:id", durationMs: 20, hasError: true },
      { nodeKey: "topic:order.created", durationMs: 2, hasError: false },
    ]);
    expect(discovery.representative).toMatchObject({ durationMs: 120, hasError: true });
  });

  it("counts a failed client call as an error of the node it called", () => {
    // The gateway's call to orders gets a 404: its client span fails, orders' own span does not.
    const spans = checkoutTrace().map((s) => ({ ...s, status: s.spanId === "a2" ? ("error" as const) : ("unset" as const) }));
    const outcome = discoverTrace(spans);
    if (outcome.kind !== "discovered") throw new Error("skipped");
    expect(outcome.discovery.trace.hasError).toBe(true);
    expect(outcome.discovery.nodes.filter((n) => n.hasError).map((n) => n.nodeKey)).toEqual(["api_endpoint:POST /api/v1/orders"]);
  });

  it("gives the same discovery for any arrival order", () => {
    const forward = discoverTrace(checkoutTrace());
    const backward = discoverTrace(checkoutTrace().reverse());
    expect(backward).toEqual(forward);
  });

  it("uses the trace's wall time when the root span never arrived", () => {
    const spans = checkoutTrace().filter((s) => s.spanId !== "a1");
    const outcome = discoverTrace(spans);
    if (outcome.kind !== "discovered") throw new Error("skipped");
    expect(outcome.discovery.trace.durationMs).toBe(109);
    expect(outcome.discovery.trace.atMs).toBe(1);
  });

  it("skips empty traces, test runs and synthetic entry points", () => {
    expect(discoverTrace([])).toEqual({ kind: "skipped", reason: "empty" });
    const test = checkoutTrace();
    test[3] = { ...test[3], isTestGenerated: true };
    expect(discoverTrace(test)).toEqual({ kind: "skipped", reason: "test_generated" });
    const probe = checkoutTrace();
    probe[0] = { ...probe[0], isSynthetic: true };
    expect(discoverTrace(probe)).toEqual({ kind: "skipped", reason: "synthetic" });
    // A synthetic span below a real entry point does not hide the trace.
    const inner = checkoutTrace();
    inner[4] = { ...inner[4], isSynthetic: true };
    expect(discoverTrace(inner).kind).toBe("discovered");
  });
});
