// Webhook deliveries and their attempts. Every change of a delivery is conditional on what the
// writer read (its state, attempts and next attempt time), so app instances sharing a
// PostgreSQL database never deliver one attempt twice or overwrite each other's outcome.
import type { AttemptPlan } from "../webhooks/plan-next-attempt";
import type { WebhookDeliveryView } from "../webhooks/webhook-resource";
import type { Store } from "./db";

export interface NewDelivery {
  id: string;
  webhookId: string;
  workspaceId: string;
  event: string;
  /** The JSON body as sent. */
  payload: string;
  maxAttempts: number;
  nextAttemptAtMs: number;
  createdAtMs: number;
}

export async function insertDeliveries(store: Store, deliveries: readonly NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await store.prisma.webhookDelivery.createMany({
    data: deliveries.map((d) => ({
      id: d.id,
      webhookId: d.webhookId,
      workspaceId: d.workspaceId,
      event: d.event,
      payload: d.payload,
      state: "pending",
      maxAttempts: d.maxAttempts,
      nextAttemptAtMs: BigInt(d.nextAttemptAtMs),
      createdAtMs: BigInt(d.createdAtMs),
    })),
  });
}

const withWebhook = { webhook: { select: { url: true, secret: true } } } as const;

type DeliveryRow = Awaited<ReturnType<Store["prisma"]["webhookDelivery"]["findMany"]>>[number];
export type DueDelivery = DeliveryRow & { webhook: { url: string; secret: string } };

/** Pending deliveries whose next attempt is due, oldest due first. */
export function dueDeliveries(store: Store, nowMs: number, limit: number): Promise<DueDelivery[]> {
  return store.prisma.webhookDelivery.findMany({
    where: { state: "pending", nextAttemptAtMs: { lte: BigInt(nowMs) } },
    orderBy: { nextAttemptAtMs: "asc" },
    take: limit,
    include: withWebhook,
  });
}

/**
 * Claims a delivery for one attempt by moving its next attempt time to `leaseUntilMs`, only if
 * nobody moved it since `delivery` was read. The lease outlasts an attempt's timeout, so a
 * claim is only ever taken over from an instance that stopped mid-attempt.
 */
export async function claimDelivery(store: Store, delivery: Pick<DueDelivery, "id" | "nextAttemptAtMs" | "attempts">, leaseUntilMs: number): Promise<boolean> {
  const claimed = await store.prisma.webhookDelivery.updateMany({
    where: { id: delivery.id, state: "pending", attempts: delivery.attempts, nextAttemptAtMs: delivery.nextAttemptAtMs },
    data: { nextAttemptAtMs: BigInt(leaseUntilMs) },
  });
  return claimed.count === 1;
}

export interface AttemptRecord {
  deliveryId: string;
  /** 1-based: the claimed delivery's attempts + 1. */
  attempt: number;
  /** The lease the claim set: the record is written only while the claim still holds. */
  leaseUntilMs: number;
  startedAtMs: number;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  plan: AttemptPlan;
  nowMs: number;
}

/** Writes an attempt and its outcome; false when the claim was lost meanwhile (nothing written). */
export async function recordAttempt(store: Store, record: AttemptRecord): Promise<boolean> {
  return store.prisma.$transaction(async (tx) => {
    const updated = await tx.webhookDelivery.updateMany({
      where: { id: record.deliveryId, state: "pending", attempts: record.attempt - 1, nextAttemptAtMs: BigInt(record.leaseUntilMs) },
      data: {
        attempts: record.attempt,
        state: record.plan.state,
        // A finished delivery keeps the time of its last attempt.
        nextAttemptAtMs: BigInt(record.plan.state === "pending" ? record.plan.nextAttemptAtMs : record.nowMs),
        lastStatusCode: record.statusCode,
        lastLatencyMs: record.latencyMs,
        lastError: record.error,
        deliveredAtMs: record.plan.state === "delivered" ? BigInt(record.nowMs) : null,
      },
    });
    if (updated.count === 0) return false;
    await tx.webhookAttempt.create({
      data: {
        deliveryId: record.deliveryId,
        attempt: record.attempt,
        startedAtMs: BigInt(record.startedAtMs),
        statusCode: record.statusCode,
        latencyMs: record.latencyMs,
        error: record.error,
      },
    });
    return true;
  });
}

/** When the earliest pending attempt is due (a lease's end for one being attempted), or null. */
export async function earliestPendingAttemptMs(store: Store): Promise<number | null> {
  const next = await store.prisma.webhookDelivery.findFirst({ where: { state: "pending" }, orderBy: { nextAttemptAtMs: "asc" }, select: { nextAttemptAtMs: true } });
  return next ? Number(next.nextAttemptAtMs) : null;
}

/** Deletes delivered and failed deliveries created before `beforeMs`; pending ones stay. */
export async function pruneDeliveries(store: Store, beforeMs: number): Promise<number> {
  const deleted = await store.prisma.webhookDelivery.deleteMany({ where: { createdAtMs: { lt: BigInt(beforeMs) }, state: { in: ["delivered", "failed"] } } });
  return deleted.count;
}

type AttemptRow = Awaited<ReturnType<Store["prisma"]["webhookAttempt"]["findMany"]>>[number];

const iso = (ms: bigint | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function deliveryView(row: DeliveryRow, attempts: readonly AttemptRow[]): WebhookDeliveryView {
  return {
    id: row.id,
    webhook_id: row.webhookId,
    event: row.event as WebhookDeliveryView["event"],
    state: row.state as WebhookDeliveryView["state"],
    attempts: row.attempts,
    max_attempts: row.maxAttempts,
    next_attempt_at: row.state === "pending" ? iso(row.nextAttemptAtMs) : null,
    last_status_code: row.lastStatusCode,
    last_latency_ms: row.lastLatencyMs,
    last_error: row.lastError,
    created_at: iso(row.createdAtMs)!,
    delivered_at: iso(row.deliveredAtMs),
    attempt_log: attempts.map((a) => ({ attempt: a.attempt, started_at: iso(a.startedAtMs)!, status_code: a.statusCode, latency_ms: a.latencyMs, error: a.error })),
  };
}

/** A webhook's deliveries, newest first, each with its attempts. */
export async function listDeliveries(store: Store, webhookId: string, page: { limit: number; offset: number }): Promise<{ deliveries: WebhookDeliveryView[]; total: number }> {
  const [rows, total] = await Promise.all([
    store.prisma.webhookDelivery.findMany({ where: { webhookId }, orderBy: [{ createdAtMs: "desc" }, { id: "asc" }], take: page.limit, skip: page.offset, include: { attemptLog: { orderBy: { attempt: "asc" } } } }),
    store.prisma.webhookDelivery.count({ where: { webhookId } }),
  ]);
  return { deliveries: rows.map((r) => deliveryView(r, r.attemptLog)), total };
}

export async function getDeliveryView(store: Store, deliveryId: string): Promise<WebhookDeliveryView | null> {
  const row = await store.prisma.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { attemptLog: { orderBy: { attempt: "asc" } } } });
  return row ? deliveryView(row, row.attemptLog) : null;
}
