// What exporting a flow reads: the flow, its per-node P95, its representative trace's entry
// span and spans (when retention has not deleted them), the requests of a journey trace, and
// the workspace's default timeout.
import type { ExportableFlow, RepresentativeEntry } from "../export/build-flowprint-test";
import { deserializeFlowAggregate } from "../flows/flow-aggregate";
import { variantDisplayName } from "../flows/label-variants";
import { summarizeNodeStats } from "../flows/node-stats";
import { SpanKind, type Attributes } from "../otlp/span";
import { readJourneyCalls, type JourneySpan } from "../export/read-journey-calls";
import type { PathNode } from "../traces/path-node";
import type { Store } from "./db";
import { variantLabels } from "./flow-queries";

export async function loadFlowForExport(store: Store, workspaceId: string, flowId: string): Promise<{ flow: ExportableFlow; entry: RepresentativeEntry | null; timeoutMs: number } | null> {
  const row = await store.prisma.flow.findFirst({ where: { id: flowId, workspaceId } });
  if (!row) return null;
  const aggregate = deserializeFlowAggregate(row);
  const labels = await variantLabels(store, workspaceId, [{ entryService: row.entryService, entryOperation: row.entryOperation }]);
  const flow: ExportableFlow = {
    id: row.id,
    // The name the flow is listed under, so variants of one entry point export as distinct tests.
    name: variantDisplayName(row.name, labels.get(row.id) ?? null),
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
      ? await store.prisma.span.findUnique({ where: { workspaceId_traceId_spanId: { workspaceId, traceId, spanId: trace.rootSpanId } }, select: { name: true, attributes: true, kind: true } })
      : null;
    if (root) {
      // Database writes become assertions (lib/export/assert-database-writes picks them out).
      const traceSpans = await store.prisma.span.findMany({ where: { workspaceId, traceId }, select: { service: true, name: true, attributes: true }, orderBy: { startNs: "asc" } });
      entry = { traceId, spanName: root.name, attributes: (root.attributes ?? {}) as Attributes, spans: traceSpans.map((s) => ({ ...s, attributes: (s.attributes ?? {}) as Attributes })) };
      // Only a trace that did not start at a server can be a journey of several requests.
      if (root.kind !== SpanKind.SERVER) {
        const spans = await store.prisma.span.findMany({
          where: { workspaceId, traceId },
          select: { spanId: true, parentSpanId: true, service: true, kind: true, name: true, startNs: true, attributes: true },
        });
        entry.journey = readJourneyCalls(
          spans.map((s) => ({ ...s, kind: s.kind as JourneySpan["kind"], attributes: (s.attributes ?? {}) as Attributes })),
          trace!.rootSpanId,
        );
      }
    }
  }
  const workspace = await store.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { defaultTimeoutMs: true } });
  return { flow, entry, timeoutMs: workspace?.defaultTimeoutMs ?? 30_000 };
}
