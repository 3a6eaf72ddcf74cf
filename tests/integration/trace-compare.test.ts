// Comparing two traces through the running app: traces from the official SDK that differ by one
// node and in duration, compared as given and against a flow's representative, on SQLite and,
// when TEST_DATABASE_URL is set, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendComparedOrders, type ComparedOrders } from "../../e2e/support/seed-compare-traffic";
import { putSettings } from "../../e2e/support/seed-traffic";
import type { TraceCompareResponse } from "../../lib/api/trace-compare.schemas";
import { startApp, tempPostgresUrl, type AppServer } from "../support/app-server";
import { sdkClient } from "../support/otel-sdk";

describe.each([
  ["SQLite", async () => undefined],
  ["PostgreSQL", tempPostgresUrl],
] as const)("comparing traces on %s", (store, database) => {
  let app: AppServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let traces: ComparedOrders;
  const workspace = "compare";

  beforeAll(async () => {
    const temp = await database();
    if (store === "PostgreSQL" && !temp) return;
    dropDatabase = temp?.drop;
    app = await startApp(temp ? { databaseUrl: temp.url } : {});
    // Traces complete only when asked to, so the one left open stays out of a flow.
    await putSettings(app.baseUrl, workspace, { trace_idle_ms: 600_000 });
    traces = await sendComparedOrders(app.baseUrl, workspace);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await dropDatabase?.();
  });
  const compare = (query: string, ws = workspace) => fetch(`${app!.baseUrl}/api/v1/workspaces/${ws}/telemetry/traces/compare?${query}`);
  const rowsOf = (body: TraceCompareResponse) => body.rows.map((r) => [r.status, r.key, r.depth, r.a?.duration_ms ?? null, r.b?.duration_ms ?? null]);

  it("aligns two given traces node by node: the added node, and the change in duration", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const response = await compare(`a=${traces.representative}&b=${traces.publishing.toUpperCase()}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as TraceCompareResponse;
    expect(body.b_source).toBe("given");
    expect(body.a).toMatchObject({ trace_id: traces.representative, root_service: "api-gateway", root_operation: "POST /api/orders", span_count: 4, error_count: 0, state: "complete" });
    expect(body.b).toMatchObject({ trace_id: traces.publishing, span_count: 5 });
    expect(body.a.flow_id).not.toBe(body.b.flow_id);
    // The gateway's forwarding call has no node of its own: orders' endpoint sits right under the entry.
    expect(rowsOf(body)).toEqual([
      ["same", "api_endpoint:POST /api/orders", 0, 100, 150],
      ["same", "api_endpoint:POST /orders", 1, 80, 130],
      ["same", "database:users", 2, 20, 20],
      ["added", "topic:order.created", 2, null, 10],
    ]);
    expect(body.rows.map((r) => r.duration_delta)).toEqual([50 / 150, 50 / 130, 0, null]);
    expect(body.rows[2]).toMatchObject({
      node: { type: "database", identifier: "users", service: "orders" },
      a: { span_ids: [traces.readSpanIds[traces.representative]], count: 1, error_count: 0 },
      b: { span_ids: [traces.readSpanIds[traces.publishing]], count: 1, error_count: 0 },
    });
    expect(body.summary).toEqual({ added: 1, removed: 0, moved: 0, same: 3, a_duration_ms: 100, b_duration_ms: 150, duration_delta: 50 / 150 });

    // The other way round the node is removed and every delta changes sign.
    const reverse = (await (await compare(`a=${traces.publishing}&b=${traces.representative}`)).json()) as TraceCompareResponse;
    expect(reverse.rows.map((r) => [r.status, r.key])).toContainEqual(["removed", "topic:order.created"]);
    expect(reverse.summary).toMatchObject({ removed: 1, added: 0, duration_delta: -50 / 150 });
  });

  it("compares with the representative of trace a's flow when b is left out", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const body = (await (await compare(`a=${traces.failing}`)).json()) as TraceCompareResponse;
    expect(body.b_source).toBe("representative");
    expect(body.b.trace_id).toBe(traces.representative);
    const flow = await (await fetch(`${app!.baseUrl}/api/v1/workspaces/${workspace}/telemetry/flows/${body.a.flow_id}`)).json();
    expect(flow.representative_trace_id).toBe(traces.representative);
    expect(rowsOf(body)).toEqual([
      ["same", "api_endpoint:POST /api/orders", 0, 200, 100],
      ["same", "api_endpoint:POST /orders", 1, 180, 80],
      ["same", "database:users", 2, 60, 20],
    ]);
    expect(body.rows[2]).toMatchObject({ a: { error_count: 1 }, b: { error_count: 0 }, duration_delta: -40 / 60 });
    expect(body.summary).toMatchObject({ same: 3, added: 0, removed: 0, moved: 0, duration_delta: -0.5 });

    // The trace page offers the same comparison: the trace names its flow's representative.
    const detail = await (await fetch(`${app!.baseUrl}/api/v1/workspaces/${workspace}/telemetry/traces/${traces.failing}`)).json();
    expect(detail.representative_trace_id).toBe(traces.representative);
  });

  it("names the field of a missing or malformed id, and which trace is missing", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const issuePaths = async (response: Response) => {
      expect(response.status).toBe(400);
      return ((await response.json()).error.issues as { path: string }[]).map((i) => i.path);
    };
    expect(await issuePaths(await compare(""))).toEqual(["a"]);
    expect(await issuePaths(await compare(`a=${traces.representative}&b=not-a-trace`))).toEqual(["b"]);
    expect(await issuePaths(await compare("a=1234"))).toEqual(["a"]);

    const unknown = "0123456789abcdef0123456789abcdef";
    const missingB = await compare(`a=${traces.representative}&b=${unknown}`);
    expect(missingB.status).toBe(404);
    expect((await missingB.json()).error.message).toContain(`Trace b: no trace ${unknown}`);
    const missingA = await compare(`a=${unknown}&b=${traces.representative}`);
    expect(missingA.status).toBe(404);
    expect((await missingA.json()).error.message).toContain(`Trace a: no trace ${unknown}`);
    // Another workspace's traces are not found.
    expect((await compare(`a=${traces.representative}&b=${traces.publishing}`, "elsewhere")).status).toBe(404);
  });

  it("says why a trace that is not in a flow yet has no representative", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const client = sdkClient({ baseUrl: app!.baseUrl, format: "json", service: "orders", headers: { "X-Workspace-ID": workspace } });
    const span = client.tracer.startSpan("GET /orders", { attributes: { "http.request.method": "GET", "http.route": "/orders" } });
    span.end();
    await client.flush();
    await client.shutdown();
    const open = span.spanContext().traceId;
    const response = await compare(`a=${open}`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain("not part of a flow yet");
    // With b given the open trace compares all the same.
    const given = (await (await compare(`a=${open}&b=${traces.representative}`)).json()) as TraceCompareResponse;
    expect(given.rows.map((r) => [r.status, r.key])).toEqual([
      ["removed", "api_endpoint:GET /orders"],
      ["added", "api_endpoint:POST /api/orders"],
      ["added", "api_endpoint:POST /orders"],
      ["added", "database:users"],
    ]);
  });
});
