// What a diagnosis reads: the traces of some flows in a time window, sampled per side (failing
// and passing, slow and the rest, newest first), with their spans and entry attributes.
import type { Store } from "./db";
import { loadTraceSpans, type LoadedSpan } from "./load-trace-spans";
import { sqlDialect } from "./sql-dialect";

export interface DiagnosisWindow {
  flowIds: readonly string[];
  fromNs: bigint;
  toNs: bigint;
  /** A trace whose root span took longer than this is slow. */
  slowThresholdNs: bigint;
  perSide: number;
}

export interface SampledTrace {
  traceId: string;
  spans: LoadedSpan[];
  entryAttributes: Record<string, string>;
}

export interface DiagnosisSample {
  failing: SampledTrace[];
  passing: SampledTrace[];
  slow: SampledTrace[];
  fast: SampledTrace[];
  totals: { traces: number; failing: number; slow: number };
}

export async function sampleDiagnosisTraces(store: Store, workspaceId: string, window: DiagnosisWindow): Promise<DiagnosisSample> {
  const empty = { failing: [], passing: [], slow: [], fast: [], totals: { traces: 0, failing: 0, slow: 0 } };
  if (window.flowIds.length === 0) return empty;
  const d = sqlDialect(store.dialect);
  // Nanoseconds pass as decimal text and are cast in SQL: SQLite would compare a bound BigInt
  // as text, and every integer sorts before any text there.
  const bigint = (index: number) => (store.dialect === "sqlite" ? `CAST(${d.param(index)} AS INTEGER)` : d.param(index, "bigint"));
  // SQLite binds `?` in the order they appear: parameters are numbered in that order.
  const base: unknown[] = [workspaceId, window.fromNs.toString(), window.toNs.toString(), ...window.flowIds];
  const flowList = window.flowIds.map((_, i) => d.param(i + 4)).join(", ");
  const from =
    `FROM trace_flows tf JOIN traces t ON t.workspace_id = tf.workspace_id AND t.trace_id = tf.trace_id ` +
    // The root span's duration, as flow statistics measure it (async work after the response
    // does not make a request slow); wall time only while the root is missing.
    `LEFT JOIN spans r ON r.workspace_id = t.workspace_id AND r.trace_id = t.trace_id AND r.span_id = t.root_span_id ` +
    `WHERE tf.workspace_id = ${d.param(1)} AND t.start_ns >= ${bigint(2)} AND t.start_ns < ${bigint(3)} AND tf.flow_id IN (${flowList})`;
  // The threshold is the last parameter of the statements that compare with it.
  const slow = `COALESCE(r.duration_ns, t.end_ns - t.start_ns) > ${bigint(base.length + 1)}`;
  const withThreshold = [...base, window.slowThresholdNs.toString()];
  const limit = Math.max(1, Math.floor(window.perSide));
  const side = async (condition: string, params: unknown[]) =>
    (await store.prisma.$queryRawUnsafe<{ trace_id: string }[]>(`SELECT t.trace_id ${from} AND ${condition} ORDER BY t.start_ns DESC, t.trace_id LIMIT ${limit}`, ...params)).map(
      (row) => row.trace_id,
    );
  const count = async (condition: string, params: unknown[]) =>
    Number((await store.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n ${from} AND ${condition}`, ...params))[0]?.n ?? 0);
  const [failing, passing, slowIds, fastIds, traces, failingCount, slowCount] = await Promise.all([
    side("t.error_count > 0", base),
    side("t.error_count = 0", base),
    side(slow, withThreshold),
    side(`NOT ${slow}`, withThreshold),
    count("1 = 1", base),
    count("t.error_count > 0", base),
    count(slow, withThreshold),
  ]);
  const ids = [...new Set([...failing, ...passing, ...slowIds, ...fastIds])];
  const [spans, attributes] = await Promise.all([loadTraceSpans(store, workspaceId, ids), loadEntryAttributes(store, workspaceId, ids)]);
  const pick = (list: string[]) =>
    list.flatMap((traceId) => {
      const traceSpans = spans.get(traceId);
      // Retention may have deleted the spans of a trace its flow still counts.
      return traceSpans ? [{ traceId, spans: traceSpans, entryAttributes: attributes.get(traceId) ?? {} }] : [];
    });
  return {
    failing: pick(failing),
    passing: pick(passing),
    slow: pick(slowIds),
    fast: pick(fastIds),
    totals: { traces, failing: failingCount, slow: slowCount },
  };
}

async function loadEntryAttributes(store: Store, workspaceId: string, traceIds: string[]): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  for (let i = 0; i < traceIds.length; i += 500) {
    const rows = await store.prisma.traceFlow.findMany({
      where: { workspaceId, traceId: { in: traceIds.slice(i, i + 500) } },
      select: { traceId: true, entryAttributes: true },
    });
    for (const row of rows) out.set(row.traceId, (row.entryAttributes ?? {}) as Record<string, string>);
  }
  return out;
}

/** The workspace's diagnosis_sample_size; the schema's default for a workspace not stored yet. */
export async function diagnosisSampleSize(store: Store, workspaceId: string): Promise<number> {
  const row = await store.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { diagnosisSampleSize: true } });
  return row?.diagnosisSampleSize ?? DEFAULT_DIAGNOSIS_SAMPLE_SIZE;
}

/** prisma/schema.prisma's default for Workspace.diagnosisSampleSize. */
const DEFAULT_DIAGNOSIS_SAMPLE_SIZE = 100;

/** The flows a diagnosis covers, with their serialized statistics: one flow, or every variant of an entry point. */
export async function loadScopeFlowStats(
  store: Store,
  workspaceId: string,
  scope: { flowId: string } | { entryService: string; entryOperation: string },
): Promise<{ id: string; stats: unknown }[]> {
  const where = "flowId" in scope ? { workspaceId, id: scope.flowId } : { workspaceId, entryService: scope.entryService, entryOperation: scope.entryOperation };
  return store.prisma.flow.findMany({ where, select: { id: true, stats: true }, orderBy: { id: "asc" } });
}
