// Test coverage through the running app, on SQLite and, when TEST_DATABASE_URL is set,
// PostgreSQL: flows discovered from real OTLP sent by the official SDK, one of them exported
// and run with `flowprint run` against a small instrumented HTTP service; that flow and its
// endpoint turn covered, the others stay uncovered, riskiest first.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInstrumentedOrders, type InstrumentedOrders } from "../../e2e/support/instrumented-orders";
import { putSettings, sendOrderLookups } from "../../e2e/support/seed-traffic";
import type { CoverageResponse } from "../../lib/api/coverage.schemas";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";

const LAUNCHER = path.resolve("bin/flowprint.mjs");

function runCli(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const name of ["FLOWPRINT_SERVER", "FLOWPRINT_WORKSPACE", "FLOWPRINT_INGEST_KEY", "FLOWPRINT_BASE_URL"]) delete env[name];
    const child = spawn(process.execPath, [LAUNCHER, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

const endpointsOf = (body: CoverageResponse) => body.endpoints.map((e) => [e.service, `${e.method} ${e.route}`, e.covered]);

describe.each([
  ["SQLite", async () => undefined],
  ["PostgreSQL", tempPostgresUrl],
] as const)("test coverage on %s", (store, database) => {
  let app: AppServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let system: InstrumentedOrders | undefined;
  const workspace = "coverage";
  const dir = mkdtempSync(path.join(tmpdir(), "flowprint-coverage-"));
  const coverage = async (query = "") => fetch(`${app!.baseUrl}/api/v1/workspaces/${workspace}/telemetry/coverage${query}`);
  const api = (p: string, init?: RequestInit) => fetch(`${app!.baseUrl}/api/v1/workspaces/${workspace}${p}`, init);

  beforeAll(async () => {
    const temp = await database();
    if (store === "PostgreSQL" && !temp) return;
    dropDatabase = temp?.drop;
    app = await startApp(temp ? { databaseUrl: temp.url } : {});
    // A run's trace completes soon after its last span, so the run is validated without waiting long.
    await putSettings(app.baseUrl, workspace, { trace_idle_ms: 300 });
    // Order look-ups, half of them for orders that do not exist: the riskier flow.
    await sendOrderLookups(app.baseUrl, workspace, { count: 6, notFound: 3 });
    system = await startInstrumentedOrders(app.baseUrl, workspace);
    for (let i = 0; i < 3; i++) await system.order();
    for (const id of system.traceIds) expect((await api(`/telemetry/traces/${id}/complete`, { method: "POST" })).ok).toBe(true);
  }, 180_000);
  afterAll(async () => {
    await system?.close();
    await app?.stop();
    await dropDatabase?.();
  });

  it("lists every endpoint uncovered before any test ran, riskiest first", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const response = await coverage();
    expect(response.status).toBe(200);
    const body = (await response.json()) as CoverageResponse;
    expect(body).toMatchObject({ window_days: 7, covered_count: 0, uncovered_count: 3, coverage_ratio: 0, covered_flow_count: 0 });
    expect(endpointsOf(body)).toEqual([
      ["api-gateway", "GET /api/v1/orders/:id", false],
      ["orders", "GET /orders/:id", false],
      ["shop-orders", "POST /orders", false],
    ]);
    expect(body.endpoints[0]).toMatchObject({ risk_level: expect.any(String), last_run_at: null, last_passing_run_at: null });
    expect(body.endpoints[0].risk).toBeGreaterThan(body.endpoints[2].risk);
    expect(body.flows.map((f) => [f.name, f.endpoint_count, f.covered])).toEqual([
      ["api-gateway → GET /api/v1/orders/:id", 2, false],
      ["shop-orders → POST /orders", 1, false],
    ]);
  });

  it("turns the flow run with flowprint run and its endpoint covered; the others stay uncovered", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const before = (await (await coverage()).json()) as CoverageResponse;
    const flow = before.flows.find((f) => f.name === "shop-orders → POST /orders")!;
    const exported = await (await api(`/telemetry/flows/${flow.id}/export`, { method: "POST" })).json();
    expect(exported.base_url).toBe(system!.url);
    writeFileSync(path.join(dir, exported.file_name), exported.yaml);

    const startedMs = Date.now();
    const run = await runCli(["run", exported.file_name, "--server", app!.baseUrl, "--workspace", workspace, "--timeout-ms", "15000"], dir);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("1 passed, 0 failed");

    const body = (await (await coverage()).json()) as CoverageResponse;
    expect(body).toMatchObject({ covered_count: 1, uncovered_count: 2, coverage_ratio: 1 / 3, covered_flow_count: 1 });
    expect(endpointsOf(body)).toEqual([
      ["api-gateway", "GET /api/v1/orders/:id", false],
      ["orders", "GET /orders/:id", false],
      ["shop-orders", "POST /orders", true],
    ]);
    const covered = body.endpoints[2];
    expect(covered.flows).toEqual([flow.id]);
    expect(Date.parse(covered.last_passing_run_at!)).toBeGreaterThanOrEqual(startedMs - 1_000);
    expect(covered.last_run_at).toBe(covered.last_passing_run_at);
    expect(body.flows.find((f) => f.id === flow.id)).toMatchObject({ covered: true, last_passing_run_at: covered.last_passing_run_at });
    expect(body.flows.find((f) => f.id !== flow.id)).toMatchObject({ covered: false, last_run_at: null });
    // A window of one day still holds a run of a moment ago.
    expect(((await (await coverage("?window_days=1")).json()) as CoverageResponse).covered_count).toBe(1);
  }, 90_000);

  it("takes its window from the workspace's coverage_window_days unless window_days is given", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    await putSettings(app!.baseUrl, workspace, { coverage_window_days: 30 });
    expect(((await (await coverage()).json()) as CoverageResponse).window_days).toBe(30);
    expect(((await (await coverage("?window_days=2")).json()) as CoverageResponse).window_days).toBe(2);
    await putSettings(app!.baseUrl, workspace, { coverage_window_days: 7 });
  });

  it("answers 400 naming window_days when it is not a whole number of days from 1 to 365", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    for (const bad of ["0", "366", "1.5", "week", "-3"]) {
      const response = await coverage(`?window_days=${bad}`);
      expect(response.status, bad).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual(["window_days"]);
    }
    expect((await coverage("?window_days=365")).status).toBe(200);
  });

  it("has nothing to cover in a workspace without flows", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const body = await (await fetch(`${app!.baseUrl}/api/v1/workspaces/coverage-empty/telemetry/coverage`)).json();
    expect(body).toEqual({ window_days: 7, endpoints: [], flows: [], covered_count: 0, uncovered_count: 0, coverage_ratio: null, covered_flow_count: 0 });
  });
});
