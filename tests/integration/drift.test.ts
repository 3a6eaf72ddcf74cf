// Drift through the running app: spans from the official SDK learn a baseline, a new variant
// opens an alert that the API lists, diffs and lets a user accept or dismiss.
import { context, SpanKind, trace, type Tracer } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { sdkClient } from "../support/otel-sdk";

/** POST /orders on checkout: a database write, then a client call per peer service. */
function recordOrder(tracer: Tracer, peers: string[], tier: string): string {
  // Explicit times: calls made within one clock tick would otherwise tie, and the path's order
  // would rest on the tie-break.
  const start = Date.now() - 100;
  const root = tracer.startSpan("POST /orders", { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": "POST", "http.route": "/orders", "customer.tier": tier } });
  const parent = trace.setSpan(context.active(), root);
  tracer.startSpan("INSERT orders", { kind: SpanKind.CLIENT, startTime: start + 2, attributes: { "db.system.name": "postgresql", "db.namespace": "orders" } }, parent).end(start + 5);
  peers.forEach((peer, i) => {
    tracer.startSpan(`POST ${peer}`, { kind: SpanKind.CLIENT, startTime: start + 10 + i * 10, attributes: { "peer.service": peer, "http.request.method": "POST" } }, parent).end(start + 15 + i * 10);
  });
  root.end(start + 60);
  return root.spanContext().traceId;
}

describe("drift alerts in the running app", () => {
  let app: AppServer;
  const api = (path: string, init?: RequestInit) => fetch(`${app.baseUrl}/api/v1/workspaces/drift${path}`, init);

  beforeAll(async () => {
    app = await startApp();
    const settings = await api("/settings/telemetry", {
      method: "PUT",
      body: JSON.stringify({ trace_idle_ms: 300, drift_learning_ms: 0, drift_learning_traces: 3, drift_confirm_ms: 0 }),
    });
    expect(settings.status).toBe(200);
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function send(peers: string[], tier: string): Promise<string> {
    const client = sdkClient({ baseUrl: app.baseUrl, format: "protobuf", service: "checkout", headers: { "X-Workspace-ID": "drift" } });
    const traceId = recordOrder(client.tracer, peers, tier);
    await client.flush();
    await client.shutdown();
    expect((await api(`/telemetry/traces/${traceId}/complete`, { method: "POST" })).status).toBe(200);
    return traceId;
  }

  async function openAlerts(want: number) {
    let body: { alerts: Record<string, unknown>[]; total: number } = { alerts: [], total: 0 };
    // A deadline far beyond the sweep that opens alerts: a busy machine takes longer, the
    // verdict is the same.
    for (const deadline = Date.now() + 60_000; body.total < want && Date.now() < deadline; ) {
      body = await (await api("/telemetry/drift?state=open")).json();
      if (body.total < want) await new Promise((r) => setTimeout(r, 250));
    }
    return body;
  }

  it("opens an alert for a new variant after learning, and accept and dismiss behave", async () => {
    for (let i = 0; i < 3; i++) await send(["loyalty"], "gold");
    expect(await (await api("/telemetry/drift")).json()).toEqual({ alerts: [], total: 0 });

    const changed = await send(["fraud", "loyalty"], "gold");
    const { alerts, total } = await openAlerts(1);
    expect(total).toBe(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({
      kind: "new_variant",
      state: "open",
      entry_service: "checkout",
      entry_operation: "POST /orders",
      previous_path: "api_endpoint:POST /orders → database:orders → service:loyalty",
      current_path: "api_endpoint:POST /orders → database:orders → service:fraud → service:loyalty",
      occurrences: 1,
      traffic_share: 1,
      example_trace_ids: [changed],
    });
    expect((alert.diff as { added: { node: { identifier: string } }[] }).added.map((a) => a.node.identifier)).toEqual(["fraud"]);
    expect(Date.parse(alert.detected_at as string)).toBeGreaterThan(Date.now() - 60_000);

    const drifted = await (await api("/telemetry/flows?drifted=true")).json();
    expect(drifted.total).toBe(2);
    expect(drifted.flows.every((f: { drifted: boolean; drift_details: { alert_id: string } }) => f.drifted && f.drift_details.alert_id === alert.id)).toBe(true);

    // One alert, as the API reads it, and not from another workspace.
    expect(await (await api(`/telemetry/drift/${alert.id}`)).json()).toEqual(alert);
    const elsewhere = await fetch(`${app.baseUrl}/api/v1/workspaces/other/telemetry/drift/${alert.id}/accept`, { method: "POST" });
    expect(elsewhere.status).toBe(404);

    const accepted = await api(`/telemetry/drift/${alert.id}/accept`, { method: "POST" });
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).state).toBe("accepted");
    expect((await api(`/telemetry/drift/${alert.id}/accept`, { method: "POST" })).status).toBe(200);
    const refused = await api(`/telemetry/drift/${alert.id}/dismiss`, { method: "POST" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe("conflict");
    expect((await (await api("/telemetry/drift?state=open")).json()).total).toBe(0);
    expect((await (await api("/telemetry/flows?drifted=true")).json()).total).toBe(0);
  });

  it("refuses bad ids and filters with a 400 naming the field", async () => {
    const badId = await api("/telemetry/drift/not-an-id/accept", { method: "POST" });
    expect(badId.status).toBe(400);
    expect((await badId.json()).error.message).toContain("alertId");
    const badState = await api("/telemetry/drift?state=closed");
    expect(badState.status).toBe(400);
    expect((await badState.json()).error.message).toContain("state");
  });
});
