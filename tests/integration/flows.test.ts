// Flow discovery through the running app: spans from the official SDK become flows, by the
// background completion of idle traces and by forced completion.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { recordCheckoutTrace, sdkClient } from "../support/otel-sdk";

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
    for (let attempt = 0; attempt < 40 && (body.flows[0]?.occurrence_count ?? 0) < 3; attempt++) {
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

    const graph = await (await api("/telemetry/graph")).json();
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
    const bad = await api("/telemetry/flows?sort=name");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe("sort");
    expect((await (await api("/telemetry/flows?drifted=true")).json()).total).toBe(0);
  });
});
