// Several app instances on one PostgreSQL database: the spans of one trace arrive split across
// instances, concurrently and with retries, and every count stays exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";

function hex(bytes: number): string {
  return Array.from({ length: bytes }, () => Math.floor(Math.random() * 256).toString(16).padStart(2, "0")).join("");
}

function otlpJson(spans: { traceId: string; spanId: string; parentSpanId: string; status: number }[]): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "shared" } }] },
        scopeSpans: [
          {
            spans: spans.map((s, i) => ({
              ...s,
              name: s.parentSpanId ? `child ${i}` : "GET /root",
              kind: 2,
              status: { code: s.status },
              startTimeUnixNano: String(1_700_000_000_000_000_000n + BigInt(i) * 1000n),
              endTimeUnixNano: String(1_700_000_000_500_000_000n),
            })),
          },
        ],
      },
    ],
  });
}

describe("two app instances sharing one PostgreSQL", () => {
  let apps: AppServer[] = [];
  let database: { url: string; drop(): Promise<void> } | null = null;

  beforeAll(async () => {
    database = await tempPostgresUrl();
    if (!database) return;
    // Both start at once: their migrations race and must apply once.
    apps = await Promise.all([startApp({ databaseUrl: database.url }), startApp({ databaseUrl: database.url })]);
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await database?.drop();
  });

  it("counts each span once whichever instance stores it", async (ctx) => {
    if (!database) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL integration skipped");
    const traces = Array.from({ length: 30 }, () => {
      const traceId = hex(16);
      const rootId = hex(8);
      const spans = [{ traceId, spanId: rootId, parentSpanId: "", status: 0 }];
      for (let i = 0; i < 9; i++) spans.push({ traceId, spanId: hex(8), parentSpanId: rootId, status: i === 0 ? 2 : 0 });
      return { traceId, spans };
    });
    // Every trace is split in two halves sent to different instances, and each half is sent twice.
    const requests = traces.flatMap(({ spans }) => {
      const halves = [spans.slice(0, 5), spans.slice(5)];
      return [0, 1, 0, 1].map((i, n) => ({ app: apps[(i + Math.floor(n / 2)) % 2], body: otlpJson(halves[i]) }));
    });
    const statuses = await Promise.all(
      requests.map(async ({ app, body }) => {
        const response = await fetch(`${app.baseUrl}/v1/traces`, { method: "POST", body, headers: { "content-type": "application/json", "x-workspace-id": "shared" } });
        return response.status;
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    for (const { traceId } of traces) {
      const listed = await fetch(`${apps[0].baseUrl}/api/v1/workspaces/shared/telemetry/traces?trace_id=${traceId}`).then((r) => r.json());
      expect(listed.traces[0]).toMatchObject({ span_count: 10, error_count: 1, root_operation: "GET /root" });
    }
    const spans = await fetch(`${apps[1].baseUrl}/api/v1/workspaces/shared/telemetry/spans?limit=1`).then((r) => r.json());
    expect(spans.total).toBe(300);
  });
});
