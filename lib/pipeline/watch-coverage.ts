// coverage.dropped: every few minutes, each workspace with a webhook for the event has its test
// coverage computed as the coverage page shows it; when the ratio fell since the previous
// evaluation, the event names what fell. The previous evaluation is kept in this process's
// memory (the schema has no place for it yet), so after a restart the first evaluation only
// sets the baseline, and instances sharing one database each announce a drop they see.
import type { Store } from "../store/db";
import { workspacesSubscribedTo } from "../store/webhook-repository";
import { detectCoverageDrop, snapshotCoverage, type CoverageSnapshot } from "../diagnosis/detect-coverage-drop";
import { describeCoverageDropped } from "../webhooks/describe-coverage-dropped";
import { enqueueWebhookEvent, type EnqueueOptions } from "./enqueue-webhook-event";
import { repeatRounds } from "./repeat-rounds";
import { readWorkspaceCoverage } from "./workspace-coverage";

export const COVERAGE_WATCH_INTERVAL_MS = 5 * 60_000;

/** workspace id → its coverage at the previous evaluation. */
export type CoverageMemory = Map<string, CoverageSnapshot>;

/** One evaluation of every watched workspace; returns how many drops it announced. */
export async function evaluateCoverageDrops(store: Store, nowMs: number, memory: CoverageMemory, options: Omit<EnqueueOptions, "occurredAtMs" | "webhookId"> = {}): Promise<number> {
  const watched = new Set(await workspacesSubscribedTo(store, "coverage.dropped"));
  // A workspace that stopped listening starts afresh if it subscribes again.
  for (const workspaceId of memory.keys()) if (!watched.has(workspaceId)) memory.delete(workspaceId);
  let announced = 0;
  for (const workspaceId of watched) {
    const { windowDays, coverage } = await readWorkspaceCoverage(store, workspaceId, { nowMs });
    const drop = detectCoverageDrop(memory.get(workspaceId), coverage);
    memory.set(workspaceId, snapshotCoverage(coverage));
    if (drop === null) continue;
    const facts = describeCoverageDropped({ workspaceId, drop, windowDays, coveredCount: coverage.coveredCount, endpointCount: coverage.endpoints.length });
    await enqueueWebhookEvent(store, workspaceId, "coverage.dropped", facts, { ...options, occurredAtMs: nowMs });
    announced++;
  }
  return announced;
}

export function startCoverageWatch(store: Store, options: { now: () => number; intervalMs?: number }): { stop: () => void } {
  const memory: CoverageMemory = new Map();
  return repeatRounds(() => evaluateCoverageDrops(store, options.now(), memory), options.intervalMs ?? COVERAGE_WATCH_INTERVAL_MS, "evaluating test coverage");
}
