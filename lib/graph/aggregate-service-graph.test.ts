import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import type { TraceSpan } from "../traces/trace-span";
import { aggregateServiceGraph } from "./aggregate-service-graph";
import { extractTraceGraph } from "./extract-trace-graph";
import { emptyServiceGraph, mergeGraphs } from "./merge-graph";
import { summarizeGraph } from "./summarize-graph";

const BASE_NS = 1_760_000_000_000n * 1_000_000n; // 2025-10-09T08:53:20Z

/**
 * The demo's shape: api-gateway (route-less) calls orders' POST /api/v1/orders, which calls
 * users (GET /api/v1/users/:id) and products (GET /api/v1/products/:id, failing when asked),
 * inserts into shop, publishes order.created; notifications consumes it. `slowMs` stretches
 * the gateway's call to orders.
 */
function checkout(atMs: number, { productsFail = false, callMs = 90 } = {}): TraceSpan[] {
  const at = BASE_NS + BigInt(atMs) * 1_000_000n;
  const http = (route: string, method = "GET") => ({ "http.route": route, "http.request.method": method });
  return [
    makeTraceSpan({ spanId: "g1", service: "api-gateway", name: "POST", kind: SpanKind.SERVER, startMs: 0, endMs: callMs + 10, attributes: { "http.method": "POST" } }),
    makeTraceSpan({ spanId: "g2", parentSpanId: "g1", service: "api-gateway", kind: SpanKind.CLIENT, startMs: 1, endMs: callMs + 1 }),
    makeTraceSpan({ spanId: "o1", parentSpanId: "g2", service: "orders", kind: SpanKind.SERVER, startMs: 2, endMs: callMs, attributes: http("/api/v1/orders", "POST") }),
    makeTraceSpan({ spanId: "o2", parentSpanId: "o1", service: "orders", kind: SpanKind.CLIENT, startMs: 3, endMs: 13 }),
    makeTraceSpan({ spanId: "u1", parentSpanId: "o2", service: "users", kind: SpanKind.SERVER, startMs: 4, endMs: 12, attributes: http("/api/v1/users/:id") }),
    makeTraceSpan({ spanId: "o3", parentSpanId: "o1", service: "orders", kind: SpanKind.CLIENT, status: productsFail ? "error" : "unset", startMs: 14, endMs: 24 }),
    makeTraceSpan({ spanId: "p1", parentSpanId: "o3", service: "products", kind: SpanKind.SERVER, status: productsFail ? "error" : "unset", startMs: 15, endMs: 23, attributes: http("/api/v1/products/:id") }),
    makeTraceSpan({ spanId: "o4", parentSpanId: "o1", service: "orders", kind: SpanKind.CLIENT, startMs: 25, endMs: 30, attributes: { "db.system.name": "postgresql", "db.namespace": "shop", "db.operation.name": "INSERT" } }),
    makeTraceSpan({ spanId: "o6", parentSpanId: "o1", service: "orders", kind: SpanKind.CLIENT, startMs: 31, endMs: 33, attributes: { "db.system.name": "postgresql", "db.namespace": "shop", "db.operation.name": "SELECT" } }),
    makeTraceSpan({ spanId: "o5", parentSpanId: "o1", service: "orders", kind: SpanKind.PRODUCER, startMs: 34, endMs: 36, attributes: { "messaging.system": "kafka", "messaging.destination.name": "order.created", "messaging.operation.type": "send" } }),
    makeTraceSpan({ spanId: "n1", parentSpanId: "o5", service: "notifications", kind: SpanKind.CONSUMER, startMs: 40, endMs: 50, attributes: { "messaging.system": "kafka", "messaging.destination.name": "order.created", "messaging.operation.type": "process" } }),
  ].map((s) => ({ ...s, startNs: s.startNs + at, endNs: s.endNs + at }));
}

/** orders also answers GET /api/v1/orders/:id, called by api-gateway. */
function readOrder(atMs: number): TraceSpan[] {
  const at = BASE_NS + BigInt(atMs) * 1_000_000n;
  return [
    makeTraceSpan({ spanId: "g1", service: "api-gateway", kind: SpanKind.SERVER, startMs: 0, endMs: 20 }),
    makeTraceSpan({ spanId: "g2", parentSpanId: "g1", service: "api-gateway", kind: SpanKind.CLIENT, startMs: 1, endMs: 19 }),
    makeTraceSpan({ spanId: "o1", parentSpanId: "g2", service: "orders", kind: SpanKind.SERVER, startMs: 2, endMs: 18, attributes: { "http.route": "/api/v1/orders/:id", "http.request.method": "GET" } }),
  ].map((s) => ({ ...s, startNs: s.startNs + at, endNs: s.endNs + at }));
}

const graphOf = (...traces: TraceSpan[][]) => mergeGraphs(traces.map((spans) => extractTraceGraph(buildSpanTree(spans))));

// 20 checkouts (the last one 500 ms slow, the first two with products failing) and 3 reads.
const traces = [
  ...Array.from({ length: 20 }, (_, i) => checkout(i * 1_000, { productsFail: i < 2, callMs: i === 19 ? 500 : 90 })),
  ...Array.from({ length: 3 }, (_, i) => readOrder(30_000 + i * 1_000)),
];
const stored = graphOf(...traces);

describe("aggregateServiceGraph", () => {
  const view = aggregateServiceGraph(stored);
  const node = (id: string) => view.nodes.find((n) => n.id === id)!;
  const edge = (source: string, target: string) => view.edges.find((e) => e.source === source && e.target === target)!;

  it("has one node per service, database and topic, and no endpoint nodes", () => {
    expect(view.view).toBe("service");
    expect(view.nodes.map((n) => n.id)).toEqual([
      "database:shop",
      "service:api-gateway",
      "service:notifications",
      "service:orders",
      "service:products",
      "service:users",
      "topic:order.created",
    ]);
  });

  it("joins callers to the services whose endpoints they called, per pair, with calls, errors and P95", () => {
    expect(view.edges.map((e) => [e.source, e.target, e.kinds.join("+"), e.call_count, e.error_count])).toEqual([
      ["service:api-gateway", "service:orders", "calls", 23, 0],
      ["service:orders", "database:shop", "reads+writes", 40, 0],
      ["service:orders", "service:products", "calls", 20, 2],
      ["service:orders", "service:users", "calls", 20, 0],
      ["service:orders", "topic:order.created", "publishes", 20, 0],
      ["topic:order.created", "service:notifications", "consumes", 20, 0],
    ]);
    // The gateway's call as it saw it (client span): 19 × 90 ms, 1 × 500 ms, 3 × 18 ms. The
    // P95 rank of 23 durations is floor(0.95 × 22) = 20, the 21st smallest: 90 ms, within 1%.
    const gateway = edge("service:api-gateway", "service:orders");
    expect(gateway.p95_duration_ms!).toBeGreaterThan(89);
    expect(gateway.p95_duration_ms!).toBeLessThan(91);
    expect(gateway.avg_duration_ms).toBeCloseTo((19 * 90 + 500 + 3 * 18) / 23, 6);
    expect(gateway.id).toBe("service:api-gateway→service:orders");
    expect(gateway.last_seen_at).toBe("2025-10-09T08:53:52.000Z");
  });

  it("counts calls into a service's endpoints as calls into the service (it had 0 calls in)", () => {
    // The cause: nothing in the stored graph points at service:orders, callers point at its
    // endpoints, and orders only points out at them (exposes).
    expect(Object.values(stored.edges).filter((e) => e.target === "service:orders")).toEqual([]);
    expect(node("service:orders")).toMatchObject({ calls_in: 23, errors_in: 0, calls_out: 100 });
    expect(node("service:products")).toMatchObject({ calls_in: 20, errors_in: 2 });
    // The gateway's own requests come from outside the traced system: served, but by no caller.
    expect(node("service:api-gateway")).toMatchObject({ calls_in: 0, calls_out: 23 });
    expect(node("service:notifications")).toMatchObject({ calls_in: 20, calls_out: 0 });
    expect(node("database:shop")).toMatchObject({ calls_in: 40, calls_out: 0 });
    expect(node("topic:order.created")).toMatchObject({ calls_in: 20, calls_out: 20 });
    expect(node("service:orders").p95_in_ms!).toBeGreaterThan(80);
  });

  it("lists each service's endpoints, busiest first, with requests, errors and P95", () => {
    expect(node("service:orders").endpoints.map((e) => [e.id, e.call_count, e.error_count])).toEqual([
      ["api_endpoint:POST /api/v1/orders", 20, 0],
      ["api_endpoint:GET /api/v1/orders/:id", 3, 0],
    ]);
    const [post] = node("service:orders").endpoints;
    // Served durations: 19 × 88 ms and one 498 ms; rank 18 of 20 is 88 ms.
    expect(post.p95_duration_ms!).toBeGreaterThan(87);
    expect(post.p95_duration_ms!).toBeLessThan(89);
    expect(node("service:products").endpoints).toMatchObject([{ label: "GET /api/v1/products/:id", call_count: 20, error_count: 2 }]);
    expect(node("database:shop").endpoints).toEqual([]);
  });

  it("is empty for an empty graph", () => {
    expect(aggregateServiceGraph(emptyServiceGraph())).toEqual({ view: "service", nodes: [], edges: [] });
  });
});

describe("node traffic in the endpoint view", () => {
  const view = summarizeGraph(stored);
  const node = (id: string) => view.nodes.find((n) => n.id === id)!;

  it("gives a service with routes the requests it served, and counts each request once", () => {
    expect(node("service:orders")).toMatchObject({ calls_in: 23, calls_out: 100 });
    // Before: the caller's call and the exposes edge were both counted, 40 for 20 requests.
    expect(node("api_endpoint:POST /api/v1/orders")).toMatchObject({ calls_in: 20, calls_out: 0 });
    expect(node("api_endpoint:GET /api/v1/products/:id")).toMatchObject({ calls_in: 20, errors_in: 2 });
  });

  it("gives every edge a P95", () => {
    const gateway = view.edges.find((e) => e.id === "calls:service:api-gateway→api_endpoint:POST /api/v1/orders")!;
    // 19 × 90 ms and one 500 ms: rank floor(0.95 × 19) = 18 is 90 ms.
    expect(gateway.p95_duration_ms!).toBeGreaterThan(89);
    expect(gateway.p95_duration_ms!).toBeLessThan(91);
  });
});
