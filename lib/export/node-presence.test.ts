import { describe, expect, it } from "vitest";
import { SpanKind, type Attributes, type SpanKindNumber } from "../otlp/span";
import { buildTraceContext, evaluateAssertion, parseAssertion } from "../trace-assert";
import { nodeKey } from "../traces/node-key";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import { typePathNode } from "../traces/type-path-node";
import { nodePresentExpression } from "./node-presence";

interface SpanCase {
  service: string;
  kind: SpanKindNumber;
  attributes: Attributes;
}

// One span per typing rule, with current and older keys.
const CASES: Record<string, SpanCase> = {
  "route and current method": { service: "loyalty", kind: SpanKind.SERVER, attributes: { "http.route": "/loyalty/points", "http.request.method": "POST" } },
  "route and older method": { service: "loyalty", kind: SpanKind.SERVER, attributes: { "http.route": "/loyalty/points", "http.method": "GET" } },
  "route without method": { service: "legacy", kind: SpanKind.SERVER, attributes: { "http.route": "/ping" } },
  "database namespace": { service: "orders", kind: SpanKind.CLIENT, attributes: { "db.system.name": "postgresql", "db.namespace": "shop" } },
  "older database name": { service: "orders", kind: SpanKind.CLIENT, attributes: { "db.system": "mysql", "db.name": "legacy" } },
  "numeric database index": { service: "cart", kind: SpanKind.CLIENT, attributes: { "db.system.name": "redis", "db.namespace": 0 } },
  "database system only": { service: "cart", kind: SpanKind.CLIENT, attributes: { "db.system.name": "memcached" } },
  topic: { service: "orders", kind: SpanKind.PRODUCER, attributes: { "messaging.destination.name": "order.created" } },
  "older topic": { service: "billing", kind: SpanKind.CONSUMER, attributes: { "messaging.destination": "invoices" } },
  "uninstrumented peer": { service: "orders", kind: SpanKind.CLIENT, attributes: { "peer.service": "fraud-api" } },
  "peer by address": { service: "orders", kind: SpanKind.CLIENT, attributes: { "server.address": "payments.internal" } },
  "internal work": { service: "scheduler", kind: SpanKind.INTERNAL, attributes: {} },
};

function traceOf(cases: SpanCase[]) {
  return buildTraceContext(cases.map((c, i) => makeTraceSpan({ spanId: `00000000000000${(16 + i).toString(16)}`, service: c.service, kind: c.kind, startMs: i, attributes: c.attributes })));
}

describe("nodePresentExpression", () => {
  const entries = Object.entries(CASES);

  it.each(entries)("finds the node a span is typed as: %s", (_, span) => {
    const node = typePathNode(span, [])!;
    const expression = nodePresentExpression(node);
    expect(parseAssertion(expression).ok).toBe(true);
    expect(evaluateAssertion(expression, traceOf([span])).status).toBe("passed");
  });

  it.each(entries)("does not find it among the spans of every other node: %s", (_, span) => {
    const node = typePathNode(span, [])!;
    const others = entries.map(([, c]) => c).filter((c) => nodeKey(typePathNode(c, [])!) !== nodeKey(node));
    expect(evaluateAssertion(nodePresentExpression(node), traceOf(others)).status).toBe("failed");
  });

  it("tells endpoints of one route apart by method, and a route with a method from one without", () => {
    const post = CASES["route and current method"];
    const get = { ...post, attributes: { ...post.attributes, "http.request.method": "GET" } };
    expect(evaluateAssertion(nodePresentExpression({ type: "api_endpoint", identifier: "POST /loyalty/points" }), traceOf([get])).status).toBe("failed");
    expect(evaluateAssertion(nodePresentExpression({ type: "api_endpoint", identifier: "/loyalty/points" }), traceOf([post])).status).toBe("failed");
  });

  it("reads as a condition on attributes", () => {
    expect(nodePresentExpression({ type: "api_endpoint", identifier: "POST /loyalty/points" })).toBe(
      "trace.spans | any(.attributes['http.route'] == '/loyalty/points' and (.attributes['http.request.method'] == 'POST' or .attributes['http.method'] == 'POST'))",
    );
  });
});
