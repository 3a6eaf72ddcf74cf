// The trace page's diagnosis through the running app: traces from the official OpenTelemetry SDK
// (a checkout whose card charge fails, a gateway that gives up on a slow service) read back with
// their critical path, error origins and error chains, on SQLite and, when TEST_DATABASE_URL is
// set, PostgreSQL.
import { context, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceDiagnosisView } from "../../lib/api/trace-diagnosis-view";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";
import { sdkClient } from "../support/otel-sdk";

const WORKSPACE = "diagnosis";

/** POST /checkout: reads the cart, then charges the card, which is declined. */
function recordFailedCheckout(tracer: Tracer, start: number) {
  const root = tracer.startSpan("POST /checkout", { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": "POST", "http.route": "/checkout" } });
  const parent = trace.setSpan(context.active(), root);
  const cart = tracer.startSpan("GET /cart", { kind: SpanKind.CLIENT, startTime: start + 10 }, parent);
  cart.end(start + 40);
  const charge = tracer.startSpan("charge card", { kind: SpanKind.CLIENT, startTime: start + 50 }, parent);
  charge.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
  charge.end(start + 150);
  // The handler reports the charge's failure in its own words: it passes the error on.
  root.setStatus({ code: SpanStatusCode.ERROR, message: "checkout failed: card declined" });
  root.end(start + 200);
  return { traceId: root.spanContext().traceId, root: root.spanContext().spanId, cart: cart.spanContext().spanId, charge: charge.spanContext().spanId };
}

/** The gateway answers 504 after 1 s while orders, which reports no error, is still working. */
function recordMaskedTimeout(gateway: Tracer, orders: Tracer, start: number) {
  const root = gateway.startSpan("POST /orders", { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": "POST", "http.response.status_code": 504 } });
  root.setStatus({ code: SpanStatusCode.ERROR });
  const egress = gateway.startSpan("proxy to orders", { kind: SpanKind.CLIENT, startTime: start + 1 }, trace.setSpan(context.active(), root));
  const server = orders.startSpan("POST /orders", { kind: SpanKind.SERVER, startTime: start + 2, attributes: { "http.route": "/orders", "http.request.method": "POST" } }, trace.setSpan(context.active(), egress));
  server.end(start + 1000);
  egress.end(start + 1000);
  root.end(start + 1000);
  return { traceId: root.spanContext().traceId, gateway: root.spanContext().spanId, egress: egress.spanContext().spanId, orders: server.spanContext().spanId };
}

describe.each([
  ["SQLite", async () => undefined],
  ["PostgreSQL", tempPostgresUrl],
] as const)("a trace's diagnosis on %s", (store, database) => {
  let app: AppServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let checkout: ReturnType<typeof recordFailedCheckout>;
  let timeout: ReturnType<typeof recordMaskedTimeout>;
  const START = Date.now() - 60_000;

  beforeAll(async () => {
    const temp = await database();
    if (store === "PostgreSQL" && !temp) return;
    dropDatabase = temp?.drop;
    app = await startApp(temp ? { databaseUrl: temp.url } : {});
    const headers = { "X-Workspace-ID": WORKSPACE };
    const shop = sdkClient({ baseUrl: app.baseUrl, format: "protobuf", service: "shop", headers });
    const gateway = sdkClient({ baseUrl: app.baseUrl, format: "json", service: "gateway", headers });
    const orders = sdkClient({ baseUrl: app.baseUrl, format: "protobuf", service: "orders", headers });
    checkout = recordFailedCheckout(shop.tracer, START);
    timeout = recordMaskedTimeout(gateway.tracer, orders.tracer, START + 5_000);
    for (const client of [shop, gateway, orders]) {
      await client.flush();
      await client.shutdown();
    }
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await dropDatabase?.();
  });

  const diagnosisOf = async (traceId: string): Promise<TraceDiagnosisView & { spans: { span_id: string }[] }> => {
    const response = await fetch(`${app!.baseUrl}/api/v1/workspaces/${WORKSPACE}/telemetry/traces/${traceId}`);
    expect(response.status).toBe(200);
    return response.json();
  };
  const ns = (offsetMs: number) => (BigInt(START + offsetMs) * 1_000_000n).toString();

  it("names the failed charge as where the error starts, and chains it to the root", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const body = await diagnosisOf(checkout.traceId);
    expect(body.spans).toHaveLength(3);
    expect(body.error_origins).toEqual([
      {
        span_id: checkout.charge,
        service: "shop",
        operation: "charge card",
        status_message: "card declined",
        reason: "leaf_error",
        role: "cause",
        start_time_unix_nano: ns(50),
        duration_ms: 100,
        masked_by_span_id: null,
      },
    ]);
    expect(body.error_chains).toEqual([{ origin_span_id: checkout.charge, role: "cause", reason: "leaf_error", links: [checkout.charge, checkout.root] }]);
  });

  it("gives the critical path through the cart read and the charge, with each span's time on it", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const { critical_path: path } = await diagnosisOf(checkout.traceId);
    expect(path.map((s) => [s.span_id, s.start_time_unix_nano, s.end_time_unix_nano, s.self_time_ms])).toEqual([
      [checkout.root, ns(0), ns(10), 70],
      [checkout.cart, ns(10), ns(40), 30],
      [checkout.root, ns(40), ns(50), 70],
      [checkout.charge, ns(50), ns(150), 100],
      [checkout.root, ns(150), ns(200), 70],
    ]);
  });

  it("moves a masked timeout's origin to the span that used the whole budget", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const body = await diagnosisOf(timeout.traceId);
    expect(body.error_origins).toEqual([
      expect.objectContaining({ span_id: timeout.orders, service: "orders", reason: "timeout_masked", role: "cause", masked_by_span_id: timeout.gateway, duration_ms: 998 }),
    ]);
    expect(body.error_chains[0].links).toEqual([timeout.orders, timeout.egress, timeout.gateway]);
    expect(body.critical_path.map((s) => s.span_id)).toEqual([timeout.gateway, timeout.egress, timeout.orders]);
  });
});
