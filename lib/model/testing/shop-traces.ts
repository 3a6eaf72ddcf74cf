// Test fixture: a small shop's traces with recorded bodies. Orders are created (POST, an INSERT
// and an order.created event), read by id in later traces (one read misses: 404) and deleted;
// a legacy service serves a request without a route.
import { SpanKind } from "../../otlp/span";
import { makeTraceSpan } from "../../traces/testing/make-trace-span";
import type { TraceSpan } from "../../traces/trace-span";

function server(traceId: string, spanId: string, method: string, route: string, path: string, status: number, extra: Record<string, string> = {}, startMs = 0): TraceSpan {
  return makeTraceSpan({
    traceId,
    spanId,
    service: "orders",
    kind: SpanKind.SERVER,
    name: `${method} ${route}`,
    startMs,
    endMs: startMs + 20,
    status: status >= 500 ? "error" : "unset",
    attributes: { "http.request.method": method, "http.route": route, "url.path": path, "http.response.status_code": status, ...extra },
  });
}

function db(traceId: string, spanId: string, parent: string, statement: string, startMs: number): TraceSpan {
  return makeTraceSpan({ traceId, spanId, parentSpanId: parent, service: "orders", kind: SpanKind.CLIENT, name: "query", startMs, endMs: startMs + 2, attributes: { "db.system.name": "postgresql", "db.namespace": "shop", "db.query.text": statement } });
}

export function shopTraces(): TraceSpan[][] {
  const t = (n: number) => n.toString(16).padStart(32, "0");
  const create = (n: number, id: string, at: number) => [
    server(t(n), "a1", "POST", "/api/v1/orders", "/api/v1/orders", 201, { "http.request.body": JSON.stringify({ customerId: "cust-1", items: [{ productId: "p-100", quantity: 2 }] }), "http.response.body": JSON.stringify({ id, status: "confirmed", createdAt: "2026-12-05T10:00:00Z" }) }, at),
    db(t(n), "a2", "a1", "INSERT INTO orders (id, customer_id) VALUES ($1, $2)", at + 1),
    makeTraceSpan({ traceId: t(n), spanId: "a3", parentSpanId: "a1", service: "orders", kind: SpanKind.PRODUCER, name: "order.created publish", startMs: at + 5, endMs: at + 6, attributes: { "messaging.destination.name": "order.created", "messaging.system": "kafka" } }),
  ];
  const read = (n: number, id: string, status: number, at: number) => [
    server(t(n), "b1", "GET", "/api/v1/orders/:id", `/api/v1/orders/${id}`, status, status === 200 ? { "http.response.body": JSON.stringify({ id, status: "confirmed" }) } : {}, at),
    db(t(n), "b2", "b1", "SELECT * FROM orders WHERE id = $1", at + 1),
  ];
  const remove = (n: number, id: string, at: number) => [server(t(n), "c1", "DELETE", "/api/v1/orders/:id", `/api/v1/orders/${id}`, 204, {}, at), db(t(n), "c2", "c1", "DELETE FROM orders WHERE id = $1", at + 1)];
  const unrouted = (n: number, at: number) => [makeTraceSpan({ traceId: t(n), spanId: "d1", service: "legacy", kind: SpanKind.SERVER, name: "GET", startMs: at, endMs: at + 3, attributes: { "http.request.method": "GET", "url.path": "/things/1" } })];
  return [create(1, "ord-4711", 0), read(2, "ord-4711", 200, 100), create(3, "ord-4712", 200), read(4, "ord-4712", 200, 300), read(5, "ord-0404", 404, 400), remove(6, "ord-4711", 500), unrouted(7, 600)];
}

