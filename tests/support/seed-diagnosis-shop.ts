// A shop whose failures a diagnosis should tell apart, sent as real OTLP by the official SDK:
// - POST /api/orders: the gateway looks the product up in products, then records the attempt in
//   its database either way (so failing and passing orders share one path, one flow). Lookups of
//   category "machines" fail every other time: the attribute that explains the failures.
//   The five gold customers' orders write slowly (0.3 to 0.7 s): the attribute that explains
//   slowness. Different lengths, so the flow's P95 falls among them, well clear of the rest.
// - GET /api/orders/:id: every seventh read fails with "database is locked", whoever asks for
//   whatever: nothing explains it.
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { completeTraces } from "../../e2e/support/complete-traces";
import { sdkClient } from "./otel-sdk";

export const SHOP_CATEGORIES = ["beans", "cups", "machines", "filters"] as const;
export const FAILING_CATEGORY = "machines";
const CUSTOMERS = ["c-1", "c-2", "c-3", "c-4", "c-5"];
/** Orders by gold customers (none of them with a machine, so slowness and failure stay apart). */
const GOLD_ORDERS = [7, 19, 31, 43, 55];

export interface SeededShop {
  orderTraceIds: string[];
  failingOrderTraceIds: string[];
  readTraceIds: string[];
}

export async function seedDiagnosisShop(baseUrl: string, workspace: string, counts = { orders: 64, reads: 70 }): Promise<SeededShop> {
  const headers = { "X-Workspace-ID": workspace };
  const gateway = sdkClient({ baseUrl, format: "protobuf", service: "gateway", headers });
  const products = sdkClient({ baseUrl, format: "protobuf", service: "products", headers });
  const seeded: SeededShop = { orderTraceIds: [], failingOrderTraceIds: [], readTraceIds: [] };
  // Spread over the last hour, oldest first, with explicit times so no two spans tie.
  const t0 = Date.now() - 3_600_000;
  for (let i = 0; i < counts.orders; i++) {
    const start = t0 + i * 1_000;
    const category = SHOP_CATEGORIES[i % SHOP_CATEGORIES.length]!;
    const gold = GOLD_ORDERS.indexOf(i);
    const tier = gold >= 0 ? "gold" : "standard";
    const fails = category === FAILING_CATEGORY && Math.floor(i / SHOP_CATEGORIES.length) % 2 === 0;
    const writeMs = gold >= 0 ? 300 + gold * 100 : 5 + (i % 5);
    const root = gateway.tracer.startSpan("POST /api/orders", {
      kind: SpanKind.SERVER,
      startTime: start,
      attributes: { "http.request.method": "POST", "http.route": "/api/orders", "customer.tier": tier, "customer.id": CUSTOMERS[i % CUSTOMERS.length]!, "request.id": `req-${i}` },
    });
    const rootContext = trace.setSpan(context.active(), root);
    const call = gateway.tracer.startSpan("GET", { kind: SpanKind.CLIENT, startTime: start + 1, attributes: { "http.request.method": "GET", "server.address": "products" } }, rootContext);
    const lookup = products.tracer.startSpan(
      "GET /products/:id",
      { kind: SpanKind.SERVER, startTime: start + 2, attributes: { "http.request.method": "GET", "http.route": "/products/:id", "product.category": category, "product.id": `p-${i % 5}` } },
      trace.setSpan(context.active(), call),
    );
    if (fails) {
      lookup.setStatus({ code: SpanStatusCode.ERROR, message: `supplier feed for ${category} timed out` });
      call.setStatus({ code: SpanStatusCode.ERROR, message: "503 Service Unavailable" });
    }
    lookup.end(start + 10);
    call.end(start + 11);
    gateway.tracer
      .startSpan("INSERT orders", { kind: SpanKind.CLIENT, startTime: start + 12, attributes: { "db.system.name": "postgresql", "db.namespace": "shop" } }, rootContext)
      .end(start + 12 + writeMs);
    if (fails) root.setStatus({ code: SpanStatusCode.ERROR, message: "products could not look the product up" });
    root.end(start + 14 + writeMs);
    const traceId = root.spanContext().traceId;
    seeded.orderTraceIds.push(traceId);
    if (fails) seeded.failingOrderTraceIds.push(traceId);
    // One export per span: stay under the exporter's limit of concurrent exports.
    if (i % 4 === 3) await Promise.all([gateway.flush(), products.flush()]);
  }
  for (let i = 0; i < counts.reads; i++) {
    const start = t0 + 500 + i * 1_000;
    const root = gateway.tracer.startSpan("GET /api/orders/:id", {
      kind: SpanKind.SERVER,
      startTime: start,
      attributes: { "http.request.method": "GET", "http.route": "/api/orders/:id", "customer.tier": i % 3 === 0 ? "gold" : "standard", "customer.id": CUSTOMERS[i % CUSTOMERS.length]! },
    });
    const select = gateway.tracer.startSpan("SELECT orders", { kind: SpanKind.CLIENT, startTime: start + 1, attributes: { "db.system.name": "postgresql", "db.namespace": "shop" } }, trace.setSpan(context.active(), root));
    if (i % 7 === 3) {
      select.setStatus({ code: SpanStatusCode.ERROR, message: "database is locked" });
      root.setStatus({ code: SpanStatusCode.ERROR, message: "database is locked" });
    }
    select.end(start + 4);
    root.end(start + 6);
    seeded.readTraceIds.push(root.spanContext().traceId);
    if (i % 8 === 7) await gateway.flush();
  }
  await Promise.all([gateway.flush(), products.flush()]);
  await Promise.all([gateway.shutdown(), products.shutdown()]);
  await completeTraces(baseUrl, workspace, [...seeded.orderTraceIds, ...seeded.readTraceIds]);
  return seeded;
}
