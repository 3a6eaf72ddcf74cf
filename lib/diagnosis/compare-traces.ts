// Two traces side by side, node by node, like Jaeger's trace comparison but along flow paths.
//
// Each trace becomes its places in preorder (compare-trace-places.ts: a path node at one position
// of the span tree, retries and N+1 calls in a row folded into one place with a count). The two
// sequences are aligned by the same longest common subsequence drift uses (lib/drift/diff-paths),
// keyed by place rather than by node alone, so the same endpoint called from two places is two
// rows. A place in both traces but outside that subsequence changed its order: `moved`. An
// aligned place's parent is always aligned too (its subtree is contiguous in both preorders).
import { diffPaths } from "../drift/diff-paths";
import type { PathNode } from "../traces/path-node";
import type { SpanTree } from "../traces/span-tree";
import type { TraceSpan } from "../traces/trace-span";
import { mergePlaces } from "./compare-merge-places";
import { collectTracePlaces, createPlaceRegistry, type TracePlace } from "./compare-trace-places";

export type ComparisonStatus = "same" | "added" | "removed" | "moved";

/** What one trace did at a place. */
export interface ComparedSide {
  spanIds: string[];
  /** Spans at this place: 3 for three retries in a row. */
  count: number;
  /** Sum of those spans' durations, each inclusive of its children. */
  durationMs: number;
  /** Those spans that failed, counting a failed call on the callee that stands for it. */
  errorCount: number;
}

export interface ComparisonRow {
  /** `type:identifier` of the node. */
  key: string;
  /** b's node where b has the place, else a's. */
  node: PathNode;
  /** added: only in b; removed: only in a; moved: in both, in another order. */
  status: ComparisonStatus;
  a: ComparedSide | null;
  b: ComparedSide | null;
  /** (b − a) / max(a, b), in −1..1; null when a side is missing or both took 0 ms. */
  durationDelta: number | null;
  /** Nesting in the span tree (0 at the top), b's where b has the place. */
  depth: number;
}

export interface ComparisonSummary {
  added: number;
  removed: number;
  moved: number;
  same: number;
  aDurationMs: number;
  bDurationMs: number;
  durationDelta: number | null;
}

export interface TraceComparison {
  /**
   * Both traces as one tree in preorder (compare-merge-places.ts): siblings in b's order, a place
   * only a has after the sibling it followed in a.
   */
  rows: ComparisonRow[];
  summary: ComparisonSummary;
}

export function compareTraces<S extends TraceSpan>(a: SpanTree<S>, b: SpanTree<S>): TraceComparison {
  const registry = createPlaceRegistry();
  const placesA = collectTracePlaces(a, registry);
  const placesB = collectTracePlaces(b, registry);
  // Which places changed order: those in both traces outside their longest common subsequence.
  const moved = new Set(diffPaths(placesA, placesB, (place) => String(place.id)).moved.map((m) => m.node.id));

  const summary: ComparisonSummary = { added: 0, removed: 0, moved: 0, same: 0, aDurationMs: traceDurationMs(a), bDurationMs: traceDurationMs(b), durationDelta: null };
  summary.durationDelta = durationDelta(summary.aDurationMs, summary.bDurationMs);
  const rows = mergePlaces(placesA, placesB).map(({ a: placeA, b: placeB }): ComparisonRow => {
    const shown = (placeB ?? placeA)!;
    const status: ComparisonStatus = placeA === null ? "added" : placeB === null ? "removed" : moved.has(shown.id) ? "moved" : "same";
    summary[status]++;
    return {
      key: shown.key,
      node: shown.node,
      status,
      a: side(placeA),
      b: side(placeB),
      durationDelta: placeA && placeB ? durationDelta(placeA.durationMs, placeB.durationMs) : null,
      depth: shown.depth,
    };
  });
  return { rows, summary };
}

/** (b − a) / max(a, b): −0.5 is half as long, 0.5 twice as long; null when both are 0. */
export function durationDelta(aMs: number, bMs: number): number | null {
  const larger = Math.max(aMs, bMs);
  return larger > 0 ? (bMs - aMs) / larger : null;
}

function side(place: TracePlace | null): ComparedSide | null {
  if (place === null) return null;
  return { spanIds: place.spanIds, count: place.spanIds.length, durationMs: place.durationMs, errorCount: place.errorCount };
}

/** The root span's duration, or the wall time when the root is missing: the rule flows use. */
function traceDurationMs<S extends TraceSpan>(tree: SpanTree<S>): number {
  if (tree.root === null) return 0;
  let startNs = tree.root.span.startNs;
  let endNs = tree.root.span.endNs;
  if (tree.rootMissing) {
    for (const { span } of tree.nodes) {
      if (span.startNs < startNs) startNs = span.startNs;
      if (span.endNs > endNs) endNs = span.endNs;
    }
  }
  return Math.max(0, Number(endNs - startNs) / 1e6);
}
