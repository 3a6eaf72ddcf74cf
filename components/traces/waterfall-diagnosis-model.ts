// What the waterfall marks on each row from the trace's diagnosis: the row's sections of the
// critical path (as offsets on the waterfall's axis), whether it lies on an error's way up to
// the root, and whether an error starts there. Computed once per trace.
import type { ErrorOriginView } from "@/lib/api/trace-diagnosis-view";
import type { TraceDetail } from "./trace-detail-types";

export interface RowDiagnosis {
  /** The span's sections of the critical path, offsets from the trace's start. */
  path: { offsetMs: number; durationMs: number }[];
  /** The span's time on the critical path, all sections together. */
  pathMs: number;
  /** On the way up from the cause's origin (or only from a later failure's) to the root. */
  chain: "cause" | "consequence" | null;
  origin: ErrorOriginView | null;
}

const nsToMs = (ns: bigint) => Number(ns) / 1e6;

/** Rows that have anything to mark, by span id (the same object per row while the trace is unchanged, so memoised rows keep). */
export function buildRowDiagnoses(trace: Pick<TraceDetail, "critical_path" | "error_origins" | "error_chains">, startNs: bigint): Map<string, RowDiagnosis> {
  const rows = new Map<string, RowDiagnosis>();
  const rowOf = (spanId: string) => {
    let row = rows.get(spanId);
    if (!row) {
      row = { path: [], pathMs: 0, chain: null, origin: null };
      rows.set(spanId, row);
    }
    return row;
  };
  for (const section of trace.critical_path) {
    const row = rowOf(section.span_id);
    const from = BigInt(section.start_time_unix_nano);
    row.path.push({ offsetMs: nsToMs(from - startNs), durationMs: nsToMs(BigInt(section.end_time_unix_nano) - from) });
    row.pathMs = section.self_time_ms;
  }
  for (const chain of trace.error_chains) {
    for (const spanId of chain.links) {
      const row = rowOf(spanId);
      if (row.chain !== "cause") row.chain = chain.role;
    }
  }
  for (const origin of trace.error_origins) rowOf(origin.span_id).origin = origin;
  return rows;
}
