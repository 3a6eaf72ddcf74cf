import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import { nodeKey } from "../traces/node-key";
import { forestShapeArbitrary, materializeSpans, shuffleWithDuplicates, spanIdsArbitrary } from "../traces/testing/arbitrary-trace";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import { computeFingerprint } from "./compute-fingerprint";
import { extractPath } from "./extract-path";
import { formatPath } from "./format-path";

/**
 * DESIGN.md's example: a gateway whose root span has no route calls orders, which calls users
 * and products and publishes an event that a notifier consumes. Client spans carry what real
 * instrumentations put there (server.address), which rule 4 must ignore.
 */
const designExample = [
  makeTraceSpan({ spanId: "a1", service: "api-gateway", name: "POST", kind: SpanKind.SERVER, startMs: 0, endMs: 80 }),
  makeTraceSpan({ spanId: "a2", parentSpanId: "a1", service: "api-gateway", name: "HTTP POST", kind: SpanKind.CLIENT, startMs: 1, endMs: 79, attributes: { "server.address": "orders" } }),
  makeTraceSpan({ spanId: "o1", parentSpanId: "a2", service: "orders", name: "POST /api/v1/orders", kind: SpanKind.SERVER, startMs: 2, endMs: 78, attributes: { "http.route": "/api/v1/orders", "http.request.method": "POST" } }),
  makeTraceSpan({ spanId: "o2", parentSpanId: "o1", service: "orders", name: "HTTP GET", kind: SpanKind.CLIENT, startMs: 3, endMs: 20, attributes: { "server.address": "users" } }),
  makeTraceSpan({ spanId: "u1", parentSpanId: "o2", service: "users", name: "GET /api/v1/users/:id", kind: SpanKind.SERVER, startMs: 4, endMs: 19, attributes: { "http.route": "/api/v1/users/:id", "http.method": "GET" } }),
  makeTraceSpan({ spanId: "o3", parentSpanId: "o1", service: "orders", name: "HTTP GET", kind: SpanKind.CLIENT, startMs: 21, endMs: 40, attributes: { "server.address": "products" } }),
  makeTraceSpan({ spanId: "p1", parentSpanId: "o3", service: "products", name: "GET /api/v1/products/:id", kind: SpanKind.SERVER, startMs: 22, endMs: 39, attributes: { "http.route": "/api/v1/products/:id", "http.request.method": "GET" } }),
  makeTraceSpan({ spanId: "o4", parentSpanId: "o1", service: "orders", name: "order.created publish", kind: SpanKind.PRODUCER, startMs: 41, endMs: 45, attributes: { "messaging.destination.name": "order.created" } }),
  makeTraceSpan({ spanId: "n1", parentSpanId: "o4", service: "notifier", name: "order.created process", kind: SpanKind.CONSUMER, startMs: 50, endMs: 60, attributes: { "messaging.destination": "order.created" } }),
];

describe("extractPath", () => {
  it("reads DESIGN.md's example exactly", () => {
    const path = extractPath(buildSpanTree(designExample));
    expect(formatPath(path)).toBe(
      "service:api-gateway → api_endpoint:POST /api/v1/orders → api_endpoint:GET /api/v1/users/:id → api_endpoint:GET /api/v1/products/:id → topic:order.created",
    );
    expect(path).toEqual([
      { type: "service", identifier: "api-gateway", service: "api-gateway" },
      { type: "api_endpoint", identifier: "POST /api/v1/orders", service: "orders" },
      { type: "api_endpoint", identifier: "GET /api/v1/users/:id", service: "users" },
      { type: "api_endpoint", identifier: "GET /api/v1/products/:id", service: "products" },
      { type: "topic", identifier: "order.created", service: "orders" },
    ]);
  });

  it("is independent of arrival order", () => {
    expect(extractPath(buildSpanTree([...designExample].reverse()))).toEqual(extractPath(buildSpanTree(designExample)));
  });

  it("collapses retries into their first occurrence", () => {
    const spans = [
      makeTraceSpan({ spanId: "r", service: "orders", kind: SpanKind.SERVER, attributes: { "http.route": "/orders", "http.method": "POST" } }),
      ...[1, 2, 3].flatMap((attempt) => [
        makeTraceSpan({ spanId: `c${attempt}`, parentSpanId: "r", service: "orders", kind: SpanKind.CLIENT, startMs: attempt * 10, status: attempt < 3 ? "error" : "ok" }),
        makeTraceSpan({ spanId: `s${attempt}`, parentSpanId: `c${attempt}`, service: "users", kind: SpanKind.SERVER, startMs: attempt * 10 + 1, attributes: { "http.route": "/users/:id", "http.method": "GET" } }),
      ]),
      makeTraceSpan({ spanId: "db", parentSpanId: "r", service: "orders", kind: SpanKind.CLIENT, startMs: 40, attributes: { "db.system": "postgresql", "db.name": "orders" } }),
    ];
    expect(formatPath(extractPath(buildSpanTree(spans)))).toBe("api_endpoint:POST /orders → api_endpoint:GET /users/:id → database:orders");
  });

  it("keeps a node where it first appears, even when it comes back later", () => {
    const spans = [
      makeTraceSpan({ spanId: "r", service: "a", startMs: 0 }),
      makeTraceSpan({ spanId: "b", parentSpanId: "r", service: "b", startMs: 1 }),
      makeTraceSpan({ spanId: "a2", parentSpanId: "b", service: "a", startMs: 2 }),
      makeTraceSpan({ spanId: "c", parentSpanId: "a2", service: "c", startMs: 3 }),
    ];
    expect(formatPath(extractPath(buildSpanTree(spans)))).toBe("service:a → service:b → service:c");
  });

  it("includes orphaned subtrees at their place in start order", () => {
    const spans = [
      makeTraceSpan({ spanId: "r", service: "gateway", startMs: 0, endMs: 100 }),
      makeTraceSpan({ spanId: "late", parentSpanId: "r", service: "late", startMs: 50 }),
      makeTraceSpan({ spanId: "o", parentSpanId: "lost-client-span", service: "orphaned", startMs: 10 }),
    ];
    expect(formatPath(extractPath(buildSpanTree(spans)))).toBe("service:gateway → service:orphaned → service:late");
  });

  it("is empty for a trace without spans", () => {
    expect(extractPath(buildSpanTree([]))).toEqual([]);
  });

  describe("properties", () => {
    const forest = forestShapeArbitrary.chain((shapes) =>
      fc.tuple(fc.constant(shapes), spanIdsArbitrary(shapes.length + 2), spanIdsArbitrary(shapes.length + 2), fc.integer()),
    );

    it("never holds the same type:identifier twice", () => {
      fc.assert(
        fc.property(forest, ([shapes, spanIds]) => {
          const keys = extractPath(buildSpanTree(materializeSpans(shapes, spanIds))).map(nodeKey);
          expect(new Set(keys).size).toBe(keys.length);
        }),
      );
    });

    it("gives the same path and fingerprint for any span ids, arrival order and duplicates", () => {
      fc.assert(
        fc.property(forest, ([shapes, idsA, idsB, seed]) => {
          const one = extractPath(buildSpanTree(materializeSpans(shapes, idsA)));
          const other = extractPath(buildSpanTree(shuffleWithDuplicates(materializeSpans(shapes, idsB), seed)));
          expect(other).toEqual(one);
          expect(computeFingerprint(other)).toBe(computeFingerprint(one));
        }),
        { numRuns: 300 },
      );
    });
  });
});
