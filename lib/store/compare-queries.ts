// What comparing two traces reads: each trace's spans and summary, and a trace's flow's
// representative (the trace a comparison takes when none is given).
import { deserializeRepresentative } from "../flows/pick-representative";
import type { Store } from "./db";
import { loadDiscoverableSpans, type StoredDiscoverableSpan } from "./flow-repository";

export interface ComparedTraceRecord {
  summary: ComparedTraceSummary;
  spans: StoredDiscoverableSpan[];
}

export interface ComparedTraceSummary {
  trace_id: string;
  root_service: string | null;
  root_operation: string | null;
  start_time: string;
  span_count: number;
  error_count: number;
  state: string;
  flow_id: string | null;
}

/** The traces of `traceIds` that exist, by id, with their spans. */
export async function loadComparedTraces(store: Store, workspaceId: string, traceIds: readonly string[]): Promise<Map<string, ComparedTraceRecord>> {
  const ids = [...new Set(traceIds)];
  const [traces, assignments, spansByTrace] = await Promise.all([
    store.prisma.trace.findMany({ where: { workspaceId, traceId: { in: ids } } }),
    store.prisma.traceFlow.findMany({ where: { workspaceId, traceId: { in: ids } }, select: { traceId: true, flowId: true } }),
    loadDiscoverableSpans(
      store,
      ids.map((traceId) => ({ workspaceId, traceId })),
    ),
  ]);
  const flowOf = new Map(assignments.map((a) => [a.traceId, a.flowId]));
  return new Map(
    traces.map((trace) => [
      trace.traceId,
      {
        summary: {
          trace_id: trace.traceId,
          root_service: trace.rootService || null,
          root_operation: trace.rootName || null,
          start_time: new Date(Number(trace.startNs / 1_000_000n)).toISOString(),
          span_count: trace.spanCount,
          error_count: trace.errorCount,
          state: trace.state,
          flow_id: flowOf.get(trace.traceId) ?? null,
        },
        spans: spansByTrace.get(`${workspaceId}\u0000${trace.traceId}`) ?? [],
      },
    ]),
  );
}

/** The representative trace of a flow, null when the flow is unknown or has none (yet). */
export async function flowRepresentativeTraceId(store: Store, workspaceId: string, flowId: string): Promise<string | null> {
  const flow = await store.prisma.flow.findFirst({ where: { id: flowId, workspaceId }, select: { representative: true } });
  return flow ? (deserializeRepresentative(flow.representative)?.traceId ?? null) : null;
}
