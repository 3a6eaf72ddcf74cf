// Retention: completed traces that started before a cutoff are deleted with their spans, their
// trace → flow links and their LLM calls; flows and their statistics stay, so history outlives
// the raw data it was learned from. Whole traces, never single spans: deleting the old spans of
// a trace still open left discovery a partial trace (npm run bench, sustained load of traces
// stamped days ago: the traces of the last minute never reached a flow).
import type { Store } from "./db";
import { sqlDialect } from "./sql-dialect";

/** Every workspace's retention_days. */
export function workspaceRetentions(store: Store): Promise<{ id: string; retentionDays: number }[]> {
  return store.prisma.workspace.findMany({ select: { id: true, retentionDays: true } });
}

/** Up to `limit` completed traces of the workspace that started before `cutoffNs`. */
export async function expiredTraceIds(store: Store, workspaceId: string, cutoffNs: bigint, limit: number): Promise<string[]> {
  const rows = await store.prisma.trace.findMany({
    where: { workspaceId, startNs: { lt: cutoffNs }, state: "complete" },
    select: { traceId: true },
    take: limit,
  });
  return rows.map((r) => r.traceId);
}

/** Deletes the traces with everything recorded of them but their flows' statistics; returns the spans deleted. */
export async function deleteTraces(store: Store, workspaceId: string, traceIds: readonly string[]): Promise<number> {
  if (traceIds.length === 0) return 0;
  const d = sqlDialect(store.dialect);
  const ids = traceIds.map((_, i) => d.param(i + 2)).join(", ");
  return store.prisma.$transaction(async (tx) => {
    const spans = await tx.$executeRawUnsafe(`DELETE FROM spans WHERE workspace_id = ${d.param(1)} AND trace_id IN (${ids})`, workspaceId, ...traceIds);
    for (const table of ["trace_flows", "llm_calls", "traces"]) {
      await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE workspace_id = ${d.param(1)} AND trace_id IN (${ids})`, workspaceId, ...traceIds);
    }
    return spans;
  });
}
