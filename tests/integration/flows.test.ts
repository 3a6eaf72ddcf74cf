// Flow discovery through the running app: spans from the official SDK become flows, by the
// background completion of idle traces and by forced completion.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { recordCheckoutTrace, sdkClient } from "../support/otel-sdk";
import { fastDriftWorkspace, sendOrderLookups, sendOrders, waitFor } from "../../e2e/support/seed-traffic";

describe("flow discovery in the running app", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp();
    const settings = await fetch(`${app.baseUrl}/api/v1/workspaces/discovery/settings/telemetry`, { method: "PUT", body: JSON.stringify({ trace_idle_ms: 300 }) });
    expect(settings.status).toBe(200);
  });
  afterAll(async () => {
    await app?.stop();
  });
  const api = (path: string, init?: RequestInit) => fetch(`${app.baseUrl}/api/v1/workspaces/discovery${path}`, init);

  async function sendCheckouts(count: number): Promise<string[]> {
    const client = sdkClient({ baseUrl: app.baseUrl, format: "protobuf", service: "checkout", headers: { "X-Workspace-ID": "discovery" } });
    const ids = Array.from({ length: count }, () => recordCheckoutTrace(client.tracer).traceId);
    await client.flush();
    await client.shutdown();
    return ids;
  }

  it("completes idle traces in the background into one flow with statistics", async () => {
    await sendCheckouts(3);
    let body: { flows: { occurrence_count: number }[]; total: number } = { flows: [], total: 0 };
    // A deadline far beyond the idle window and the completion sweep: only how long a busy
    // machine takes changes, never the verdict.
    for (const deadline = Date.now() + 60_000; (body.flows[0]?.occurrence_count ?? 0) < 3 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 250));
      body = await (await api("/telemetry/flows")).json();
    }
    expect(body.total).toBe(1);
    const [flow] = body.flows as Record<string, unknown>[];
    expect(flow).toMatchObject({
      name: "checkout → POST /orders",
      entry_service: "checkout",
      entry_operation: "POST /orders",
      occurrence_count: 3,
      error_rate: 1,
      risk_level: "medium",
      drifted: false,
      path: [
        { type: "api_endpoint", identifier: "POST /orders", service: "checkout" },
        { type: "database", identifier: "orders", service: "checkout" },
        { type: "service", identifier: "checkout", service: "checkout" },
      ],
    });
    expect(flow.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(flow.p95_duration_ms as number).toBeGreaterThan(0);

    const detail = await (await api(`/telemetry/flows/${flow.id}`)).json();
    expect(detail.node_stats.map((n: { node: string; count: number }) => [n.node, n.count])).toEqual([
      ["api_endpoint:POST /orders", 3],
      ["database:orders", 3],
      ["service:checkout", 3],
    ]);
    expect(detail.sample_trace_ids).toHaveLength(3);
    expect(detail.hourly).toHaveLength(1);
    expect(detail.hourly[0]).toMatchObject({ count: 3, error_count: 3, error_rate: 1 });
    expect((await api(`/telemetry/flows/${crypto.randomUUID()}`)).status).toBe(404);

    const graph = await (await api("/telemetry/graph?view=endpoint")).json();
    expect(graph.nodes.map((n: { id: string }) => n.id)).toEqual(["api_endpoint:POST /orders", "database:orders", "service:checkout"]);
    expect(graph.edges.map((e: { kind: string; call_count: number; error_count: number }) => [e.kind, e.call_count, e.error_count])).toEqual([
      ["exposes", 3, 0],
      ["writes", 3, 0],
    ]);
    expect((await fetch(`${app.baseUrl}/api/v1/workspaces/other/telemetry/flows/${flow.id}`)).status).toBe(404);

    // The flows through one node of the graph (its blast radius).
    expect((await (await api("/telemetry/flows?node=database:orders")).json()).flows.map((f: { id: string }) => f.id)).toEqual([flow.id]);
    expect(await (await api("/telemetry/flows?node=database:payments")).json()).toEqual({ flows: [], total: 0 });
    const badNode = await api("/telemetry/flows?node=table:orders");
    expect(badNode.status).toBe(400);
    expect((await badNode.json()).error.message).toContain("node");
  });

  it("shows a failed client call's error on the node of the endpoint it called", async () => {
    await sendOrderLookups(app.baseUrl, "client-errors", { count: 10, notFound: 3 });
    const other = (path: string) => fetch(`${app.baseUrl}/api/v1/workspaces/client-errors${path}`);
    const { flows } = await (await other("/telemetry/flows")).json();
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({ name: "api-gateway → GET /api/v1/orders/:id", variant_label: null, error_rate: 0.3 });
    const detail = await (await other(`/telemetry/flows/${flows[0].id}`)).json();
    expect(detail.node_stats.map((n: { node: string; count: number; error_rate: number }) => [n.node, n.count, n.error_rate])).toEqual([
      ["api_endpoint:GET /api/v1/orders/:id", 10, 0],
      ["api_endpoint:GET /orders/:id", 10, 0.3],
      ["database:orders", 10, 0],
    ]);
  });

  it("names the variants of one entry point by what sets them apart, and exports each to its own file", async () => {
    const ws = "variant-names";
    await sendOrders(app.baseUrl, ws, { count: 4, tier: "standard" });
    await sendOrders(app.baseUrl, ws, { count: 4, tier: "gold", peers: ["loyalty"] });
    await sendOrders(app.baseUrl, ws, { count: 2, peers: ["payments"], errorShare: 1 });
    const other = (path: string, init?: RequestInit) => fetch(`${app.baseUrl}/api/v1/workspaces/${ws}${path}`, init);
    const { flows } = (await (await other("/telemetry/flows?sort=name")).json()) as { flows: { id: string; name: string; variant_label: string | null }[] };
    expect(flows.map((f) => [f.name, f.variant_label]).sort()).toEqual([
      ["checkout → POST /orders · + loyalty", "+ loyalty"],
      ["checkout → POST /orders · error", "error"],
      ["checkout → POST /orders · without loyalty", "without loyalty"],
    ]);
    const detail = await (await other(`/telemetry/flows/${flows[0].id}`)).json();
    expect(detail.name).toBe(flows[0].name);
    expect(detail.variants.map((v: { name: string }) => v.name).sort()).toEqual(flows.slice(1).map((f) => f.name).sort());
    const exports = await Promise.all(flows.map(async (f) => (await (await other(`/telemetry/flows/${f.id}/export`, { method: "POST" })).json()) as { yaml: string; file_name: string }));
    expect(new Set(exports.map((e) => e.file_name)).size).toBe(3);
    for (const [i, e] of exports.entries()) {
      expect(e.file_name).toMatch(/^checkout-post-orders-[a-z-]+-[0-9a-f]{8}\.yaml$/);
      expect(e.yaml).toContain(`name: ${flows[i].name}`);
    }
  });

  it("completes a trace on request, and validates the query", async () => {
    const [traceId] = await sendCheckouts(1);
    const forced = await api(`/telemetry/traces/${traceId}/complete`, { method: "POST" });
    expect(forced.status).toBe(200);
    const { trace_id, flow_id } = await forced.json();
    expect(trace_id).toBe(traceId);
    const trace = await (await api(`/telemetry/traces/${traceId}`)).json();
    expect(trace).toMatchObject({ trace_id: traceId, root_operation: "POST /orders", span_count: 3, has_error: true, state: "complete", flow_id });
    expect(trace.spans.map((s: { name: string; depth: number; attachment: string }) => [s.name, s.depth, s.attachment])).toEqual([
      ["POST /orders", 0, "root"],
      ["INSERT orders", 1, "parent"],
      ["charge card", 1, "parent"],
    ]);
    expect((await api(`/telemetry/traces/${"0".repeat(31)}1`)).status).toBe(404);
    expect((await api(`/telemetry/traces/${"0".repeat(31)}1/complete`, { method: "POST" })).status).toBe(404);
    const bad = await api("/telemetry/flows?sort=fastest");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe("sort");
    expect((await (await api("/telemetry/flows?drifted=true")).json()).total).toBe(0);
  });
});

describe("sorting the flow list", () => {
  let app: AppServer;
  const workspace = "sorting";
  beforeAll(async () => {
    app = await startApp();
    await fastDriftWorkspace(app.baseUrl, workspace, 3);
    await sendOrders(app.baseUrl, workspace, { count: 5, service: "alpha", route: "/a", durationMs: 30 });
    await sendOrders(app.baseUrl, workspace, { count: 4, service: "beta", route: "/b", durationMs: 90, peers: ["payments"], errorShare: 1 });
    await sendOrders(app.baseUrl, workspace, { count: 1, service: "gamma", route: "/c", durationMs: 60 });
    // A new variant of delta's entry point after learning opens a drift alert.
    await sendOrders(app.baseUrl, workspace, { count: 3, service: "delta", route: "/d", durationMs: 20, peers: ["loyalty"] });
    await sendOrders(app.baseUrl, workspace, { count: 2, service: "delta", route: "/d", durationMs: 20, peers: ["fraud", "loyalty"] });
    await waitFor(
      async () => (await (await api("/telemetry/drift?state=open")).json()) as { total: number },
      (body) => body.total === 1,
    );
  });
  afterAll(async () => {
    await app?.stop();
  });
  const api = (path: string) => fetch(`${app.baseUrl}/api/v1/workspaces/${workspace}${path}`);
  type Listed = { flows: { id: string; entry_service: string; drifted: boolean; risk_score: number }[]; total: number };
  const list = async (query: string): Promise<Listed> => {
    const response = await api(`/telemetry/flows?${query}`);
    expect(response.status).toBe(200);
    return response.json();
  };
  const services = async (query: string) => (await list(query)).flows.map((f) => f.entry_service);

  it("sorts names and entry points A to Z unless asked otherwise", async () => {
    expect(await services("sort=name")).toEqual(["alpha", "beta", "delta", "delta", "gamma"]);
    expect(await services("sort=name&order=desc")).toEqual(["gamma", "delta", "delta", "beta", "alpha"]);
    expect(await services("sort=entry")).toEqual(["alpha", "beta", "delta", "delta", "gamma"]);
    expect(await services("sort=entry&order=desc")).toEqual(["gamma", "delta", "delta", "beta", "alpha"]);
  });

  it("sorts numbers largest first unless asked otherwise", async () => {
    expect(await services("sort=avg_duration_ms")).toEqual(["beta", "gamma", "alpha", "delta", "delta"]);
    expect(await services("sort=p95_duration_ms&order=asc")).toEqual(["delta", "delta", "alpha", "gamma", "beta"]);
    expect(await services("sort=occurrence_count&order=asc")).toEqual(["gamma", "delta", "delta", "beta", "alpha"]);
    const byRisk = (await list("")).flows;
    expect(byRisk[0].entry_service).toBe("beta");
    expect(byRisk.map((f) => f.risk_score)).toEqual([...byRisk.map((f) => f.risk_score)].sort((a, b) => b - a));
    expect((await list("sort=risk_score&order=asc")).flows.map((f) => f.id)).toEqual(
      [...byRisk].sort((a, b) => a.risk_score - b.risk_score || (a.id < b.id ? -1 : 1)).map((f) => f.id),
    );
  });

  it("sorts drifted flows first, page by page", async () => {
    const all = await list("sort=drifted");
    expect(all.total).toBe(5);
    expect(all.flows.map((f) => f.drifted)).toEqual([true, true, false, false, false]);
    const pages = [];
    for (let offset = 0; offset < 5; offset += 2) pages.push(...(await list(`sort=drifted&limit=2&offset=${offset}`)).flows);
    expect(pages.map((f) => f.id)).toEqual(all.flows.map((f) => f.id));
    expect((await list("sort=drifted&order=asc")).flows.map((f) => f.drifted)).toEqual([false, false, false, true, true]);
    expect((await list("sort=drifted&drifted=true")).flows.map((f) => f.entry_service)).toEqual(["delta", "delta"]);
  });

  it("rejects an unknown order", async () => {
    const response = await api("/telemetry/flows?sort=name&order=sideways");
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe("order");
  });
});
