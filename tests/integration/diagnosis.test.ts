// Diagnosis through the running app, from real OTLP of the official SDK (tests/support/
// seed-diagnosis-shop.ts): the failure one attribute explains is found with its value, the
// random one gets "no attribute separates them", slowness is put on the node that took the
// time; on SQLite and, when TEST_DATABASE_URL is set, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";
import { FAILING_CATEGORY, seedDiagnosisShop, type SeededShop } from "../support/seed-diagnosis-shop";

interface Flow {
  id: string;
  entry_operation: string;
  error_rate: number;
}

describe.each([
  ["SQLite", async () => undefined],
  ["PostgreSQL", tempPostgresUrl],
] as const)("diagnosis on %s", (store, database) => {
  let app: AppServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let shop: SeededShop;
  let flows: Flow[] = [];
  const workspace = "diagnosis";

  beforeAll(async () => {
    const temp = await database();
    if (store === "PostgreSQL" && !temp) return;
    dropDatabase = temp?.drop;
    app = await startApp(temp ? { databaseUrl: temp.url } : {});
    shop = await seedDiagnosisShop(app.baseUrl, workspace);
    flows = ((await (await api("/telemetry/flows?limit=50")).json()) as { flows: Flow[] }).flows;
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await dropDatabase?.();
  });
  const api = (path: string) => fetch(`${app!.baseUrl}/api/v1/workspaces/${workspace}${path}`);
  const flowOf = (operation: string) => flows.find((f) => f.entry_operation === operation)!;

  it("finds where order failures start, how they travel, and the category that explains them", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const orders = flowOf("POST /api/orders");
    // Failing and passing orders share one path: one flow.
    expect(orders.error_rate).toBeCloseTo(shop.failingOrderTraceIds.length / shop.orderTraceIds.length, 5);
    const response = await api(`/telemetry/flows/${orders.id}/diagnosis`);
    expect(response.status).toBe(200);
    const diagnosis = await response.json();
    expect(diagnosis.scope).toMatchObject({ flow_id: orders.id, sample_size: 100 });
    expect(diagnosis.totals).toEqual({ traces: 64, failing: 8, slow: expect.any(Number) });
    expect(diagnosis.errors.origins[0]).toMatchObject({ service: "products", operation: "GET /products/:id", status_message: `supplier feed for ${FAILING_CATEGORY} timed out`, role: "cause", traces: 8, share: 1 });
    // The callers that failed with messages of their own are listed, as later failures.
    expect(diagnosis.errors.origins.slice(1).map((o: { role: string; wraps_cause: boolean }) => [o.role, o.wraps_cause])).toEqual([
      ["consequence", true],
      ["consequence", true],
    ]);
    expect(shop.failingOrderTraceIds).toEqual(expect.arrayContaining(diagnosis.errors.origins[0].example_trace_ids));
    expect(diagnosis.errors.chains[0].steps.map((s: { service: string; operation: string }) => `${s.service} ${s.operation}`)).toEqual([
      "products GET /products/:id",
      "gateway GET",
      "gateway POST /api/orders",
    ]);
    const [top] = diagnosis.errors.contrasts;
    expect(top).toMatchObject({ source: "products GET /products/:id", key: "product.category", value: FAILING_CATEGORY, group_share: 1, support: 8 });
    expect(top.rest_share).toBeCloseTo(8 / 56, 10);
    expect(diagnosis.errors.note).toBeNull();
    expect(diagnosis.errors.left_out_keys).toContainEqual({ source: "entry", key: "request.id", distinct_values: expect.any(Number) });
  });

  it("puts the extra time of slow orders on the database and names the gold tier", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const diagnosis = await (await api(`/telemetry/flows/${flowOf("POST /api/orders").id}/diagnosis`)).json();
    expect(diagnosis.latency.slow_threshold_ms).toBeGreaterThan(100);
    expect(diagnosis.latency.nodes[0]).toMatchObject({ node: { type: "database", identifier: "shop" } });
    expect(diagnosis.latency.nodes[0].extra_share).toBeGreaterThan(0.9);
    expect(diagnosis.latency.contrasts[0]).toMatchObject({ source: "entry", key: "customer.tier", value: "gold", group_share: 1 });
  });

  it("says no attribute separates the random read failures, for the entry point as a whole", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const query = new URLSearchParams({ entry_service: "gateway", entry_operation: "GET /api/orders/:id" });
    const diagnosis = await (await api(`/telemetry/entry-points/diagnosis?${query}`)).json();
    expect(diagnosis.scope).toMatchObject({ entry_service: "gateway", entry_operation: "GET /api/orders/:id" });
    expect(diagnosis.totals).toMatchObject({ traces: 70, failing: 10 });
    expect(diagnosis.errors.origins[0]).toMatchObject({ service: "gateway", operation: "SELECT orders", status_message: "database is locked", traces: 10 });
    expect(diagnosis.errors.contrasts).toEqual([]);
    expect(diagnosis.errors.note).toBe("No attribute separates failing from passing traces.");
  });

  it("samples at most sample_size traces per side and honours the window", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const orders = flowOf("POST /api/orders");
    const small = await (await api(`/telemetry/flows/${orders.id}/diagnosis?sample_size=10`)).json();
    expect(small.sampled).toMatchObject({ failing: 8, passing: 10 });
    expect(small.totals.traces).toBe(64);
    // Without sample_size, the workspace's diagnosis_sample_size.
    const put = await fetch(`${app!.baseUrl}/api/v1/workspaces/${workspace}/settings/telemetry`, { method: "PUT", body: JSON.stringify({ diagnosis_sample_size: 20 }) });
    expect(put.status).toBe(200);
    const bySetting = await (await api(`/telemetry/flows/${orders.id}/diagnosis`)).json();
    expect(bySetting.scope.sample_size).toBe(20);
    expect(bySetting.sampled).toMatchObject({ failing: 8, passing: 20 });
    await fetch(`${app!.baseUrl}/api/v1/workspaces/${workspace}/settings/telemetry`, { method: "PUT", body: JSON.stringify({ diagnosis_sample_size: 100 }) });
    // A window before any order: nothing to diagnose, said so.
    const before = await (await api(`/telemetry/flows/${orders.id}/diagnosis?from=${Date.now() - 30 * 86_400_000}&to=${Date.now() - 29 * 86_400_000}`)).json();
    expect(before.totals).toEqual({ traces: 0, failing: 0, slow: 0 });
    expect(before.errors.note).toBe("No failing traces in this window.");
  });

  it("rejects bad queries with the field named, and unknown scopes with 404", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const orders = flowOf("POST /api/orders");
    const bad = await api(`/telemetry/flows/${orders.id}/diagnosis?from=yesterday`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("from");
    const inverted = await api(`/telemetry/flows/${orders.id}/diagnosis?from=2000&to=1000`);
    expect(inverted.status).toBe(400);
    expect((await inverted.json()).error.issues).toEqual([expect.objectContaining({ path: "from" })]);
    expect((await api(`/telemetry/flows/${orders.id}/diagnosis?sample_size=5000`)).status).toBe(400);
    expect((await api("/telemetry/flows/00000000-0000-4000-8000-000000000000/diagnosis")).status).toBe(404);
    const noEntry = await api(`/telemetry/entry-points/diagnosis?${new URLSearchParams({ entry_service: "gateway", entry_operation: "DELETE /nothing" })}`);
    expect(noEntry.status).toBe(404);
    const missing = await api("/telemetry/entry-points/diagnosis?entry_service=gateway");
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain("entry_operation");
  });
});
