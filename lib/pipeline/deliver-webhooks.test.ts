// Webhook delivery on real stores (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) to a
// real local receiver. The worker's clock is injected: backoffs pass by moving it, not by
// sleeping, so nothing here depends on the machine's speed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "../../tests/support/webhook-receiver";
import { openStore, type Store } from "../store/db";
import { POSTGRES_SKIPPED, TEST_STORES, type OpenedStore } from "../store/testing/test-stores";
import { createWebhook } from "../store/webhook-repository";
import { DEFAULT_RETRY_POLICY } from "../webhooks/plan-next-attempt";
import { verifyWebhookSignature } from "../webhooks/verify-webhook-signature";
import { deliverDueWebhooks, leaseMs, sendTestWebhook, type DeliveryOptions } from "./deliver-webhooks";
import { enqueueWebhookEvent } from "./enqueue-webhook-event";
import { claimDelivery } from "../store/webhook-deliveries";
import { evaluateLlmThresholds, LLM_THRESHOLD_WINDOW_MS } from "./watch-llm-thresholds";

const T0 = Date.UTC(2026, 11, 6, 12);
const FACTS = { summary: "something happened", path: "/w/hooks/drift/a-1", data: { alert_id: "a-1" } };

/** A clock the test moves; no jitter, so the schedule is exactly 1 s, 2 s, 4 s ... */
function deliveryOptions(start = T0): DeliveryOptions & { clock: { ms: number }; publicUrl: string } {
  const clock = { ms: start };
  return { clock, now: () => clock.ms, policy: { ...DEFAULT_RETRY_POLICY, baseMs: 1_000 }, timeoutMs: 5_000, random: () => 0, publicUrl: "https://flowprint.example.com" };
}

const deliveriesOf = (store: Store, webhookId: string) =>
  store.prisma.webhookDelivery.findMany({ where: { webhookId }, include: { attemptLog: { orderBy: { attempt: "asc" } } }, orderBy: { createdAtMs: "asc" } });

for (const kind of TEST_STORES) {
  describe(`webhook delivery on ${kind.name}`, () => {
    let opened: OpenedStore | null = null;
    let receiver: WebhookReceiver;
    beforeAll(async () => {
      opened = await kind.open();
    });
    afterAll(async () => {
      await opened?.drop();
    });
    afterEach(async () => {
      await receiver?.close();
    });

    it("delivers an event to the subscribed webhooks only, signed, with the dashboard link", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      receiver = await startWebhookReceiver();
      const options = deliveryOptions();
      const json = await createWebhook(store, "hooks", { name: "ops", url: receiver.url, format: "json", events: ["drift.opened"] });
      const slack = await createWebhook(store, "hooks", { name: "chat", url: receiver.url, format: "slack", events: ["drift.opened", "run.failed"] });
      await createWebhook(store, "hooks", { name: "runs only", url: receiver.url, format: "json", events: ["run.failed"] });
      await createWebhook(store, "other", { name: "other workspace", url: receiver.url, format: "json", events: ["drift.opened"] });

      expect(await enqueueWebhookEvent(store, "hooks", "drift.opened", FACTS, { occurredAtMs: T0, publicUrl: options.publicUrl, maxAttempts: 8 })).toBe(2);
      // Enqueuing sends nothing: the worker does.
      expect(receiver.received).toHaveLength(0);
      expect(await deliverDueWebhooks(store, options)).toBe(2);
      const requests = await receiver.waitFor(2);
      const bySecret = (secret: string) => requests.find((r) => verifyWebhookSignature({ secret, body: r.body, header: r.headers["flowprint-signature"] as string, nowS: T0 / 1000 }).valid);
      const jsonRequest = bySecret(json.secret)!;
      const slackRequest = bySecret(slack.secret)!;
      expect(jsonRequest.headers).toMatchObject({ "content-type": "application/json", "flowprint-event": "drift.opened" });
      expect(jsonRequest.headers["flowprint-signature"]).toMatch(new RegExp(`^t=${T0 / 1000},v1=[0-9a-f]{64}$`));
      const envelope = JSON.parse(jsonRequest.body);
      expect(envelope).toEqual({ id: expect.any(String), event: "drift.opened", occurred_at: new Date(T0).toISOString(), workspace_id: "hooks", summary: "something happened", url: "https://flowprint.example.com/w/hooks/drift/a-1", data: { alert_id: "a-1" } });
      expect(JSON.parse(slackRequest.body).text).toBe("something happened <https://flowprint.example.com/w/hooks/drift/a-1|Open in Flowprint>");

      const [delivery] = await deliveriesOf(store, json.webhook.id);
      expect(jsonRequest.headers["flowprint-delivery"]).toBe(delivery.id);
      expect(delivery).toMatchObject({ state: "delivered", attempts: 1, lastStatusCode: 200, lastError: null, deliveredAtMs: BigInt(T0) });
      expect(delivery.attemptLog).toMatchObject([{ attempt: 1, statusCode: 200, startedAtMs: BigInt(T0), error: null }]);
      // Delivered once: later rounds find nothing to do.
      options.clock.ms += 3_600_000;
      expect(await deliverDueWebhooks(store, options)).toBe(0);
      expect(receiver.received).toHaveLength(2);
    });

    it("retries a receiver that answers 500 on the backoff schedule and logs every attempt", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      receiver = await startWebhookReceiver();
      receiver.respondWith((i) => (i < 3 ? 500 : 204));
      const options = deliveryOptions();
      const { webhook } = await createWebhook(store, "retry", { name: "flaky", url: receiver.url, format: "json", events: ["run.failed"] });
      await enqueueWebhookEvent(store, "retry", "run.failed", FACTS, { occurredAtMs: T0, publicUrl: options.publicUrl, maxAttempts: 8 });

      const at = async (ms: number) => {
        options.clock.ms = T0 + ms;
        return deliverDueWebhooks(store, options);
      };
      expect(await at(0)).toBe(1);
      // Waits of 1 s, 2 s and 4 s after the first, second and third failure.
      expect(await at(999)).toBe(0);
      expect(await at(1_000)).toBe(1);
      expect(await at(2_999)).toBe(0);
      expect(await at(3_000)).toBe(1);
      const [pending] = await deliveriesOf(store, webhook.id);
      expect(pending).toMatchObject({ state: "pending", attempts: 3, nextAttemptAtMs: BigInt(T0 + 7_000), lastStatusCode: 500, lastError: "answered 500: receiver says no" });
      expect(await at(6_999)).toBe(0);
      expect(await at(7_000)).toBe(1);

      const [delivery] = await deliveriesOf(store, webhook.id);
      expect(delivery).toMatchObject({ state: "delivered", attempts: 4, lastStatusCode: 204, lastError: null });
      expect(delivery.attemptLog.map((a) => [a.attempt, Number(a.startedAtMs) - T0, a.statusCode])).toEqual([
        [1, 0, 500],
        [2, 1_000, 500],
        [3, 3_000, 500],
        [4, 7_000, 204],
      ]);
      // The same bytes every time.
      expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    });

    it("fails a delivery to a closed port after its last attempt", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      receiver = await startWebhookReceiver();
      const url = receiver.url;
      await receiver.close();
      const options = deliveryOptions();
      const { webhook } = await createWebhook(store, "down", { name: "down", url, format: "json", events: ["drift.opened"] });
      await enqueueWebhookEvent(store, "down", "drift.opened", FACTS, { occurredAtMs: T0, publicUrl: options.publicUrl, maxAttempts: 4 });
      for (const ms of [0, 1_000, 3_000, 7_000]) {
        options.clock.ms = T0 + ms;
        expect(await deliverDueWebhooks(store, options)).toBe(1);
      }
      options.clock.ms = T0 + 86_400_000;
      expect(await deliverDueWebhooks(store, options)).toBe(0);
      const [delivery] = await deliveriesOf(store, webhook.id);
      expect(delivery).toMatchObject({ state: "failed", attempts: 4, lastStatusCode: null, deliveredAtMs: null });
      expect(delivery.attemptLog).toHaveLength(4);
      expect(delivery.attemptLog.every((a) => a.statusCode === null && /ECONNREFUSED/.test(a.error ?? ""))).toBe(true);
    });

    it("delivers each event once when two instances race for it, and takes over a claim left by a stopped one", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      const second = openStore(store.url);
      try {
        receiver = await startWebhookReceiver();
        const options = deliveryOptions();
        const { webhook } = await createWebhook(store, "race", { name: "race", url: receiver.url, format: "json", events: ["drift.opened"] });
        for (let i = 0; i < 12; i++) await enqueueWebhookEvent(store, "race", "drift.opened", { ...FACTS, data: { n: i } }, { occurredAtMs: T0, publicUrl: options.publicUrl, maxAttempts: 8 });
        const [a, b] = await Promise.all([deliverDueWebhooks(store, options), deliverDueWebhooks(second, options)]);
        expect(a + b).toBe(12);
        expect(receiver.received).toHaveLength(12);
        expect(new Set(receiver.received.map((r) => r.headers["flowprint-delivery"])).size).toBe(12);

        // An instance claimed this one and stopped before attempting it.
        await enqueueWebhookEvent(store, "race", "drift.opened", FACTS, { occurredAtMs: T0, publicUrl: options.publicUrl, maxAttempts: 8 });
        const stuck = (await deliveriesOf(store, webhook.id)).find((d) => d.state === "pending")!;
        expect(await claimDelivery(second, stuck, T0 + leaseMs(options.timeoutMs))).toBe(true);
        expect(await deliverDueWebhooks(store, options)).toBe(0);
        options.clock.ms = T0 + leaseMs(options.timeoutMs);
        expect(await deliverDueWebhooks(store, options)).toBe(1);
        expect(receiver.received).toHaveLength(13);
      } finally {
        await second.close();
      }
    });

    it("sends the test event once on demand and logs it, failed or not", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      receiver = await startWebhookReceiver();
      receiver.respondWith((i) => (i === 0 ? 200 : 503));
      const options = deliveryOptions();
      const { webhook, secret } = await createWebhook(store, "test-send", { name: "ops", url: receiver.url, format: "json", events: ["run.failed"] });
      const ok = await sendTestWebhook(store, "test-send", webhook.id, options);
      expect(ok).toMatchObject({ ok: true, delivery: { event: "webhook.test", state: "delivered", attempts: 1, max_attempts: 1, last_status_code: 200, attempt_log: [{ attempt: 1, status_code: 200, error: null }] } });
      expect(verifyWebhookSignature({ secret, body: receiver.received[0].body, header: receiver.received[0].headers["flowprint-signature"] as string, nowS: T0 / 1000 }).valid).toBe(true);
      expect(JSON.parse(receiver.received[0].body)).toMatchObject({ event: "webhook.test", url: "https://flowprint.example.com/w/test-send/settings#webhooks-title" });

      const failed = await sendTestWebhook(store, "test-send", webhook.id, options);
      expect(failed).toMatchObject({ ok: false, delivery: { state: "failed", attempts: 1, last_status_code: 503, last_error: "answered 503: receiver says no" } });
      // Not retried by the worker.
      options.clock.ms += 86_400_000;
      expect(await deliverDueWebhooks(store, options)).toBe(0);
      expect(await sendTestWebhook(store, "another-workspace", webhook.id, options)).toBeNull();
    });

    it("announces an LLM threshold crossing once, and again only after the model recovered", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      const { webhook } = await createWebhook(store, "llm", { name: "llm", url: "http://127.0.0.1:9/unused", format: "json", events: ["llm.threshold_crossed"] });
      await store.prisma.workspace.update({ where: { id: "llm" }, data: { llmAlertErrorRate: 0.2 } });
      let n = 0;
      const calls = (atMs: number, errors: number, ok: number) =>
        store.prisma.llmCall.createMany({
          data: Array.from({ length: errors + ok }, (_, i) => ({
            workspaceId: "llm",
            traceId: (++n).toString(16).padStart(32, "a"),
            spanId: "0000000000000001",
            service: "assistant",
            name: "chat gpt-4o",
            operation: "chat",
            model: "gpt-4o",
            provider: "openai",
            startMs: BigInt(atMs),
            durationMs: 100,
            isError: i < errors,
            errorType: i < errors ? "429" : "",
            inputTokens: 10,
            outputTokens: 10,
          })),
        });
      const events = async () => (await deliveriesOf(store, webhook.id)).map((d) => JSON.parse(d.payload) as { data: Record<string, unknown>; summary: string });
      const options = { publicUrl: "https://flowprint.example.com", maxAttempts: 8 };

      await calls(T0 - 60_000, 1, 9);
      expect(await evaluateLlmThresholds(store, T0, options)).toBe(0);
      await calls(T0 - 30_000, 5, 0);
      expect(await evaluateLlmThresholds(store, T0, options)).toBe(1);
      expect(await evaluateLlmThresholds(store, T0 + 60_000, options)).toBe(0);
      const [first] = await events();
      expect(first.data).toEqual({ model: "gpt-4o", metric: "error_rate", value: 0.4, threshold: 0.2, window_ms: LLM_THRESHOLD_WINDOW_MS });
      expect(first.summary).toBe("LLM threshold crossed: gpt-4o: error rate 40% (6 of 15 calls) is above the 20% threshold");

      // An hour later those calls have left the window: the model is back under.
      const later = T0 + LLM_THRESHOLD_WINDOW_MS + 1;
      expect(await evaluateLlmThresholds(store, later, options)).toBe(0);
      expect(await store.prisma.llmThresholdState.findMany({ where: { workspaceId: "llm" }, select: { metric: true, crossed: true } })).toEqual([{ metric: "error_rate", crossed: false }]);
      await calls(later - 1_000, 3, 1);
      expect(await evaluateLlmThresholds(store, later, options)).toBe(1);
      expect(await events()).toHaveLength(2);

      // Without a subscribed webhook nothing is evaluated.
      await store.prisma.webhook.delete({ where: { id: webhook.id } });
      await store.prisma.llmThresholdState.deleteMany({ where: { workspaceId: "llm" } });
      expect(await evaluateLlmThresholds(store, later, options)).toBe(0);
    });
  });
}
