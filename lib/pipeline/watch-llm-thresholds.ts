// llm.threshold_crossed: every minute, each workspace that has an LLM threshold and a webhook
// for the event gets its last hour of LLM calls summarised as the LLM page does; a model newly
// over a threshold raises the event once, and can raise it again after coming back under.
import { summarizeLlmUsage } from "../genai/llm-usage";
import { withPriceOverrides } from "../genai/price-table";
import type { Store } from "../store/db";
import { llmCallsForUsage, llmUsageSettings } from "../store/llm-queries";
import { markThresholdCrossed, markThresholdRecovered, thresholdStates, workspacesWithLlmThresholds } from "../store/llm-threshold-states";
import { workspacesSubscribedTo } from "../store/webhook-repository";
import { describeThresholdCrossed } from "../webhooks/describe-webhook-event";
import { thresholdReadings, trackThresholdCrossings } from "../webhooks/track-threshold-crossings";
import { enqueueWebhookEvent, type EnqueueOptions } from "./enqueue-webhook-event";
import { repeatRounds } from "./repeat-rounds";

/** The window a threshold is judged over: long enough for a p95, short enough to recover. */
export const LLM_THRESHOLD_WINDOW_MS = 3_600_000;

/** One evaluation of every watched workspace; returns how many crossings it announced. */
export async function evaluateLlmThresholds(store: Store, nowMs: number, options: Omit<EnqueueOptions, "occurredAtMs" | "webhookId"> = {}): Promise<number> {
  const watched = new Set(await workspacesSubscribedTo(store, "llm.threshold_crossed"));
  let announced = 0;
  for (const workspaceId of await workspacesWithLlmThresholds(store)) {
    if (!watched.has(workspaceId)) continue;
    const fromMs = nowMs - LLM_THRESHOLD_WINDOW_MS;
    const [calls, settings, states] = await Promise.all([llmCallsForUsage(store, workspaceId, { fromMs, toMs: nowMs }), llmUsageSettings(store, workspaceId), thresholdStates(store, workspaceId)]);
    const summary = summarizeLlmUsage(calls, { bucketMs: LLM_THRESHOLD_WINDOW_MS, nowMs, sinceMs: fromMs, prices: withPriceOverrides(settings.prices), thresholds: settings.thresholds });
    const { crossed, recovered } = trackThresholdCrossings(states, thresholdReadings(summary.warnings));
    for (const state of recovered) await markThresholdRecovered(store, workspaceId, state, nowMs);
    for (const reading of crossed) {
      // Of two instances evaluating at once, the one that records the crossing announces it.
      if (!(await markThresholdCrossed(store, workspaceId, reading, nowMs))) continue;
      await enqueueWebhookEvent(store, workspaceId, "llm.threshold_crossed", describeThresholdCrossed({ workspaceId, ...reading, windowMs: LLM_THRESHOLD_WINDOW_MS }), { ...options, occurredAtMs: nowMs });
      announced++;
    }
  }
  return announced;
}

export function startLlmThresholdWatch(store: Store, options: { now: () => number; intervalMs?: number }): { stop: () => void } {
  return repeatRounds(() => evaluateLlmThresholds(store, options.now()), options.intervalMs ?? 60_000, "evaluating LLM thresholds");
}
