// coverage.dropped: every few minutes, each workspace with a webhook for the event has its test
// coverage computed as the coverage page shows it; when the ratio fell since the previous
// evaluation, the event names what fell. The previous evaluation is stored (coverage_states),
// so a restart compares with what was seen before it, and of instances sharing one database
// only the one whose conditional write moves the state on announces the fall.
import { deleteCoverageStates, readCoverageState, replaceCoverageState } from "../store/coverage-states";
import type { Store } from "../store/db";
import { workspacesSubscribedTo } from "../store/webhook-repository";
import { detectCoverageDrop, snapshotCoverage, type CoverageSnapshot } from "../diagnosis/detect-coverage-drop";
import { describeCoverageDropped } from "../webhooks/describe-coverage-dropped";
import { enqueueWebhookEvent, type EnqueueOptions } from "./enqueue-webhook-event";
import { repeatRounds } from "./repeat-rounds";
import { readWorkspaceCoverage } from "./workspace-coverage";

export const COVERAGE_WATCH_INTERVAL_MS = 5 * 60_000;

/** One evaluation of every watched workspace; returns how many drops it announced. */
export async function evaluateCoverageDrops(store: Store, nowMs: number, options: Omit<EnqueueOptions, "occurredAtMs" | "webhookId"> = {}): Promise<number> {
  const watched = await workspacesSubscribedTo(store, "coverage.dropped");
  // A workspace that stopped listening starts afresh if it subscribes again.
  await deleteCoverageStates(store, watched);
  let announced = 0;
  for (const workspaceId of watched) {
    const { windowDays, coverage } = await readWorkspaceCoverage(store, workspaceId, { nowMs });
    const stored = await readCoverageState(store, workspaceId);
    const previous: CoverageSnapshot | undefined = stored
      ? { coveredCount: stored.coveredCount, endpointCount: stored.endpointCount, endpoints: new Set(stored.endpoints), covered: new Set(stored.covered) }
      : undefined;
    const drop = detectCoverageDrop(previous, coverage);
    const next = snapshotCoverage(coverage);
    const moved = await replaceCoverageState(store, workspaceId, stored, {
      coveredCount: next.coveredCount,
      endpointCount: next.endpointCount,
      endpoints: [...next.endpoints].sort(),
      covered: [...next.covered].sort(),
      checkedAtMs: nowMs,
    });
    // Another evaluation got there first: the fall, if any, is its to announce.
    if (drop === null || !moved) continue;
    const facts = describeCoverageDropped({ workspaceId, drop, windowDays, coveredCount: coverage.coveredCount, endpointCount: coverage.endpoints.length });
    await enqueueWebhookEvent(store, workspaceId, "coverage.dropped", facts, { ...options, occurredAtMs: nowMs });
    announced++;
  }
  return announced;
}

export function startCoverageWatch(store: Store, options: { now: () => number; intervalMs?: number }): { stop: () => void } {
  return repeatRounds(() => evaluateCoverageDrops(store, options.now()), options.intervalMs ?? COVERAGE_WATCH_INTERVAL_MS, "evaluating test coverage");
}
