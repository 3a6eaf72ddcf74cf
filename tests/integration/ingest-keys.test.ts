// Ingest keys created through the API: once one exists, ingestion needs a key, and a revoked
// key stops working.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { recordCheckoutTrace, sdkClient } from "../support/otel-sdk";

describe("ingest keys created in the app", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  const api = (path: string, init?: RequestInit) => fetch(`${app.baseUrl}/api/v1/workspaces/keyed${path}`, init);
  const sendTrace = async (headers: Record<string, string>) => {
    const response = await fetch(`${app.baseUrl}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [{ traceId: randomUUID().replaceAll("-", ""), spanId: randomUUID().slice(0, 18).replaceAll("-", ""), name: "GET /", startTimeUnixNano: "1", endTimeUnixNano: "2" }],
              },
            ],
          },
        ],
      }),
    });
    return response.status;
  };

  it("lists the default workspace on a new install and each workspace once it is used", async () => {
    const before = await fetch(`${app.baseUrl}/api/v1/workspaces`).then((r) => r.json());
    expect(before.workspaces.map((w: { id: string }) => w.id)).toEqual(["default"]);
    expect((await fetch(`${app.baseUrl}/api/v1/workspaces/not valid/telemetry/spans`)).status).toBe(400);
  });

  it("creates, lists and revokes keys, and ingestion follows them", async () => {
    expect(await sendTrace({ "x-workspace-id": "keyed" })).toBe(200);
    const workspaces = await fetch(`${app.baseUrl}/api/v1/workspaces`).then((r) => r.json());
    expect(workspaces.workspaces.map((w: { id: string }) => w.id)).toEqual(["default", "keyed"]);

    const invalid = await api("/ingest-keys", { method: "POST", body: JSON.stringify({ name: "" }) });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.message).toMatch(/name/);

    const created = await api("/ingest-keys", { method: "POST", body: JSON.stringify({ name: "collector" }) });
    expect(created.status).toBe(201);
    const { key, ingest_key } = await created.json();
    expect(key).toMatch(/^fp_/);
    expect(ingest_key).toMatchObject({ name: "collector", prefix: key.slice(0, 10), revoked_at: null });

    const listed = await (await api("/ingest-keys")).json();
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed.ingest_keys.map((k: { id: string }) => k.id)).toEqual([ingest_key.id]);

    expect(await sendTrace({ "x-workspace-id": "keyed" })).toBe(401);
    expect(await sendTrace({ authorization: `Bearer ${key}`, "x-workspace-id": "other" })).toBe(403);

    // The official SDK with the key: the spans land in the key's workspace.
    const client = sdkClient({ baseUrl: app.baseUrl, format: "protobuf", service: "keyed-svc", headers: { Authorization: `Bearer ${key}` } });
    const { traceId } = recordCheckoutTrace(client.tracer);
    await client.flush();
    await client.shutdown();
    const spans = await (await api(`/telemetry/spans?trace_id=${traceId}`)).json();
    expect(spans.total).toBe(3);

    expect((await api(`/ingest-keys/${ingest_key.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/ingest-keys/${ingest_key.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(`${app.baseUrl}/api/v1/workspaces/other/ingest-keys/${ingest_key.id}`, { method: "DELETE" })).status).toBe(404);
    // Revoking the last key does not reopen ingestion to anyone.
    expect(await sendTrace({ authorization: `Bearer ${key}` })).toBe(401);
    expect(await sendTrace({ "x-workspace-id": "keyed" })).toBe(401);
  });
});
