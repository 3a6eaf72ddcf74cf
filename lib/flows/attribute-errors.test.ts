import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import { forestShapeArbitrary, materializeSpans, spanIdsArbitrary, tangledShapeArbitrary } from "../traces/testing/arbitrary-trace";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import { erroredNodeKeys, representingNode } from "./attribute-errors";
import { extractPath } from "./extract-path";
import { nodeKey } from "../traces/node-key";

const route = (method: string, path: string) => ({ "http.route": path, "http.request.method": method });

// The reported trace: the gateway's client call gets a 404 (client spans mark 4xx as errors),
// the orders service answers it without failing its own span (servers leave 4xx unset).
function orderLookup(clientStatus: "error" | "unset" = "error") {
  return [
    makeTraceSpan({ spanId: "g1", service: "api-gateway", kind: SpanKind.SERVER, name: "GET /api/v1/orders/:id", attributes: route("GET", "/api/v1/orders/:id"), endMs: 30 }),
    makeTraceSpan({ spanId: "g2", parentSpanId: "g1", service: "api-gateway", kind: SpanKind.CLIENT, name: "GET", status: clientStatus, startMs: 1, endMs: 28 }),
    makeTraceSpan({ spanId: "o1", parentSpanId: "g2", service: "orders", kind: SpanKind.SERVER, name: "GET /orders/:id", attributes: route("GET", "/orders/:id"), startMs: 2, endMs: 27 }),
    makeTraceSpan({ spanId: "o2", parentSpanId: "o1", service: "orders", kind: SpanKind.CLIENT, name: "SELECT", attributes: { "db.system.name": "postgresql", "db.namespace": "orders" }, startMs: 3, endMs: 6 }),
  ];
}

describe("erroredNodeKeys", () => {
  it("puts a failed client call on the node of the endpoint it called", () => {
    const tree = buildSpanTree(orderLookup());
    expect(extractPath(tree).map(nodeKey)).toEqual(["api_endpoint:GET /api/v1/orders/:id", "api_endpoint:GET /orders/:id", "database:orders"]);
    expect([...erroredNodeKeys(tree)]).toEqual(["api_endpoint:GET /orders/:id"]);
    expect(representingNode(tree.byId.get("g2")!)).toMatchObject({ type: "api_endpoint", identifier: "GET /orders/:id", service: "orders" });
  });

  it("finds no error in a trace without error spans", () => {
    expect(erroredNodeKeys(buildSpanTree(orderLookup("unset"))).size).toBe(0);
  });

  it("keeps a failed call to an untraced dependency on the service node it makes (rule 5)", () => {
    const tree = buildSpanTree([
      makeTraceSpan({ spanId: "c1", service: "checkout", kind: SpanKind.SERVER, attributes: route("POST", "/orders"), endMs: 30 }),
      makeTraceSpan({ spanId: "c2", parentSpanId: "c1", service: "checkout", kind: SpanKind.CLIENT, status: "error", attributes: { "peer.service": "payments" }, startMs: 1, endMs: 9 }),
    ]);
    expect([...erroredNodeKeys(tree)]).toEqual(["service:payments"]);
  });

  it("counts a failed retry on the node its successful attempt made", () => {
    const tree = buildSpanTree([
      makeTraceSpan({ spanId: "c1", service: "checkout", kind: SpanKind.SERVER, attributes: route("POST", "/orders"), endMs: 30 }),
      makeTraceSpan({ spanId: "c2", parentSpanId: "c1", service: "checkout", kind: SpanKind.CLIENT, startMs: 1, endMs: 5 }),
      makeTraceSpan({ spanId: "u1", parentSpanId: "c2", service: "users", kind: SpanKind.SERVER, attributes: route("GET", "/users/:id"), startMs: 2, endMs: 4 }),
      makeTraceSpan({ spanId: "c3", parentSpanId: "c1", service: "checkout", kind: SpanKind.CLIENT, status: "error", startMs: 6, endMs: 9 }),
      makeTraceSpan({ spanId: "u2", parentSpanId: "c3", service: "users", kind: SpanKind.SERVER, attributes: route("GET", "/users/:id"), startMs: 7, endMs: 8 }),
    ]);
    expect([...erroredNodeKeys(tree)]).toEqual(["api_endpoint:GET /users/:id"]);
  });

  it("follows a call forwarded by a callee whose server span is missing", () => {
    const tree = buildSpanTree([
      makeTraceSpan({ spanId: "g1", service: "gateway", kind: SpanKind.SERVER, attributes: route("GET", "/a"), endMs: 30 }),
      makeTraceSpan({ spanId: "g2", parentSpanId: "g1", service: "gateway", kind: SpanKind.CLIENT, status: "error", startMs: 1, endMs: 20 }),
      makeTraceSpan({ spanId: "p1", parentSpanId: "g2", service: "proxy", kind: SpanKind.CLIENT, startMs: 2, endMs: 19 }),
      makeTraceSpan({ spanId: "b1", parentSpanId: "p1", service: "backend", kind: SpanKind.SERVER, attributes: route("GET", "/b"), startMs: 3, endMs: 18 }),
    ]);
    expect([...erroredNodeKeys(tree)]).toEqual(["api_endpoint:GET /b"]);
  });

  it("never takes a span hung under a client root for want of its parent as the callee", () => {
    const tree = buildSpanTree([
      makeTraceSpan({ spanId: "s1", service: "storefront", kind: SpanKind.CLIENT, status: "error", name: "checkout", endMs: 50 }),
      makeTraceSpan({ spanId: "o0", parentSpanId: "ffffffffffffffff", service: "orders", kind: SpanKind.SERVER, attributes: route("GET", "/early"), startMs: 0, endMs: 2 }),
      makeTraceSpan({ spanId: "o1", parentSpanId: "s1", service: "orders", kind: SpanKind.SERVER, attributes: route("POST", "/orders"), startMs: 1, endMs: 40 }),
    ]);
    expect([...erroredNodeKeys(tree)]).toEqual(["api_endpoint:POST /orders"]);
  });

  it("puts every error span of any trace on a node of its path", () => {
    const traces = fc.oneof(forestShapeArbitrary, tangledShapeArbitrary).chain((shapes) =>
      spanIdsArbitrary(shapes.length + 2).map((ids) => materializeSpans(shapes, ids)),
    );
    fc.assert(
      fc.property(traces, (spans) => {
        const tree = buildSpanTree(spans);
        const path = new Set(extractPath(tree).map(nodeKey));
        const errored = erroredNodeKeys(tree);
        for (const key of errored) expect(path.has(key)).toBe(true);
        for (const treeNode of tree.nodes) expect(representingNode(treeNode)).not.toBeNull();
        expect(errored.size > 0).toBe(tree.nodes.some((n) => n.span.status === "error"));
      }),
    );
  });
});
