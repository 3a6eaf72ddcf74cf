// Seeds an order lifecycle through real OTLP from the official SDK: a gateway that records
// request and response bodies, orders created in one trace each and read by id in later
// traces (one read misses: 404), and a legacy service that serves requests without a route.
import { context, SpanKind, trace, type Span } from "@opentelemetry/api";
import { sdkClient, type SdkClient } from "../../tests/support/otel-sdk";
import { completeTraces } from "./complete-traces";
import { allowKeylessIngest } from "./session";

const SERVICES = ["api-gateway", "orders", "legacy-billing"] as const;
type Service = (typeof SERVICES)[number];

/**
 * A shop whose gateway records request and response bodies: each order is created in one trace
 * (POST /api/v1/orders answers its id) and read by that id in a later trace, one read asks for
 * an order that does not exist, and a legacy service serves requests without a route.
 */
/** `missingRead: false` leaves out the read of an order that does not exist (404). */
export async function sendOrderLifecycle(baseUrl: string, workspace: string, orderIds: readonly string[], options: { missingRead?: boolean } = {}): Promise<void> {
  await allowKeylessIngest(baseUrl, workspace);
  const clients = Object.fromEntries(SERVICES.map((service) => [service, sdkClient({ baseUrl, format: "protobuf", service, headers: { "X-Workspace-ID": workspace } })])) as Record<Service, SdkClient>;
  const span = (service: Service, name: string, parent: Span | null, kind: SpanKind, startMs: number, attributes: Record<string, string | number>) =>
    clients[service].tracer.startSpan(name, { kind, startTime: startMs, attributes }, parent ? trace.setSpan(context.active(), parent) : context.active());
  const flushAll = () => Promise.all(Object.values(clients).map((c) => c.flush()));
  const traceIds: string[] = [];
  // Explicit, increasing start times: every read starts after the order it reads was created.
  let t = Date.now() - 10_000;

  for (const [n, id] of orderIds.entries()) {
    t += 100;
    const request = { customerId: `cust-${100 + n}`, items: [{ productId: "p-100", quantity: n + 1 }], note: n === 0 ? "leave at the door" : null };
    const response = { id, status: "confirmed", total: 19.5 * (n + 1), createdAt: "2026-12-05T10:00:00Z", items: request.items };
    const gateway = span("api-gateway", "POST /api/v1/orders", null, SpanKind.SERVER, t, {
      "http.request.method": "POST",
      "http.route": "/api/v1/orders",
      "url.path": "/api/v1/orders",
      "http.response.status_code": 201,
      "http.request.header.content-type": "application/json",
      "http.request.body": JSON.stringify(request),
      "http.response.body": JSON.stringify(response),
    });
    const call = span("api-gateway", "POST", gateway, SpanKind.CLIENT, t + 2, { "http.request.method": "POST", "server.address": "orders", "http.response.status_code": 201 });
    const orders = span("orders", "POST /orders", call, SpanKind.SERVER, t + 3, { "http.request.method": "POST", "http.route": "/orders", "url.path": "/orders", "http.response.status_code": 201 });
    span("orders", "INSERT orders", orders, SpanKind.CLIENT, t + 4, { "db.system.name": "postgresql", "db.namespace": "shop", "db.query.text": "INSERT INTO orders (id, customer_id, total) VALUES ($1, $2, $3)" }).end(t + 8);
    span("orders", "order.created publish", orders, SpanKind.PRODUCER, t + 9, { "messaging.system": "kafka", "messaging.destination.name": "order.created", "messaging.operation.type": "send" }).end(t + 10);
    orders.end(t + 12);
    call.end(t + 13);
    gateway.end(t + 15);
    traceIds.push(gateway.spanContext().traceId);
    await flushAll();
  }

  for (const id of [...orderIds, ...(options.missingRead === false ? [] : ["ord-missing-9999"])]) {
    t += 100;
    const found = id !== "ord-missing-9999";
    const status = found ? 200 : 404;
    const gateway = span("api-gateway", "GET /api/v1/orders/:id", null, SpanKind.SERVER, t, {
      "http.request.method": "GET",
      "http.route": "/api/v1/orders/:id",
      "url.path": `/api/v1/orders/${id}`,
      "http.response.status_code": status,
      "http.response.body": JSON.stringify(found ? { id, status: "confirmed" } : { error: "order not found" }),
    });
    const call = span("api-gateway", "GET", gateway, SpanKind.CLIENT, t + 1, { "http.request.method": "GET", "server.address": "orders", "http.response.status_code": status });
    const orders = span("orders", "GET /orders/:id", call, SpanKind.SERVER, t + 2, { "http.request.method": "GET", "http.route": "/orders/:id", "url.path": `/orders/${id}`, "http.response.status_code": status });
    span("orders", "SELECT orders", orders, SpanKind.CLIENT, t + 3, { "db.system.name": "postgresql", "db.namespace": "shop", "db.query.text": "SELECT id, status, total FROM orders WHERE id = $1" }).end(t + 5);
    orders.end(t + 6);
    call.end(t + 7);
    gateway.end(t + 8);
    traceIds.push(gateway.spanContext().traceId);
    await flushAll();
  }

  t += 100;
  const legacy = span("legacy-billing", "GET", null, SpanKind.SERVER, t, { "http.request.method": "GET", "url.path": "/invoices/17", "http.response.status_code": 200 });
  legacy.end(t + 4);
  traceIds.push(legacy.spanContext().traceId);
  await flushAll();

  for (const c of Object.values(clients)) await c.shutdown();
  await completeTraces(baseUrl, workspace, traceIds);
}
