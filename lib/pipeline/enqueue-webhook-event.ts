// Raising an event: one pending delivery per webhook of the workspace that subscribed to it,
// written in one statement. Nothing is sent here; the delivery worker sends, so whatever
// raised the event (completion, validation, a sweep) never waits for a receiver.
import { randomUUID } from "node:crypto";
import { readWebhookConfig } from "../config/server-config";
import type { Store } from "../store/db";
import { insertDeliveries, type NewDelivery } from "../store/webhook-deliveries";
import { workspaceWebhooks } from "../store/webhook-repository";
import { buildWebhookBody, buildWebhookEnvelope } from "../webhooks/build-webhook-body";
import { subscribesTo, type DeliveredEvent, type WebhookEventFacts, type WebhookFormat } from "../webhooks/webhook-event";

const wakers = ((globalThis as typeof globalThis & { __flowprintWebhookWakers?: Set<() => void> }).__flowprintWebhookWakers ??= new Set());

/** Lets a delivery worker of this process hear of new deliveries at once instead of at its next poll. */
export function onWebhookEnqueued(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

export interface EnqueueOptions {
  /** When the event happened; default now. */
  occurredAtMs?: number;
  /** Default: FLOWPRINT_PUBLIC_URL, FLOWPRINT_WEBHOOK_MAX_ATTEMPTS. */
  publicUrl?: string;
  maxAttempts?: number;
  /** Only this webhook (the test event); default every subscribed webhook. */
  webhookId?: string;
}

/** The deliveries of one event, ready to insert; exported for the test event, which sends one itself. */
export async function buildDeliveries(store: Store, workspaceId: string, event: DeliveredEvent, facts: WebhookEventFacts, options: EnqueueOptions = {}): Promise<NewDelivery[]> {
  const webhooks = (await workspaceWebhooks(store, workspaceId)).filter((w) => (options.webhookId ? w.id === options.webhookId : subscribesTo(w.events, event)));
  if (webhooks.length === 0) return [];
  const config = options.publicUrl === undefined || options.maxAttempts === undefined ? readWebhookConfig() : null;
  const nowMs = Date.now();
  const occurredAtMs = options.occurredAtMs ?? nowMs;
  const envelope = buildWebhookEnvelope({ id: randomUUID(), event, occurredAtMs, workspaceId, publicUrl: options.publicUrl ?? config!.publicUrl, facts });
  return webhooks.map((webhook) => ({
    id: randomUUID(),
    webhookId: webhook.id,
    workspaceId,
    event,
    payload: JSON.stringify(buildWebhookBody(envelope, webhook.format as WebhookFormat)),
    maxAttempts: options.maxAttempts ?? config!.maxAttempts,
    nextAttemptAtMs: occurredAtMs,
    createdAtMs: nowMs,
  }));
}

/**
 * Enqueues `event` for every webhook of `workspaceId` subscribed to it and returns how many
 * deliveries were enqueued (0 when none subscribed). `facts.path` is a dashboard path such
 * as `/w/<workspace>/...`; payloads link to it under FLOWPRINT_PUBLIC_URL.
 */
export async function enqueueWebhookEvent(store: Store, workspaceId: string, event: DeliveredEvent, facts: WebhookEventFacts, options: EnqueueOptions = {}): Promise<number> {
  const deliveries = await buildDeliveries(store, workspaceId, event, facts, options);
  await insertDeliveries(store, deliveries);
  if (deliveries.length > 0) for (const wake of wakers) wake();
  return deliveries.length;
}
