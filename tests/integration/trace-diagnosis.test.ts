// The trace page's diagnosis through the running app: traces from the official OpenTelemetry SDK
// (a checkout whose card charge is declined, a gateway that gives up on a slow service) read back
// with their critical path, error origins and error chains, on SQLite and, when
// TEST_DATABASE_URL is set, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceDiagnosisView } from "../../lib/api/trace-diagnosis-view";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";
import { sdkClient } from "../support/otel-sdk";
import { recordDeclinedCheckout, recordMaskedTimeout } from "../support/record-diagnosis-traces";

const WORKSPACE = "diagnosis";

describe.each([
  ["SQLite", async () => undefined],
  ["PostgreSQL", tempPostgresUrl],
] as const)("a trace's diagnosis on %s", (store, database) => {
  let app: AppServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let checkout: ReturnType<typeof recordDeclinedCheckout>;
  let timeout: ReturnType<typeof recordMaskedTimeout>;
  const START = Date.now() - 60_000;

  beforeAll(async () => {
    const temp = await database();
    if (store === "PostgreSQL" && !temp) return;
    dropDatabase = temp?.drop;
    app = await startApp(temp ? { databaseUrl: temp.url } : {});
    const headers = { "X-Workspace-ID": WORKSPACE };
    const shop = sdkClient({ baseUrl: app.baseUrl, format: "protobuf", service: "shop", headers });
    const payments = sdkClient({ baseUrl: app.baseUrl, format: "json", service: "payments", headers });
    const gateway = sdkClient({ baseUrl: app.baseUrl, format: "json", service: "gateway", headers });
    const orders = sdkClient({ baseUrl: app.baseUrl, format: "protobuf", service: "orders", headers });
    checkout = recordDeclinedCheckout(shop.tracer, payments.tracer, START);
    timeout = recordMaskedTimeout(gateway.tracer, orders.tracer, START + 5_000);
    for (const client of [shop, payments, gateway, orders]) {
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

  it("names the declined charge as where the error starts, the failed receipt as a consequence, and chains both to the root", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const body = await diagnosisOf(checkout.traceId);
    expect(body.spans).toHaveLength(5);
    expect(body.error_origins).toEqual([
      {
        span_id: checkout.charges,
        service: "payments",
        operation: "POST /charges",
        status_message: "card declined: insufficient funds",
        reason: "leaf_error",
        role: "cause",
        start_time_unix_nano: ns(52),
        duration_ms: 96,
        masked_by_span_id: null,
      },
      expect.objectContaining({ span_id: checkout.receipt, service: "shop", operation: "send receipt", status_message: "mailer unavailable", reason: "leaf_error", role: "consequence" }),
    ]);
    expect(body.error_chains).toEqual([
      { origin_span_id: checkout.charges, role: "cause", reason: "leaf_error", links: [checkout.charges, checkout.charge, checkout.root] },
      { origin_span_id: checkout.receipt, role: "consequence", reason: "leaf_error", links: [checkout.receipt, checkout.root] },
    ]);
  });

  it("gives the critical path through the cart read, the charge and the receipt, with each span's time on it", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const { critical_path: path } = await diagnosisOf(checkout.traceId);
    expect(path.map((s) => [s.span_id, s.start_time_unix_nano, s.end_time_unix_nano, s.self_time_ms])).toEqual([
      [checkout.root, ns(0), ns(10), 40],
      [checkout.cart, ns(10), ns(40), 30],
      [checkout.root, ns(40), ns(50), 40],
      [checkout.charge, ns(50), ns(52), 4],
      [checkout.charges, ns(52), ns(148), 96],
      [checkout.charge, ns(148), ns(150), 4],
      [checkout.root, ns(150), ns(160), 40],
      [checkout.receipt, ns(160), ns(190), 30],
      [checkout.root, ns(190), ns(200), 40],
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
