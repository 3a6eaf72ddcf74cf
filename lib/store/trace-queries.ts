// Recent traces of a workspace, summarised for lists.
import { buildSpanTree } from "../traces/build-span-tree";
import type { SpanAttachment } from "../traces/span-tree";
import { isTraceInProgress } from "../traces/trace-progress";
import { flowRepresentativeTraceId } from "./compare-queries";
import type { Store } from "./db";
import { getTraceSpans, traceSpanOfView, type SpanView } from "./span-queries";

/** What a trace's list row and its detail both say about it. */
interface TraceHeadView {
  trace_id: string;
  root_service: string | null;
  root_operation: string | null;
  span_count: number;
  error_count: number;
  has_error: boolean;
  start_time: string;
  duration_ms: number;
  state: string;
}

export interface TraceSummaryView extends TraceHeadView {
  services: string[];
  /** The root span has not arrived yet and spans may still come: a request in flight. */
  in_progress: boolean;
  is_test_generated: boolean;
}

/** A span of a trace detail, in tree order: how deep it hangs and why it hangs there. */
export interface TraceTreeSpanView extends SpanView {
  depth: number;
  /** Parent, orphan whose parent never arrived, extra root, cut cycle. */
  attachment: SpanAttachment;
}

/** One trace with its spans in tree order: what the trace detail is built on. */
export interface TraceWithTreeView extends TraceHeadView {
  flow_id: string | null;
  /** The trace its flow stands for: what "Compare with representative" compares this one with. */
  representative_trace_id: string | null;
  spans: TraceTreeSpanView[];
}

export interface TraceFilter {
  traceId?: string;
  /** Root service: traces whose root span has not arrived yet have none and never match. */
  service?: string;
  errorsOnly?: boolean;
  limit: number;
  offset: number;
}

export async function listRecentTraces(
  store: Store,
  workspaceId: string,
  filter: TraceFilter,
): Promise<{ traces: TraceSummaryView[]; total: number }> {
  const where = {
    workspaceId,
    ...(filter.traceId ? { traceId: filter.traceId } : {}),
    ...(filter.service ? { rootService: filter.service } : {}),
    ...(filter.errorsOnly ? { errorCount: { gt: 0 } } : {}),
  };
  const [records, total] = await Promise.all([
    store.prisma.trace.findMany({
      where,
      orderBy: [{ startNs: "desc" }, { traceId: "asc" }],
      take: filter.limit,
      skip: filter.offset,
    }),
    store.prisma.trace.count({ where }),
  ]);
  const services = await servicesByTrace(
    store,
    workspaceId,
    records.map((r) => r.traceId),
  );
  return {
    total,
    traces: records.map((r) => traceSummaryView(r, services.get(r.traceId) ?? [])),
  };
}

/** The columns of a traces row a summary is made of. */
export interface TraceSummaryRow {
  traceId: string;
  startNs: bigint;
  endNs: bigint;
  spanCount: number;
  errorCount: number;
  rootService: string;
  rootName: string;
  state: string;
  isTestGenerated: boolean;
}

/** A traces row as the traces list and trace search answer it. */
export function traceSummaryView(r: TraceSummaryRow, services: string[]): TraceSummaryView {
  return {
    trace_id: r.traceId,
    root_service: r.rootService || null,
    root_operation: r.rootName || null,
    services,
    span_count: r.spanCount,
    error_count: r.errorCount,
    has_error: r.errorCount > 0,
    start_time: new Date(Number(r.startNs / 1_000_000n)).toISOString(),
    duration_ms: Number(r.endNs - r.startNs) / 1e6,
    state: r.state,
    in_progress: isTraceInProgress(r),
    is_test_generated: r.isTestGenerated,
  };
}

/** The services some trace of the workspace entered by (its root span's service), by name. */
export async function listRootServices(store: Store, workspaceId: string): Promise<string[]> {
  const groups = await store.prisma.trace.groupBy({ by: ["rootService"], where: { workspaceId, rootService: { not: "" } } });
  return groups.map((g) => g.rootService).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function servicesByTrace(store: Store, workspaceId: string, traceIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (traceIds.length === 0) return out;
  const groups = await store.prisma.span.groupBy({
    by: ["traceId", "service"],
    where: { workspaceId, traceId: { in: traceIds } },
  });
  for (const g of groups) {
    const list = out.get(g.traceId) ?? [];
    list.push(g.service);
    out.set(g.traceId, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** One trace with its spans in tree order (preorder, children by start time), or null. */
export async function getTraceWithTree(store: Store, workspaceId: string, traceId: string): Promise<TraceWithTreeView | null> {
  const [trace, spans, assignment] = await Promise.all([
    store.prisma.trace.findUnique({ where: { workspaceId_traceId: { workspaceId, traceId } } }),
    getTraceSpans(store, workspaceId, traceId),
    store.prisma.traceFlow.findUnique({ where: { workspaceId_traceId: { workspaceId, traceId } }, select: { flowId: true } }),
  ]);
  if (!trace) return null;
  // The trace its flow stands for: what "Compare with representative" compares this one with.
  const representativeTraceId = assignment ? await flowRepresentativeTraceId(store, workspaceId, assignment.flowId) : null;
  const tree = buildSpanTree(spans.map(traceSpanOfView));
  const byId = new Map(spans.map((s) => [s.span_id, s]));
  return {
    trace_id: trace.traceId,
    root_service: trace.rootService || null,
    root_operation: trace.rootName || null,
    span_count: trace.spanCount,
    error_count: trace.errorCount,
    has_error: trace.errorCount > 0,
    start_time: new Date(Number(trace.startNs / 1_000_000n)).toISOString(),
    duration_ms: Number(trace.endNs - trace.startNs) / 1e6,
    state: trace.state,
    flow_id: assignment?.flowId ?? null,
    representative_trace_id: representativeTraceId,
    // Spans in tree order with their depth; `attachment` says why a span hangs where it does
    // (parent, orphan whose parent never arrived, extra root, cut cycle).
    spans: tree.nodes.map((node) => ({ ...byId.get(node.span.spanId)!, depth: node.depth, attachment: node.attachment })),
  };
}
