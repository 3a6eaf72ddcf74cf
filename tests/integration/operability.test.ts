// What an operator sees: liveness and readiness probes, Prometheus metrics that move with
// traffic, and JSON logs with request ids and without prompts or secrets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "@/lib/store/db";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";
import { recordCheckoutTrace, sdkClient } from "../support/otel-sdk";

const stores: { name: string; url: () => Promise<{ url: string; drop(): Promise<void> } | null> }[] = [
  { name: "sqlite", url: async () => ({ url: "", drop: async () => undefined }) },
  { name: "postgresql", url: tempPostgresUrl },
];

const PROMPT = "PROMPT-THAT-MUST-NOT-BE-LOGGED-7731";
const WRONG_KEY = "fp_wrong-key-that-must-not-be-logged";

/** The value of one sample line of the Prometheus text format, or null when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_:]+)(\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[3] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[4]);
  }
  return null;
}

for (const store of stores) {
  describe(`operability on ${store.name}`, () => {
    let app: AppServer | null = null;
    let database: { url: string; drop(): Promise<void> } | null = null;

    beforeAll(async () => {
      database = await store.url();
      if (!database) return;
      app = await startApp({ ...(database.url ? { databaseUrl: database.url } : {}), env: { FLOWPRINT_INGEST_KEYS: "ops:ops-key-123456", FLOWPRINT_LOG_LEVEL: "info" } });
    }, 120_000);
    afterAll(async () => {
      await app?.stop();
      await database?.drop();
    });

    it("is live and ready; not ready, saying which, when a migration is missing", async (ctx) => {
      if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL integration skipped");
      expect(await (await fetch(`${app!.baseUrl}/api/health/live`)).json()).toEqual({ status: "ok" });
      const ready = await fetch(`${app!.baseUrl}/api/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ok", database: "ok", migrations: "ok" });

      // The history without its newest migration: what a database an old build migrated looks like.
      const direct = openStore(app!.databaseUrl);
      try {
        const [newest] = await direct.prisma.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
        await direct.prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET migration_name = 'renamed-for-test' WHERE migration_name = '${newest.migration_name}'`);
        const notReady = await fetch(`${app!.baseUrl}/api/health/ready`);
        expect(notReady.status).toBe(503);
        expect(await notReady.json()).toMatchObject({ status: "unavailable", database: "ok", migrations: `1 not applied: ${newest.migration_name}` });
        await direct.prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET migration_name = '${newest.migration_name}' WHERE migration_name = 'renamed-for-test'`);
      } finally {
        await direct.close();
      }
      expect((await fetch(`${app!.baseUrl}/api/health/ready`)).status).toBe(200);
    });

    it("counts spans received, accepted and rejected by reason, requests by route, discovery rounds", async (ctx) => {
      if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL integration skipped");
      // A short idle window: the completion loop, not only the explicit completion below, discovers a trace.
      expect((await fetch(`${app!.baseUrl}/api/v1/workspaces/ops/settings/telemetry`, { method: "PUT", body: JSON.stringify({ trace_idle_ms: 100 }) })).status).toBe(200);
      const client = sdkClient({ baseUrl: app!.baseUrl, format: "protobuf", service: "ops-checkout", headers: { Authorization: "Bearer ops-key-123456" } });
      const { traceId } = recordCheckoutTrace(client.tracer);
      await client.flush();
      await client.shutdown();
      // One valid span and one without a name: partial success.
      const partial = await fetch(`${app!.baseUrl}/v1/traces`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer ops-key-123456" },
        body: JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "ab".repeat(16), spanId: "01".repeat(8), name: "GET /ok", startTimeUnixNano: "1", endTimeUnixNano: "2" }, { traceId: "ab".repeat(16), spanId: "02".repeat(8), name: "", startTimeUnixNano: "1", endTimeUnixNano: "2" }] }] }] }),
      });
      expect(partial.status).toBe(200);
      const unauthenticated = await fetch(`${app!.baseUrl}/v1/traces`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${WRONG_KEY}` }, body: "{}" });
      expect(unauthenticated.status).toBe(401);
      expect((await fetch(`${app!.baseUrl}/api/v1/workspaces/ops/telemetry/traces/${traceId}/complete`, { method: "POST" })).status).toBe(200);
      expect((await fetch(`${app!.baseUrl}/api/v1/workspaces/ops/telemetry/flows`)).status).toBe(200);

      const scrape = async () => {
        const response = await fetch(`${app!.baseUrl}/metrics`);
        expect(response.headers.get("content-type")).toContain("text/plain");
        return response.text();
      };
      // The loop runs every second once the idle window passed; the deadline only bounds a hang.
      let text = await scrape();
      for (const started = Date.now(); (sample(text, "flowprint_discovery_round_traces_sum") ?? 0) < 1 && Date.now() - started < 60_000; text = await scrape()) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(sample(text, "flowprint_spans_received_total", { transport: "otlp_http" })).toBe(5);
      expect(sample(text, "flowprint_spans_accepted_total", { transport: "otlp_http" })).toBe(4);
      expect(sample(text, "flowprint_spans_rejected_total", { transport: "otlp_http", reason: "invalid" })).toBe(1);
      expect(sample(text, "flowprint_ingest_requests_refused_total", { transport: "otlp_http", reason: "unauthenticated" })).toBe(1);
      expect(sample(text, "flowprint_http_request_duration_seconds_count", { route: "/api/v1/workspaces/[workspaceId]/telemetry/flows", method: "GET", status: "200" })).toBe(1);
      expect(sample(text, "flowprint_http_request_duration_seconds_count", { route: "/api/v1/workspaces/[workspaceId]/settings/telemetry", method: "PUT", status: "200" })).toBe(1);
      expect(sample(text, "flowprint_http_request_duration_seconds_count", { route: "/v1/traces", method: "POST", status: "401" })).toBe(1);
      expect(sample(text, "flowprint_discovery_round_traces_sum")).toBeGreaterThanOrEqual(1);
      expect(sample(text, "flowprint_database_span_write_seconds_count")).toBeGreaterThanOrEqual(2);
      expect(sample(text, "flowprint_ingest_queued_spans")).toBe(0);
      expect(sample(text, "flowprint_database_ping_seconds")).toBeGreaterThan(0);
      expect(sample(text, "flowprint_discovery_lag_seconds")).not.toBeNull();
      expect(sample(text, "flowprint_process_resident_memory_bytes")).toBeGreaterThan(0);
      // No workspace, trace or key in any label.
      expect(text).not.toContain("ops-checkout");
      expect(text).not.toContain(traceId);
    });

    it("logs JSON lines with levels and request ids, and no prompt or secret", async (ctx) => {
      if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL integration skipped");
      const changed = await fetch(`${app!.baseUrl}/api/v1/workspaces/ops/settings/telemetry`, { method: "PUT", headers: { "x-request-id": "req-ops-42" }, body: JSON.stringify({ retention_days: 9 }) });
      expect(changed.status).toBe(200);
      expect(changed.headers.get("x-request-id")).toBe("req-ops-42");
      expect((await fetch(`${app!.baseUrl}/api/v1/workspaces/ops/telemetry/flows`)).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      await fetch(`${app!.baseUrl}/v1/traces`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${WRONG_KEY}` },
        body: JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "cd".repeat(16), spanId: "03".repeat(8), name: "chat", attributes: [{ key: "gen_ai.prompt", value: { stringValue: PROMPT } }] }] }] }] }),
      });

      const lines = app!
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const settings = lines.find((l) => l.request_id === "req-ops-42");
      expect(settings).toMatchObject({ level: "info", msg: "request", method: "PUT", route: "/api/v1/workspaces/[workspaceId]/settings/telemetry", status: 200, service: "flowprint" });
      expect(typeof settings!.time).toBe("string");
      expect(lines.some((l) => l.msg === "request" && l.status === 401 && l.route === "/v1/traces")).toBe(true);
      expect(app!.output()).not.toContain(PROMPT);
      expect(app!.output()).not.toContain(WRONG_KEY);
    });
  });
}
