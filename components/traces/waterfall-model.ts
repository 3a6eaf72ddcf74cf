// The waterfall's geometry, computed once per trace in linear time so that traces of thousands
// of spans (and chains thousands deep) stay cheap: no recursion, no per-row tree walks.
import type { TraceDetailSpan } from "./trace-detail-types";

export interface WaterfallSpan {
  span: TraceDetailSpan;
  /** Position in tree order. */
  index: number;
  depth: number;
  /** Index of the parent in tree order, -1 for the root. */
  parentIndex: number;
  /** One past the last descendant: descendants are index+1 .. subtreeEnd-1. */
  subtreeEnd: number;
  /** 1-based position among siblings and their count (aria-posinset / aria-setsize). */
  position: number;
  siblings: number;
  offsetMs: number;
  durationMs: number;
  isError: boolean;
}

export interface WaterfallModel {
  spans: WaterfallSpan[];
  /** The earliest span's start: offsets count from here. */
  startNs: bigint;
  totalMs: number;
  /** Services in order of first appearance. */
  services: string[];
}

const nsToMs = (ns: bigint) => Number(ns) / 1e6;

export function buildWaterfallModel(spans: readonly TraceDetailSpan[]): WaterfallModel {
  if (spans.length === 0) return { spans: [], startNs: 0n, totalMs: 0, services: [] };
  let start = BigInt(spans[0].start_time_unix_nano);
  let end = BigInt(spans[0].end_time_unix_nano);
  for (const s of spans) {
    const from = BigInt(s.start_time_unix_nano);
    const to = BigInt(s.end_time_unix_nano);
    if (from < start) start = from;
    if (to > end) end = to;
  }

  const out: WaterfallSpan[] = spans.map((span, index) => {
    const from = BigInt(span.start_time_unix_nano);
    const to = BigInt(span.end_time_unix_nano);
    return {
      span,
      index,
      depth: span.depth,
      parentIndex: -1,
      subtreeEnd: spans.length,
      position: 1,
      siblings: 1,
      offsetMs: nsToMs(from - start),
      durationMs: to > from ? nsToMs(to - from) : 0,
      isError: span.status === "error",
    };
  });

  // Preorder with depths: the stack holds the open ancestors; a span closes every ancestor at
  // its depth or deeper, which is where their subtrees end.
  const stack: number[] = [];
  const childCount = new Map<number, number>();
  for (let i = 0; i < out.length; i++) {
    const depth = out[i].depth;
    while (stack.length > 0 && out[stack[stack.length - 1]].depth >= depth) out[stack.pop()!].subtreeEnd = i;
    const parent = stack.length > 0 ? stack[stack.length - 1] : -1;
    out[i].parentIndex = parent;
    const n = (childCount.get(parent) ?? 0) + 1;
    childCount.set(parent, n);
    out[i].position = n;
    stack.push(i);
  }
  for (const row of out) row.siblings = childCount.get(row.parentIndex) ?? 1;

  const services: string[] = [];
  const seen = new Set<string>();
  for (const s of spans) {
    if (!seen.has(s.service)) {
      seen.add(s.service);
      services.push(s.service);
    }
  }
  return { spans: out, startNs: start, totalMs: nsToMs(end - start), services };
}

/** Indices of the rows shown when the subtrees of `collapsed` span ids are folded. */
export function visibleRows(model: WaterfallModel, collapsed: ReadonlySet<string>): number[] {
  const rows: number[] = [];
  for (let i = 0; i < model.spans.length; ) {
    rows.push(i);
    const row = model.spans[i];
    i = collapsed.has(row.span.span_id) ? row.subtreeEnd : i + 1;
  }
  return rows;
}

export const hasChildren = (row: WaterfallSpan) => row.subtreeEnd > row.index + 1;

/** Span ids of the ancestors of `index`, nearest first. */
export function ancestorIds(model: WaterfallModel, index: number): string[] {
  const ids: string[] = [];
  for (let p = model.spans[index]?.parentIndex ?? -1; p !== -1; p = model.spans[p].parentIndex) ids.push(model.spans[p].span.span_id);
  return ids;
}

/** Evenly spaced "nice" ticks (1, 2, 2.5 or 5 × 10^k ms) from 0 to at least `totalMs`. */
export function timeTicks(totalMs: number, target = 6): { ticks: number[]; axisMs: number } {
  if (!(totalMs > 0)) return { ticks: [0], axisMs: 1 };
  const rough = totalMs / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = 0; t < totalMs - step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  // The axis ends at the trace's end, not the next tick, so the longest bar spans the full width.
  return { ticks, axisMs: totalMs };
}

/** Compact tick label: "0", "250 µs", "1.5 ms", "2 s" (the unit follows the value, as in Jaeger). */
export function formatTick(ms: number): string {
  if (ms === 0) return "0";
  if (ms < 1) return `${Number((ms * 1000).toPrecision(6))} µs`;
  if (ms < 1000) return `${Number(ms.toPrecision(6))} ms`;
  return `${Number((ms / 1000).toPrecision(6))} s`;
}

/** `index` itself when shown, else its nearest shown ancestor (a folded row hides it). */
export function nearestShown(model: WaterfallModel, index: number, slotOf: Int32Array): number {
  let i = index;
  while (i > 0 && slotOf[i] === -1) i = model.spans[i].parentIndex === -1 ? 0 : model.spans[i].parentIndex;
  return i;
}
