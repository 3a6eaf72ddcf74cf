// A workspace's test coverage, for the coverage API, the service graph's marks and the
// coverage.dropped sweep.
import { computeCoverage, DEFAULT_COVERAGE_WINDOW_DAYS, type Coverage } from "../diagnosis/compute-coverage";
import { coverageFlows, coverageWindowDays, latestRunsByFlowAndStatus } from "../store/coverage-queries";
import type { Store } from "../store/db";

/** `windowDays` overrides the workspace's coverage_window_days. */
export async function readWorkspaceCoverage(store: Store, workspaceId: string, options: { windowDays?: number; nowMs: number }): Promise<{ windowDays: number; coverage: Coverage }> {
  const [flows, executions, setting] = await Promise.all([
    coverageFlows(store, workspaceId),
    latestRunsByFlowAndStatus(store, workspaceId),
    options.windowDays === undefined ? coverageWindowDays(store, workspaceId) : null,
  ]);
  const windowDays = options.windowDays ?? setting ?? DEFAULT_COVERAGE_WINDOW_DAYS;
  return { windowDays, coverage: computeCoverage({ flows, executions, windowDays, nowMs: options.nowMs }) };
}
