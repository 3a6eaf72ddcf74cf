// GET /api/v1/workspaces/:ws/telemetry/traces/compare: query and response shapes.
import { z } from "zod";
import type { ComparedSide, TraceComparison } from "../diagnosis/compare-traces";
import type { ComparedTraceSummary } from "../store/compare-queries";
import type { PathNode } from "../traces/path-node";
import { traceParamsSchema } from "./flows.schemas";

const traceId = traceParamsSchema.shape.traceId;

export const traceCompareQuerySchema = z.object({
  a: z.string({ error: "is required: the id of the first trace" }).pipe(traceId),
  // Without it, trace a is compared with its flow's representative.
  b: traceId.optional(),
});

/** Each trace's summary: ids, root, start, span and error counts, state, flow. */
export type ComparedTraceView = ComparedTraceSummary;

export interface ComparedSideView {
  span_ids: string[];
  count: number;
  duration_ms: number;
  error_count: number;
}

export interface TraceCompareResponse {
  a: ComparedTraceView;
  b: ComparedTraceView;
  /** "representative": b was not given and is trace a's flow's representative. */
  b_source: "given" | "representative";
  summary: { added: number; removed: number; moved: number; same: number; a_duration_ms: number; b_duration_ms: number; duration_delta: number | null };
  rows: {
    key: string;
    node: PathNode;
    status: TraceComparison["rows"][number]["status"];
    a: ComparedSideView | null;
    b: ComparedSideView | null;
    duration_delta: number | null;
    depth: number;
  }[];
}

export function traceCompareView(a: ComparedTraceView, b: ComparedTraceView, bSource: TraceCompareResponse["b_source"], comparison: TraceComparison): TraceCompareResponse {
  const { summary } = comparison;
  return {
    a,
    b,
    b_source: bSource,
    summary: {
      added: summary.added,
      removed: summary.removed,
      moved: summary.moved,
      same: summary.same,
      a_duration_ms: summary.aDurationMs,
      b_duration_ms: summary.bDurationMs,
      duration_delta: summary.durationDelta,
    },
    rows: comparison.rows.map((row) => ({
      key: row.key,
      node: { type: row.node.type, identifier: row.node.identifier, service: row.node.service },
      status: row.status,
      a: sideView(row.a),
      b: sideView(row.b),
      duration_delta: row.durationDelta,
      depth: row.depth,
    })),
  };
}

function sideView(side: ComparedSide | null): ComparedSideView | null {
  return side && { span_ids: side.spanIds, count: side.count, duration_ms: side.durationMs, error_count: side.errorCount };
}
