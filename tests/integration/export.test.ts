// Exporting flows through the running app: the YAML is a valid Flowprint test built from the
// representative trace the official SDK sent, and the schema is published.
import { context, SpanKind, trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadFlowprintTest } from "../../lib/export/load-flowprint-test";
import { startApp, type AppServer } from "../support/app-server";
import { sdkClient } from "../support/otel-sdk";

describe("flow export in the running app", () => {
  let app: AppServer;
  let flowId = "";
  const api = (path: string, init?: RequestInit) => fetch(`${app.baseUrl}/api/v1/workspaces/export${path}`, init);

  beforeAll(async () => {
    app = await startApp();
    const client = sdkClient({ baseUrl: app.baseUrl, format: "json", service: "orders", headers: { "X-Workspace-ID": "export" } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const root = client.tracer.startSpan("POST /orders/:id/items", {
        kind: SpanKind.SERVER,
        attributes: {
          "http.request.method": "POST",
          "http.route": "/orders/:id/items",
          "url.path": `/orders/o-${i}/items`,
          "url.scheme": "http",
          "server.address": "127.0.0.1",
          "server.port": 4101,
          "http.response.status_code": 201,
          "http.request.header.content-type": ["application/json"],
          "http.request.body": JSON.stringify({ productId: "p-1", quantity: 2 }),
        },
      });
      client.tracer.startSpan("INSERT items", { kind: SpanKind.CLIENT, attributes: { "db.system.name": "postgresql", "db.namespace": "orders" } }, trace.setSpan(context.active(), root)).end();
      root.end();
      ids.push(root.spanContext().traceId);
    }
    await client.flush();
    await client.shutdown();
    for (const id of ids) {
      const completed = await (await api(`/telemetry/traces/${id}/complete`, { method: "POST" })).json();
      flowId = completed.flow_id;
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("exports a runnable Flowprint test from the representative trace", async () => {
    const response = await api(`/telemetry/flows/${flowId}/export`, { method: "POST" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.format).toBe("flowprint");
    expect(body.file_name).toMatch(/^orders-post-orders-id-items-[0-9a-f]{8}\.yaml$/);
    const loaded = loadFlowprintTest(body.yaml);
    expect(loaded.ok ? [] : loaded.problems, body.yaml).toEqual([]);
    if (!loaded.ok) return;
    const { test } = loaded;
    expect(test.trigger).toMatchObject({
      method: "POST",
      url: "{{base_url}}/orders/{{id}}/items",
      headers: { "content-type": "application/json" },
      body: { productId: "p-1", quantity: 2 },
      expect: { status: 201 },
    });
    expect(test.variables.base_url).toBe("http://127.0.0.1:4101");
    expect(test.variables.id).toMatch(/^o-[012]$/);
    expect(test.expect_trace.nodes.map((n) => `${n.type}:${n.identifier}`)).toEqual(["api_endpoint:POST /orders/:id/items", "database:orders"]);
    expect(test.expect_trace.nodes.every((n) => n.max_duration_ms! > 0)).toBe(true);
    expect(test.discovered_from).toMatchObject({ flow_id: flowId, occurrence_count: 3 });
  });

  it("exports the TestMesh shape", async () => {
    const body = await (await api(`/telemetry/flows/${flowId}/export?format=testmesh`, { method: "POST" })).json();
    const flow = parse(body.yaml);
    expect(flow.flow.description).toMatch(/^Auto-discovered flow \(seen 3 times, risk score [\d.]+\)$/);
    expect(flow.flow.steps.map((s: { action: string }) => s.action)).toEqual(["http_request", "database_query"]);
  });

  it("refuses unknown flows and formats, and publishes the schema", async () => {
    expect((await api(`/telemetry/flows/${crypto.randomUUID()}/export`, { method: "POST" })).status).toBe(404);
    const bad = await api(`/telemetry/flows/${flowId}/export?format=junit`, { method: "POST" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("format");
    const schema = await (await fetch(`${app.baseUrl}/schemas/flowprint-test.json`)).json();
    expect(schema).toMatchObject({ $id: "/schemas/flowprint-test.json", title: "Flowprint test", type: "object" });
  });
});
