// Seeds the demo's shape through real OTLP from the official SDK, one SDK client per service
// (each its own service.name), spans joined in-process as the demo's HTTP propagation joins
// them: storefront → api-gateway → orders → users, products, the orders database, loyalty
// (gold customers) and order.created, which notifications consumes; order reads go
// api-gateway → orders → database.
import { context, SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import { sdkClient, type SdkClient } from "../../tests/support/otel-sdk";
import { completeTraces } from "./complete-traces";
import { allowKeylessIngest } from "./session";

export interface ShopTraffic {
  /** Orders placed; every third customer is gold (loyalty is called). */
  orders: number;
  /** Order reads. */
  reads?: number;
  /** Orders whose product lookup fails, the first ones placed. */
  productFailures?: number;
}

const SERVICES = ["storefront", "api-gateway", "orders", "users", "products", "loyalty", "notifications"] as const;
type ShopService = (typeof SERVICES)[number];

export async function sendShopTraffic(baseUrl: string, workspace: string, traffic: ShopTraffic): Promise<string[]> {
  await allowKeylessIngest(baseUrl, workspace);
  const clients = Object.fromEntries(SERVICES.map((service) => [service, sdkClient({ baseUrl, format: "protobuf", service, headers: { "X-Workspace-ID": workspace } })])) as Record<ShopService, SdkClient>;
  const ids: string[] = [];
  // The SDK's simple processor drops spans beyond 30 exports in flight: flush after each trace.
  const flushAll = () => Promise.all(Object.values(clients).map((c) => c.flush()));
  const span = (service: ShopService, name: string, parent: Span | null, kind: SpanKind, startMs: number, attributes: Record<string, string | number>) =>
    clients[service].tracer.startSpan(name, { kind, startTime: startMs, attributes }, parent ? trace.setSpan(context.active(), parent) : context.active());
  const server = (service: ShopService, method: string, route: string, parent: Span | null, startMs: number) =>
    span(service, `${method} ${route}`, parent, SpanKind.SERVER, startMs, { "http.request.method": method, "http.route": route, "http.response.status_code": 200 });
  const client = (service: ShopService, method: string, parent: Span, startMs: number) => span(service, method, parent, SpanKind.CLIENT, startMs, { "http.request.method": method });

  for (let i = 0; i < traffic.orders; i++) {
    const t = Date.now() - 400;
    const browser = span("storefront", "checkout", null, SpanKind.CLIENT, t, { "http.request.method": "POST" });
    const gateway = server("api-gateway", "POST", "/api/v1/orders", browser, t + 2);
    const toOrders = client("api-gateway", "POST", gateway, t + 5);
    const orders = server("orders", "POST", "/orders", toOrders, t + 7);
    const toUsers = client("orders", "GET", orders, t + 10);
    server("users", "GET", "/users/:id", toUsers, t + 11).end(t + 19);
    toUsers.end(t + 20);
    const toProducts = client("orders", "GET", orders, t + 22);
    const product = server("products", "GET", "/products/:id", toProducts, t + 23);
    if (i < (traffic.productFailures ?? 0)) {
      product.setStatus({ code: SpanStatusCode.ERROR, message: "product lookup failed" });
      toProducts.setStatus({ code: SpanStatusCode.ERROR, message: "500" });
    }
    product.end(t + 31 + (i % 5) * 4);
    toProducts.end(t + 32 + (i % 5) * 4);
    span("orders", "INSERT orders", orders, SpanKind.CLIENT, t + 60, { "db.system.name": "sqlite", "db.namespace": "orders", "db.operation.name": "INSERT" }).end(t + 64);
    if (i % 3 === 0) {
      const toLoyalty = client("orders", "POST", orders, t + 66);
      server("loyalty", "POST", "/loyalty/points", toLoyalty, t + 67).end(t + 75);
      toLoyalty.end(t + 76);
    }
    const publish = span("orders", "order.created publish", orders, SpanKind.PRODUCER, t + 80, { "messaging.system": "demo-queue", "messaging.destination.name": "order.created", "messaging.operation.type": "send" });
    publish.end(t + 82);
    span("notifications", "order.created process", publish, SpanKind.CONSUMER, t + 85, { "messaging.system": "demo-queue", "messaging.destination.name": "order.created", "messaging.operation.type": "process" }).end(t + 95);
    orders.end(t + 90);
    toOrders.end(t + 92);
    gateway.end(t + 94);
    browser.end(t + 96);
    ids.push(browser.spanContext().traceId);
    await flushAll();
  }
  for (let i = 0; i < (traffic.reads ?? 0); i++) {
    const t = Date.now() - 200;
    const gateway = server("api-gateway", "GET", "/api/v1/orders/:id", null, t);
    const toOrders = client("api-gateway", "GET", gateway, t + 2);
    const orders = server("orders", "GET", "/orders/:id", toOrders, t + 3);
    span("orders", "SELECT orders", orders, SpanKind.CLIENT, t + 4, { "db.system.name": "sqlite", "db.namespace": "orders", "db.operation.name": "SELECT" }).end(t + 6);
    orders.end(t + 8);
    toOrders.end(t + 9);
    gateway.end(t + 10);
    ids.push(gateway.spanContext().traceId);
    await flushAll();
  }
  for (const c of Object.values(clients)) await c.shutdown();
  await completeTraces(baseUrl, workspace, ids);
  return ids;
}
