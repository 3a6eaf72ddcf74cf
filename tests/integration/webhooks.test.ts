// Webhooks through the running app, on SQLite and (when TEST_DATABASE_URL is set) PostgreSQL,
// delivered to a real HTTP receiver on this machine. The app runs with a short retry base and
// four attempts (FLOWPRINT_WEBHOOK_RETRY_BASE_MS, FLOWPRINT_WEBHOOK_MAX_ATTEMPTS) so retries
// finish in seconds; timing checks are lower bounds only, which a slow machine cannot break.
import { context, SpanKind, trace, type Tracer } from "@opentelemetry/api";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "../../lib/webhooks/verify-webhook-signature";
import { freePort, startApp, tempPostgresUrl, type AppServer } from "../support/app-server";
import { sdkClient } from "../support/otel-sdk";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const PUBLIC_URL = "https://flowprint.test/dash";
const RETRY_BASE_MS = 200;
const APP_ENV = { FLOWPRINT_PUBLIC_URL: PUBLIC_URL, FLOWPRINT_WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS), FLOWPRINT_WEBHOOK_MAX_ATTEMPTS: "4" };

const EXPECTED_NODES = [
  { type: "api_endpoint", identifier: "POST /orders" },
  { type: "database", identifier: "orders" },
  { type: "service", identifier: "fraud" },
  { type: "service", identifier: "loyalty" },
];

interface Delivery {
  id: string;
  event: string;
  state: string;
  attempts: number;
  max_attempts: number;
  attempt_log: { attempt: number; started_at: string; status_code: number | null; latency_ms: number; error: string | null }[];
}

/** POST /orders on checkout: a database write, then a client call per peer service. */
function recordOrder(tracer: Tracer, peers: string[]): string {
  // Explicit times: spans made within one clock tick would tie and the path's order would rest on the tie-break.
  const start = Date.now() - 100;
  const root = tracer.startSpan("POST /orders", { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": "POST", "http.route": "/orders" } });
  const parent = trace.setSpan(context.active(), root);
  tracer.startSpan("INSERT orders", { kind: SpanKind.CLIENT, startTime: start + 2, attributes: { "db.system.name": "postgresql", "db.namespace": "orders" } }, parent).end(start + 5);
  peers.forEach((peer, i) => tracer.startSpan(`POST ${peer}`, { kind: SpanKind.CLIENT, startTime: start + 10 + i * 10, attributes: { "peer.service": peer } }, parent).end(start + 15 + i * 10));
  root.end(start + 60);
  return root.spanContext().traceId;
}

describe.each([
  ["SQLite", async () => undefined],
  ["PostgreSQL", tempPostgresUrl],
] as const)("webhooks in the running app on %s", (store, database) => {
  let app: AppServer | undefined;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let receiver: WebhookReceiver | undefined;

  beforeAll(async () => {
    const temp = await database();
    if (store === "PostgreSQL" && !temp) return;
    dropDatabase = temp?.drop;
    app = await startApp({ ...(temp ? { databaseUrl: temp.url } : {}), env: APP_ENV });
    databaseUrl = app.databaseUrl;
  }, 120_000);
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });
  afterAll(async () => {
    await app?.stop();
    await dropDatabase?.();
  });

  const api = (workspace: string, path: string, init?: RequestInit) => fetch(`${app!.baseUrl}/api/v1/workspaces/${workspace}${path}`, init);
  const post = (workspace: string, path: string, body: unknown) => api(workspace, path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const createWebhook = async (workspace: string, body: Record<string, unknown>) => {
    const response = await post(workspace, "/webhooks", { name: "ops", format: "json", ...body });
    expect(response.status).toBe(201);
    return (await response.json()) as { secret: string; webhook: { id: string } };
  };
  const send = async (workspace: string, peers: string[]) => {
    const client = sdkClient({ baseUrl: app!.baseUrl, format: "protobuf", service: "checkout", headers: { "X-Workspace-ID": workspace } });
    const traceId = recordOrder(client.tracer, peers);
    await client.flush();
    await client.shutdown();
    expect((await api(workspace, `/telemetry/traces/${traceId}/complete`, { method: "POST" })).status).toBe(200);
    return traceId;
  };
  /** A test run whose trace lacks a node it expects (the fraud check): its validation fails, raising run.failed. */
  const failRun = async (workspace: string) => {
    const traceId = await send(workspace, ["loyalty"]);
    const created = await post(workspace, "/executions", { test_name: "checkout places an order", trace_id: traceId, expected: { nodes: EXPECTED_NODES } });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const validation = await (await api(workspace, `/executions/${id}/trace-validation`)).json();
    expect(validation.status).toBe("failed");
    return { executionId: id as string, traceId };
  };
  /** The webhook's deliveries once `done` holds for them; the deadline is far beyond what the schedule needs. */
  const deliveriesWhen = async (workspace: string, webhookId: string, done: (deliveries: Delivery[]) => boolean) => {
    let deliveries: Delivery[] = [];
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      deliveries = (await (await api(workspace, `/webhooks/${webhookId}/deliveries`)).json()).deliveries;
      if (done(deliveries)) return deliveries;
    }
    throw new Error(`Deliveries never got there: ${JSON.stringify(deliveries)}`);
  };

  it("creates, lists and deletes webhooks; a bad URL or event list gets a 400 naming the field", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    for (const [body, field, message] of [
      [{ url: "ftp://example.com/hook" }, "url", "must use http or https"],
      [{ url: "/hooks/flowprint" }, "url", "must be an absolute URL"],
      [{ url: "https://user:secret@example.com/hook" }, "url", "must not contain a user name or password"],
      [{ url: "https://example.com/hook", events: [] }, "events", "must name at least one event"],
      [{ url: "https://example.com/hook", events: ["drift.closed"] }, "events.0", ""],
      [{ url: "https://example.com/hook", format: "xml" }, "format", ""],
      [{ url: "https://example.com/hook", name: " " }, "name", "must not be empty"],
    ] as const) {
      const response = await post("admin", "/webhooks", { name: "ops", events: ["drift.opened"], ...body });
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.issues[0].path).toBe(field);
      expect(error.message).toContain(`Invalid ${field}`);
      expect(error.issues[0].message).toContain(message);
    }

    const created = await post("admin", "/webhooks", { name: "on-call", url: "https://hooks.slack.com/services/T0/B0/x", format: "slack", events: ["run.failed", "drift.opened"] });
    expect(created.status).toBe(201);
    const { secret, webhook } = await created.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(webhook).toEqual({ id: expect.any(String), name: "on-call", url: "https://hooks.slack.com/services/T0/B0/x", format: "slack", events: ["run.failed", "drift.opened"], created_at: expect.any(String) });
    const listed = await (await api("admin", "/webhooks")).json();
    expect(listed).toEqual({ webhooks: [webhook] });
    expect(JSON.stringify(listed)).not.toContain(secret);

    expect((await api("elsewhere", `/webhooks/${webhook.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await api("elsewhere", `/webhooks/${webhook.id}/deliveries`)).status).toBe(404);
    expect((await api("admin", `/webhooks/${webhook.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api("admin", `/webhooks/${webhook.id}`, { method: "DELETE" })).status).toBe(404);
    expect(await (await api("admin", "/webhooks")).json()).toEqual({ webhooks: [] });
  });

  it("delivers drift.opened, signed and linking the alert, when a drift alert opens", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    receiver = await startWebhookReceiver();
    const json = await createWebhook("drifting", { url: receiver.url, events: ["drift.opened"] });
    await createWebhook("drifting", { name: "chat", url: `${receiver.url}/slack`, format: "slack", events: ["drift.opened"] });
    await createWebhook("drifting", { name: "runs", url: `${receiver.url}/runs`, events: ["run.failed"] });
    const settings = await api("drifting", "/settings/telemetry", { method: "PUT", body: JSON.stringify({ drift_learning_ms: 0, drift_learning_traces: 3, drift_confirm_ms: 0 }) });
    expect(settings.status).toBe(200);
    for (let i = 0; i < 3; i++) await send("drifting", ["loyalty"]);
    await send("drifting", ["fraud", "loyalty"]);

    const requests = await receiver.waitFor(2);
    const { alerts } = await (await api("drifting", "/telemetry/drift?state=open")).json();
    expect(alerts).toHaveLength(1);
    const jsonRequest = requests.find((r) => r.path === "/hooks/flowprint")!;
    const check = verifyWebhookSignature({ secret: json.secret, body: jsonRequest.body, header: jsonRequest.headers["flowprint-signature"] as string });
    expect(check.valid).toBe(true);
    expect(jsonRequest.headers["flowprint-event"]).toBe("drift.opened");
    expect(JSON.parse(jsonRequest.body)).toMatchObject({
      event: "drift.opened",
      workspace_id: "drifting",
      summary: "Drift: checkout POST /orders took a new path (+ service:fraud)",
      url: `${PUBLIC_URL}/w/drifting/drift/${alerts[0].id}`,
      data: { alert_id: alerts[0].id, kind: "new_variant", previous_path: alerts[0].previous_path, current_path: alerts[0].current_path, added_nodes: ["service:fraud"] },
    });
    const slack = JSON.parse(requests.find((r) => r.path === "/hooks/flowprint/slack")!.body);
    expect(slack.text).toBe(`Drift: checkout POST /orders took a new path (+ service:fraud) <${PUBLIC_URL}/w/drifting/drift/${alerts[0].id}|Open in Flowprint>`);
    expect(slack.blocks.length).toBeGreaterThan(1);
    const [delivery] = await deliveriesWhen("drifting", json.webhook.id, (d) => d[0]?.state === "delivered");
    expect(delivery).toMatchObject({ event: "drift.opened", attempts: 1, attempt_log: [{ attempt: 1, status_code: 200, error: null }] });
    // Nothing for the webhook that wants failed runs only.
    expect(receiver.received.filter((r) => r.path.endsWith("/runs"))).toHaveLength(0);
  });

  it("retries a receiver that answers 500 with growing waits and logs every attempt", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    receiver = await startWebhookReceiver();
    receiver.respondWith((i) => (i < 2 ? 500 : 200));
    const { secret, webhook } = await createWebhook("flaky", { url: receiver.url, events: ["run.failed"] });
    const { executionId, traceId } = await failRun("flaky");

    const [delivery] = await deliveriesWhen("flaky", webhook.id, (d) => d[0]?.state === "delivered");
    expect(delivery.attempt_log.map((a) => [a.attempt, a.status_code])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    expect(delivery.attempt_log[0].error).toBe("answered 500: receiver says no");
    // Each wait is at least the backoff less its jitter (20%): 200 ms, then 400 ms.
    for (const k of [1, 2]) {
      const previous = delivery.attempt_log[k - 1];
      const waitedMs = Date.parse(delivery.attempt_log[k].started_at) - (Date.parse(previous.started_at) + previous.latency_ms);
      expect(waitedMs).toBeGreaterThanOrEqual(0.8 * RETRY_BASE_MS * 2 ** (k - 1) - 2);
    }
    expect(receiver.received).toHaveLength(3);
    const last = receiver.received[2];
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(verifyWebhookSignature({ secret, body: last.body, header: last.headers["flowprint-signature"] as string }).valid).toBe(true);
    expect(JSON.parse(last.body)).toMatchObject({
      event: "run.failed",
      // Why it failed, in the runner's words.
      summary: 'Test run "checkout places an order" failed: first divergence: fraud was not called after database orders (checkout)',
      url: `${PUBLIC_URL}/w/flaky/traces/${traceId}`,
      data: { execution_id: executionId, trace_id: traceId, status: "failed", problems: ["missing service:fraud"], why: ["first divergence: fraud was not called after database orders (checkout)"] },
    });
  });

  it("fails a delivery to a receiver that is down after its last attempt", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    const { webhook } = await createWebhook("down", { url: `http://127.0.0.1:${await freePort()}/hook`, events: ["run.failed"] });
    await failRun("down");
    const [delivery] = await deliveriesWhen("down", webhook.id, (d) => d[0]?.state === "failed");
    expect(delivery).toMatchObject({ attempts: 4, max_attempts: 4 });
    expect(delivery.attempt_log).toHaveLength(4);
    for (const attempt of delivery.attempt_log) {
      expect(attempt.status_code).toBeNull();
      expect(attempt.error).toMatch(/ECONNREFUSED/);
    }
  });

  it("sends a test event on demand and answers with its attempt", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    receiver = await startWebhookReceiver();
    const { secret, webhook } = await createWebhook("testing", { url: receiver.url, events: ["coverage.dropped"] });
    const response = await post("testing", `/webhooks/${webhook.id}/test`, {});
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ ok: true, delivery: { event: "webhook.test", state: "delivered", attempts: 1, max_attempts: 1, attempt_log: [{ attempt: 1, status_code: 200 }] } });
    expect(receiver.received).toHaveLength(1);
    expect(verifyWebhookSignature({ secret, body: receiver.received[0].body, header: receiver.received[0].headers["flowprint-signature"] as string }).valid).toBe(true);
    expect(receiver.received[0].headers["flowprint-delivery"]).toBe(result.delivery.id);
    const { deliveries } = await (await api("testing", `/webhooks/${webhook.id}/deliveries`)).json();
    expect(deliveries.map((d: Delivery) => d.id)).toEqual([result.delivery.id]);
    expect((await post("testing", "/webhooks/00000000-0000-4000-8000-000000000000/test", {})).status).toBe(404);
  });

  it("delivers a pending delivery after the app restarts", async (ctx) => {
    if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    // Waits of at least 2.4 s from here: the app is stopped long before its attempts run out.
    const slowRetries = { ...APP_ENV, FLOWPRINT_WEBHOOK_RETRY_BASE_MS: "3000", FLOWPRINT_WEBHOOK_MAX_ATTEMPTS: "8" };
    await app!.stop();
    app = await startApp({ databaseUrl, env: slowRetries });
    const port = await freePort();
    const { webhook } = await createWebhook("restart", { url: `http://127.0.0.1:${port}/hooks/flowprint`, events: ["run.failed"] });
    await failRun("restart");
    await deliveriesWhen("restart", webhook.id, (d) => d[0]?.attempts >= 1);
    await app.stop();

    receiver = await startWebhookReceiver(port);
    const restartedAtMs = Date.now();
    app = await startApp({ databaseUrl, env: slowRetries });
    await receiver.waitFor(1);
    const [delivery] = await deliveriesWhen("restart", webhook.id, (d) => d[0]?.state === "delivered");
    const attempts = delivery.attempt_log;
    expect(attempts.at(-1)).toMatchObject({ status_code: 200, error: null });
    expect(Date.parse(attempts.at(-1)!.started_at)).toBeGreaterThanOrEqual(restartedAtMs);
    expect(attempts.slice(0, -1).every((a) => /ECONNREFUSED/.test(a.error ?? ""))).toBe(true);
    expect(receiver.received).toHaveLength(1);
  });
});
