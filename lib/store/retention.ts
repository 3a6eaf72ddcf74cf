// Retention: spans and traces older than their workspace's retention_days are deleted; flows
// and their statistics stay, so history outlives the raw data it was learned from. The LLM
// call index goes with the spans it points at.
import type { Store } from "./db";
import { sqlDialect } from "./sql-dialect";

const DAY_MS = 86_400_000;

export async function deleteExpiredTelemetry(store: Store, nowMs = Date.now()): Promise<{ spans: number; traces: number }> {
  const d = sqlDialect(store.dialect);
  const workspaces = await store.prisma.workspace.findMany({ select: { id: true, retentionDays: true } });
  let spans = 0;
  let traces = 0;
  for (const { id, retentionDays } of workspaces) {
    const cutoffNs = BigInt(nowMs - retentionDays * DAY_MS) * 1_000_000n;
    // Served by the (workspace_id, start_ns) indexes of spans and traces.
    spans += (await store.prisma.span.deleteMany({ where: { workspaceId: id, startNs: { lt: cutoffNs } } })).count;
    await store.prisma.$executeRawUnsafe(
      `DELETE FROM trace_flows WHERE workspace_id = ${d.param(1)} AND trace_id IN ` +
        `(SELECT trace_id FROM traces WHERE workspace_id = ${d.param(2)} AND start_ns < ${d.param(3, "bigint")} AND state = 'complete')`,
      id,
      id,
      cutoffNs,
    );
    // The LLM call index points at spans: it goes with them.
    await store.prisma.llmCall.deleteMany({ where: { workspaceId: id, startMs: { lt: BigInt(nowMs - retentionDays * DAY_MS) } } });
    traces += (await store.prisma.trace.deleteMany({ where: { workspaceId: id, startNs: { lt: cutoffNs }, state: "complete" } })).count;
  }
  return { spans, traces };
}
