// Traces to compare, sent as real OTLP from the official SDK by two services: api-gateway's
// `POST /api/orders` forwards to orders' `POST /orders`, which reads the users database and, in
// some traces, publishes `order.created`. Every span has explicit times, so durations are exact.
import { context, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { sdkClient } from "../../tests/support/otel-sdk";
import { completeTraces } from "./complete-traces";
import { allowKeylessIngest } from "./session";

interface OrderShape {
  /** Entry span and orders' server span, in ms. */
  rootMs: number;
  ordersMs: number;
  /** The users read, in ms, and whether it failed. */
  readMs: number;
  readFails?: boolean;
  /** Publishes order.created after the read. */
  publishes?: boolean;
}

export interface ComparedOrders {
  /** The flow's representative: error-free, 100 ms (orders 80 ms, read 20 ms). */
  representative: string;
  /** Same path, slower (200 ms) and its read failed (60 ms): never the representative. */
  failing: string;
  /** One node more (order.created, 10 ms) and slower: 150 ms, orders 130 ms, read 20 ms. */
  publishing: string;
  /** Span ids of the users reads, by trace id. */
  readSpanIds: Record<string, string>;
}

function recordOrder(gateway: Tracer, orders: Tracer, start: number, shape: OrderShape): { traceId: string; readSpanId: string } {
  const root = gateway.startSpan("POST /api/orders", { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": "POST", "http.route": "/api/orders" } });
  const call = gateway.startSpan("POST", { kind: SpanKind.CLIENT, startTime: start + 5, attributes: { "http.request.method": "POST", "server.address": "orders" } }, trace.setSpan(context.active(), root));
  const server = orders.startSpan("POST /orders", { kind: SpanKind.SERVER, startTime: start + 10, attributes: { "http.request.method": "POST", "http.route": "/orders" } }, trace.setSpan(context.active(), call));
  const inOrders = trace.setSpan(context.active(), server);
  const read = orders.startSpan("SELECT users", { kind: SpanKind.CLIENT, startTime: start + 20, attributes: { "db.system.name": "postgresql", "db.namespace": "users", "db.operation.name": "SELECT" } }, inOrders);
  if (shape.readFails) read.setStatus({ code: SpanStatusCode.ERROR, message: "connection reset" });
  read.end(start + 20 + shape.readMs);
  if (shape.publishes) {
    const readEnd = start + 20 + shape.readMs;
    orders.startSpan("order.created publish", { kind: SpanKind.PRODUCER, startTime: readEnd + 5, attributes: { "messaging.system": "kafka", "messaging.destination.name": "order.created" } }, inOrders).end(readEnd + 15);
  }
  server.end(start + 10 + shape.ordersMs);
  call.end(start + 12 + shape.ordersMs);
  root.end(start + shape.rootMs);
  return { traceId: root.spanContext().traceId, readSpanId: read.spanContext().spanId };
}

/** Sends and completes the three traces (the representative first). */
export async function sendComparedOrders(baseUrl: string, workspace: string): Promise<ComparedOrders> {
  await allowKeylessIngest(baseUrl, workspace);
  const headers = { "X-Workspace-ID": workspace };
  const gateway = sdkClient({ baseUrl, format: "protobuf", service: "api-gateway", headers });
  const orders = sdkClient({ baseUrl, format: "protobuf", service: "orders", headers });
  const base = Date.now() - 10_000;
  const sent = [
    recordOrder(gateway.tracer, orders.tracer, base, { rootMs: 100, ordersMs: 80, readMs: 20 }),
    recordOrder(gateway.tracer, orders.tracer, base + 1_000, { rootMs: 200, ordersMs: 180, readMs: 60, readFails: true }),
    recordOrder(gateway.tracer, orders.tracer, base + 2_000, { rootMs: 150, ordersMs: 130, readMs: 20, publishes: true }),
  ];
  await Promise.all([gateway.flush(), orders.flush()]);
  await Promise.all([gateway.shutdown(), orders.shutdown()]);
  const ids = sent.map((s) => s.traceId);
  await completeTraces(baseUrl, workspace, ids);
  return { representative: ids[0], failing: ids[1], publishing: ids[2], readSpanIds: Object.fromEntries(sent.map((s) => [s.traceId, s.readSpanId])) };
}
