// The delivery worker: claims due pending deliveries, POSTs them, records every attempt and
// schedules the next one with backoff until delivered or out of attempts. Time comes from an
// injected clock, so tests move it instead of sleeping through backoffs.
import { errorFields, logger } from "../http/logger";
import { metrics } from "./metrics";
import type { Store } from "../store/db";
import { claimDelivery, dueDeliveries, earliestPendingAttemptMs, getDeliveryView, insertDeliveries, pruneDeliveries, recordAttempt, type DueDelivery } from "../store/webhook-deliveries";
import { findWebhook } from "../store/webhook-repository";
import { describeTestEvent } from "../webhooks/describe-webhook-event";
import { isDelivered, planNextAttempt, type RetryPolicy } from "../webhooks/plan-next-attempt";
import { TEST_EVENT } from "../webhooks/webhook-event";
import type { WebhookTestResult } from "../webhooks/webhook-resource";
import { buildDeliveries, onWebhookEnqueued } from "./enqueue-webhook-event";
import { postWebhook } from "./post-webhook";

export interface DeliveryOptions {
  now: () => number;
  policy: RetryPolicy;
  /** Per attempt. */
  timeoutMs: number;
  /** In [0, 1), for the backoff's jitter; default Math.random. */
  random?: () => number;
  /** Deliveries read per round. */
  batch?: number;
  /** Attempts in flight at once. */
  concurrency?: number;
}

/**
 * How long a claim holds: past the attempt's timeout with room to record its outcome, so a
 * claim is taken over only from an instance that stopped mid-attempt.
 */
export const leaseMs = (timeoutMs: number) => timeoutMs + 30_000;

type Attemptable = Pick<DueDelivery, "id" | "event" | "payload" | "attempts" | "maxAttempts" | "webhook">;

/** One attempt of a claimed delivery, recorded; returns whether the receiver took it. */
async function attempt(store: Store, delivery: Attemptable, leaseUntilMs: number, options: DeliveryOptions): Promise<boolean> {
  const startedAtMs = options.now();
  const response = await postWebhook({
    url: delivery.webhook.url,
    body: delivery.payload,
    secret: delivery.webhook.secret,
    event: delivery.event,
    deliveryId: delivery.id,
    timestampS: Math.floor(startedAtMs / 1000),
    timeoutMs: options.timeoutMs,
  });
  const nowMs = options.now();
  const attemptsMade = delivery.attempts + 1;
  const delivered = isDelivered(response.statusCode);
  metrics().webhookDeliveries.inc({ outcome: delivered ? "delivered" : "failed" });
  const plan = planNextAttempt({ attemptsMade, maxAttempts: delivery.maxAttempts, succeeded: delivered, nowMs }, options.policy, options.random);
  await recordAttempt(store, { deliveryId: delivery.id, attempt: attemptsMade, leaseUntilMs, startedAtMs, ...response, plan, nowMs });
  return delivered;
}

/** Runs `work` over `items`, at most `limit` at once. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

/** One round: every due delivery this instance manages to claim gets one attempt. Returns how many. */
export async function deliverDueWebhooks(store: Store, options: DeliveryOptions): Promise<number> {
  const due = await dueDeliveries(store, options.now(), options.batch ?? 20);
  let attempted = 0;
  await eachLimited(due, options.concurrency ?? 4, async (delivery) => {
    const leaseUntilMs = options.now() + leaseMs(options.timeoutMs);
    if (!(await claimDelivery(store, delivery, leaseUntilMs))) return;
    attempted++;
    await attempt(store, delivery, leaseUntilMs, options);
  });
  return attempted;
}

/**
 * Sends the test event to one webhook now, once (no retries: the person who asked is waiting
 * for the answer), and logs it with the webhook's other deliveries. null: no such webhook.
 */
export async function sendTestWebhook(store: Store, workspaceId: string, webhookId: string, options: DeliveryOptions & { publicUrl?: string }): Promise<WebhookTestResult | null> {
  const webhook = await findWebhook(store, workspaceId, webhookId);
  if (!webhook) return null;
  const nowMs = options.now();
  const leaseUntilMs = nowMs + leaseMs(options.timeoutMs);
  // Inserted already claimed, so no worker picks it up while this request attempts it.
  const [delivery] = await buildDeliveries(store, workspaceId, TEST_EVENT, describeTestEvent(workspaceId, webhook.name), { webhookId, maxAttempts: 1, occurredAtMs: nowMs, publicUrl: options.publicUrl });
  await insertDeliveries(store, [{ ...delivery, nextAttemptAtMs: leaseUntilMs }]);
  const ok = await attempt(store, { ...delivery, attempts: 0, webhook: { url: webhook.url, secret: webhook.secret } }, leaseUntilMs, options);
  return { ok, delivery: (await getDeliveryView(store, delivery.id))! };
}

export interface WebhookWorkerOptions extends DeliveryOptions {
  /** Longest sleep between rounds when nothing is due sooner. */
  pollMs?: number;
  /** Finished deliveries are deleted this long after they were created. */
  keepMs?: number;
}

const PRUNE_EVERY_MS = 3_600_000;

/**
 * Runs rounds until stopped: right after a round that found work, when the earliest pending
 * attempt is due, when an event is enqueued in this process, and at least every pollMs (for
 * deliveries another instance enqueued). Rounds never overlap.
 */
export function startWebhookWorker(store: Store, options: WebhookWorkerOptions): { stop: () => void } {
  const pollMs = options.pollMs ?? 5_000;
  let stopped = false;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let lastPruneMs = 0;

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(round, Math.max(0, Math.min(pollMs, delayMs))).unref();
  };
  async function round(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    let delayMs = pollMs;
    try {
      const attempted = await deliverDueWebhooks(store, options);
      const nowMs = options.now();
      if (nowMs - lastPruneMs >= PRUNE_EVERY_MS) {
        lastPruneMs = nowMs;
        await pruneDeliveries(store, nowMs - (options.keepMs ?? 30 * 86_400_000));
      }
      const next = await earliestPendingAttemptMs(store);
      delayMs = attempted > 0 ? 0 : next === null ? pollMs : next - options.now();
    } catch (error) {
      logger.error(errorFields(error), "webhook delivery round failed");
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      delayMs = 0;
    }
    schedule(delayMs);
  }
  const unsubscribe = onWebhookEnqueued(() => schedule(0));
  schedule(0);
  return {
    stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
    },
  };
}
