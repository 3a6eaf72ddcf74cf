// What test coverage is computed from: a workspace's flows, the latest finished run of each
// (flow, status), and its coverage window.
import type { CoverageExecutionInput, CoverageFlowInput } from "../diagnosis/compute-coverage";
import { variantDisplayName } from "../flows/label-variants";
import type { PathNode } from "../traces/path-node";
import type { Store } from "./db";
import { variantLabels } from "./flow-queries";

/** Every flow of the workspace with its path, named as the flow list names it. */
export async function coverageFlows(store: Store, workspaceId: string): Promise<CoverageFlowInput[]> {
  const rows = await store.prisma.flow.findMany({
    where: { workspaceId },
    select: { id: true, name: true, entryService: true, entryOperation: true, path: true, riskScore: true, occurrenceCount: true, errorRate: true },
  });
  const labels = await variantLabels(store, workspaceId, rows);
  return rows.map((row) => ({
    id: row.id,
    name: variantDisplayName(row.name, labels.get(row.id) ?? null),
    entryService: row.entryService,
    entryOperation: row.entryOperation,
    path: row.path as unknown as PathNode[],
    riskScore: row.riskScore,
    occurrenceCount: row.occurrenceCount,
    errorRate: row.errorRate,
  }));
}

/**
 * The latest validated run of each flow in each status, grouped in the database: a handful of
 * rows per flow however many runs it had. A run is finished when it was validated; runs still
 * waiting for their trace have no validation time and come back with a null one.
 */
export async function latestRunsByFlowAndStatus(store: Store, workspaceId: string): Promise<CoverageExecutionInput[]> {
  const groups = await store.prisma.execution.groupBy({
    by: ["flowId", "status"],
    where: { workspaceId, flowId: { not: null } },
    _max: { validatedAtMs: true },
  });
  return groups.map((g) => ({ flowId: g.flowId, status: g.status, finishedAtMs: g._max.validatedAtMs === null ? null : Number(g._max.validatedAtMs) }));
}

/** The workspace's coverage_window_days; null for a workspace that does not exist yet. */
export async function coverageWindowDays(store: Store, workspaceId: string): Promise<number | null> {
  const row = await store.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { coverageWindowDays: true } });
  return row?.coverageWindowDays ?? null;
}
