// The spans of many traces at once, in the narrow shape trace analysis reads (TraceSpan plus the
// status message), grouped by trace. Traces whose spans retention deleted are simply absent.
import type { SpanKindNumber } from "../otlp/span";
import type { TraceSpan } from "../traces/trace-span";
import type { Store } from "./db";

export type LoadedSpan = TraceSpan & { statusMessage: string };

const STATUS = ["unset", "ok", "error"] as const;
/** Bound on one `IN (...)` list: SQLite's variable limit and PostgreSQL's plan size. */
const TRACE_IDS_PER_QUERY = 500;

export async function loadTraceSpans(store: Store, workspaceId: string, traceIds: readonly string[]): Promise<Map<string, LoadedSpan[]>> {
  const traces = new Map<string, LoadedSpan[]>();
  const unique = [...new Set(traceIds)];
  for (let i = 0; i < unique.length; i += TRACE_IDS_PER_QUERY) {
    const spans = await store.prisma.span.findMany({
      where: { workspaceId, traceId: { in: unique.slice(i, i + TRACE_IDS_PER_QUERY) } },
      select: { traceId: true, spanId: true, parentSpanId: true, service: true, name: true, kind: true, statusCode: true, statusMessage: true, startNs: true, endNs: true, attributes: true },
    });
    for (const s of spans) {
      const list = traces.get(s.traceId) ?? [];
      list.push({ ...s, kind: s.kind as SpanKindNumber, status: STATUS[s.statusCode] ?? "unset", attributes: (s.attributes ?? {}) as TraceSpan["attributes"] });
      traces.set(s.traceId, list);
    }
  }
  return traces;
}
