// What exporting a flow reads: the flow, its per-node P95, its representative trace's entry
// span (when retention has not deleted it) and the workspace's default timeout.
import type { ExportableFlow, RepresentativeEntry } from "../export/build-flowprint-test";
import { deserializeFlowAggregate } from "../flows/flow-aggregate";
import { summarizeNodeStats } from "../flows/node-stats";
import type { Attributes } from "../otlp/span";
import type { PathNode } from "../traces/path-node";
import type { Store } from "./db";

export async function loadFlowForExport(store: Store, workspaceId: string, flowId: string): Promise<{ flow: ExportableFlow; entry: RepresentativeEntry | null; timeoutMs: number } | null> {
  const row = await store.prisma.flow.findFirst({ where: { id: flowId, workspaceId } });
  if (!row) return null;
  const aggregate = deserializeFlowAggregate(row);
  const flow: ExportableFlow = {
    id: row.id,
    name: row.name,
    entryService: row.entryService,
    entryOperation: row.entryOperation,
    fingerprint: row.fingerprint,
    path: row.path as unknown as PathNode[],
    occurrenceCount: row.occurrenceCount,
    riskScore: row.riskScore,
    errorRate: row.errorRate,
    p95DurationMs: row.p95DurationMs,
    nodeP95Ms: new Map(summarizeNodeStats(aggregate.nodeStats).map((n) => [n.nodeKey, n.p95DurationMs])),
  };
  const traceId = aggregate.representative?.traceId ?? null;
  let entry: RepresentativeEntry | null = null;
  if (traceId) {
    const trace = await store.prisma.trace.findUnique({ where: { workspaceId_traceId: { workspaceId, traceId } }, select: { rootSpanId: true } });
    const root = trace?.rootSpanId
      ? await store.prisma.span.findUnique({ where: { workspaceId_traceId_spanId: { workspaceId, traceId, spanId: trace.rootSpanId } }, select: { name: true, attributes: true } })
      : null;
    if (root) entry = { traceId, spanName: root.name, attributes: (root.attributes ?? {}) as Attributes };
  }
  const workspace = await store.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { defaultTimeoutMs: true } });
  return { flow, entry, timeoutMs: workspace?.defaultTimeoutMs ?? 30_000 };
}
