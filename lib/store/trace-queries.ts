// Recent traces of a workspace, summarised for lists.
import type { Store } from "./db";

export interface TraceSummaryView {
  trace_id: string;
  root_service: string | null;
  root_operation: string | null;
  services: string[];
  span_count: number;
  error_count: number;
  has_error: boolean;
  start_time: string;
  duration_ms: number;
  state: string;
  is_test_generated: boolean;
}

export interface TraceFilter {
  traceId?: string;
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
    traces: records.map((r) => ({
      trace_id: r.traceId,
      root_service: r.rootService || null,
      root_operation: r.rootName || null,
      services: services.get(r.traceId) ?? [],
      span_count: r.spanCount,
      error_count: r.errorCount,
      has_error: r.errorCount > 0,
      start_time: new Date(Number(r.startNs / 1_000_000n)).toISOString(),
      duration_ms: Number(r.endNs - r.startNs) / 1e6,
      state: r.state,
      is_test_generated: r.isTestGenerated,
    })),
  };
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
