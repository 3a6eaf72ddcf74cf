// OTLP/HTTP ingestion end to end: the official OTel JS SDK exports (protobuf and JSON, gzip)
// to the running app, on SQLite and on PostgreSQL, and the spans API returns them intact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";
import { recordCheckoutTrace, sdkClient, type ExportFormat } from "../support/otel-sdk";

interface SpanJson {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  service: string;
  name: string;
  kind: string;
  status: string;
  status_message: string;
  duration_ms: number;
  start_time_unix_nano: string;
  attributes: Record<string, unknown>;
  resource: { attributes: Record<string, unknown> } | null;
  scope: { name: string; version: string };
  events: { name: string; attributes: Record<string, unknown> }[];
  links: { span_id: string; attributes: Record<string, unknown> }[];
}

const stores: { name: string; url: () => Promise<{ url: string; drop(): Promise<void> } | null> }[] = [
  { name: "sqlite", url: async () => ({ url: "", drop: async () => undefined }) },
  { name: "postgresql", url: tempPostgresUrl },
];

for (const store of stores) {
  describe(`OTLP ingestion on ${store.name}`, () => {
    let app: AppServer | null = null;
    let database: { url: string; drop(): Promise<void> } | null = null;

    beforeAll(async () => {
      database = await store.url();
      if (!database) return;
      app = await startApp(database.url ? { databaseUrl: database.url } : {});
    });
    afterAll(async () => {
      await app?.stop();
      await database?.drop();
    });

    const spansOf = async (query: string) => {
      const response = await fetch(`${app!.baseUrl}/api/v1/workspaces/shop/telemetry/spans?${query}`);
      expect(response.status).toBe(200);
      return (await response.json()) as { spans: SpanJson[]; total: number };
    };

    for (const format of ["protobuf", "json"] as ExportFormat[]) {
      it(`stores a trace exported as ${format} with gzip and returns every field`, async (ctx) => {
        if (!app) ctx.skip(`TEST_DATABASE_URL is not set: PostgreSQL integration skipped`);
        const client = sdkClient({ baseUrl: app!.baseUrl, format, service: `checkout-${format}`, headers: { "X-Workspace-ID": "shop" } });
        const { traceId, spanIds } = recordCheckoutTrace(client.tracer);
        await client.flush();
        await client.shutdown();

        const { spans, total } = await spansOf(`trace_id=${traceId}`);
        expect(total).toBe(3);
        const byId = new Map(spans.map((s) => [s.span_id, s]));
        const root = byId.get(spanIds.root)!;
        const db = byId.get(spanIds.db)!;
        const failing = byId.get(spanIds.failing)!;
        expect(root).toMatchObject({ trace_id: traceId, parent_span_id: null, service: `checkout-${format}`, name: "POST /orders", kind: "server", status: "unset" });
        expect(root.attributes).toEqual({ "http.request.method": "POST", "http.route": "/orders", "http.response.status_code": 201 });
        expect(root.resource?.attributes).toMatchObject({ "service.name": `checkout-${format}`, "deployment.environment.name": "test" });
        expect(root.scope).toEqual({ name: "flowprint-tests", version: "1.0.0", attributes: {} });
        expect(db.parent_span_id).toBe(spanIds.root);
        expect(db.kind).toBe("client");
        expect(db.attributes).toEqual({
          "db.system.name": "postgresql",
          "db.namespace": "orders",
          "test.zero": 0,
          "test.false": false,
          "test.double": 2.5,
          "test.int": 42,
          "test.strings": ["a", "b"],
          "test.empty_string": "",
        });
        expect(db.events).toMatchObject([{ name: "row.inserted", attributes: { "row.count": 1 } }]);
        expect(failing).toMatchObject({ status: "error", status_message: "card declined" });
        expect(failing.links).toMatchObject([{ span_id: spanIds.db, attributes: { "link.reason": "retry-of" } }]);
        expect(BigInt(root.start_time_unix_nano)).toBeGreaterThan(1_600_000_000_000_000_000n);
        expect(root.duration_ms).toBeGreaterThanOrEqual(0);

        // Newest first, and the filters narrow it down.
        const onlyErrors = await spansOf(`trace_id=${traceId}&status=error`);
        expect(onlyErrors.spans.map((s) => s.span_id)).toEqual([spanIds.failing]);
        const byOperation = await spansOf(`service=checkout-${format}&operation=INSERT%20orders`);
        expect(byOperation.spans.map((s) => s.span_id)).toContain(spanIds.db);
      });
    }

    it("stores a retried request once and keeps workspaces apart", async (ctx) => {
      if (!app) ctx.skip(`TEST_DATABASE_URL is not set: PostgreSQL integration skipped`);
      const client = sdkClient({ baseUrl: app!.baseUrl, path: "/otlp/v1/traces", format: "protobuf", service: "retry", headers: { "X-Workspace-ID": "shop" } });
      const { traceId } = recordCheckoutTrace(client.tracer);
      await client.flush();
      // The same spans again: a client retry after a lost response.
      const exported = await fetch(`${app!.baseUrl}/api/v1/workspaces/shop/telemetry/spans?trace_id=${traceId}`).then((r) => r.json());
      expect(exported.total).toBe(3);
      await replayAsJson(app!.baseUrl, exported.spans, "shop");
      expect((await spansOf(`trace_id=${traceId}`)).total).toBe(3);
      const traces = await fetch(`${app!.baseUrl}/api/v1/workspaces/shop/telemetry/traces?trace_id=${traceId}`).then((r) => r.json());
      expect(traces.traces[0]).toMatchObject({ trace_id: traceId, span_count: 3, error_count: 1, has_error: true, root_operation: "POST /orders", root_service: "retry" });
      const other = await fetch(`${app!.baseUrl}/api/v1/workspaces/elsewhere/telemetry/spans?trace_id=${traceId}`).then((r) => r.json());
      expect(other.total).toBe(0);
      await client.shutdown();
    });
  });
}

/** Sends stored spans back as OTLP/JSON: a replay with the same ids. */
async function replayAsJson(baseUrl: string, spans: SpanJson[], workspace: string): Promise<void> {
  const body = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: spans[0].service } }] },
        scopeSpans: [
          {
            scope: { name: "replay" },
            spans: spans.map((s) => ({
              traceId: s.trace_id,
              spanId: s.span_id,
              parentSpanId: s.parent_span_id ?? "",
              name: s.name,
              kind: 1,
              startTimeUnixNano: s.start_time_unix_nano,
              endTimeUnixNano: s.start_time_unix_nano,
            })),
          },
        ],
      },
    ],
  };
  const response = await fetch(`${baseUrl}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-workspace-id": workspace },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}
