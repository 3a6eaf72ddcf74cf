// What the system model is built from: each flow with its node statistics and the spans of
// its representative and most recent sample traces (retention may have deleted some).
import { deserializeFlowAggregate } from "../flows/flow-aggregate";
import type { ModelFlow, ModelInput } from "../model/build-system-model";
import type { SpanKindNumber } from "../otlp/span";
import type { PathNode } from "../traces/path-node";
import type { TraceSpan } from "../traces/trace-span";
import type { Store } from "./db";

const STATUS = ["unset", "ok", "error"] as const;
/** Bound on one `IN (...)` list: SQLite's variable limit and PostgreSQL's plan size. */
const TRACE_IDS_PER_QUERY = 500;

/** Changes whenever a flow is added, removed or sees another trace: the cached model is out of date. */
export async function readFlowsVersion(store: Store, workspaceId: string): Promise<string> {
  const result = await store.prisma.flow.aggregate({ where: { workspaceId }, _count: { _all: true }, _max: { lastSeenMs: true }, _sum: { occurrenceCount: true } });
  return `${result._count._all}:${result._max.lastSeenMs ?? 0}:${result._sum.occurrenceCount ?? 0}`;
}

export async function loadModelInput(store: Store, workspaceId: string, tracesPerFlow: number, nowMs: number): Promise<ModelInput> {
  const rows = await store.prisma.flow.findMany({
    where: { workspaceId },
    select: { id: true, name: true, entryService: true, entryOperation: true, path: true, stats: true, nodeStats: true, hourly: true, representative: true, samples: true },
    orderBy: { id: "asc" },
  });
  const flows: ModelFlow[] = rows.map((row) => {
    const aggregate = deserializeFlowAggregate(row);
    const ids = [aggregate.representative?.traceId, ...aggregate.samples.map((s) => s.traceId)].filter((id): id is string => typeof id === "string");
    return {
      id: row.id,
      name: row.name,
      entryService: row.entryService,
      entryOperation: row.entryOperation,
      path: row.path as unknown as PathNode[],
      nodeStats: aggregate.nodeStats,
      traceIds: [...new Set(ids)].slice(0, tracesPerFlow),
    };
  });
  const traceIds = [...new Set(flows.flatMap((f) => f.traceIds))];
  const traces = new Map<string, TraceSpan[]>();
  for (let i = 0; i < traceIds.length; i += TRACE_IDS_PER_QUERY) {
    const spans = await store.prisma.span.findMany({
      where: { workspaceId, traceId: { in: traceIds.slice(i, i + TRACE_IDS_PER_QUERY) } },
      select: { traceId: true, spanId: true, parentSpanId: true, service: true, name: true, kind: true, statusCode: true, startNs: true, endNs: true, attributes: true },
    });
    for (const s of spans) {
      const list = traces.get(s.traceId) ?? [];
      list.push({ ...s, kind: s.kind as SpanKindNumber, status: STATUS[s.statusCode] ?? "unset", attributes: (s.attributes ?? {}) as TraceSpan["attributes"] });
      traces.set(s.traceId, list);
    }
  }
  return { flows, traces, generatedAtMs: nowMs };
}
