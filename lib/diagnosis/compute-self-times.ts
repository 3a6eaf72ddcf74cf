// A span's self time: the part of its own window no child was running in, the time the span
// spent on its own work (or waiting on something that sends no spans).
import type { SpanTree } from "../traces/span-tree";
import type { DiagnosisSpan } from "./diagnosis-span";

/**
 * Self time in nanoseconds by span id: the span's duration minus the union of its children's
 * intervals, each clipped to the span's own window, so overlapping children count once and a
 * child outliving its parent (clock skew, async work) never makes it negative. Spans hung under
 * the root for want of their parent count as the root's children, as the tree shows them.
 */
export function computeSelfTimesNs<S extends DiagnosisSpan>(tree: SpanTree<S>): Map<string, number> {
  const selfTimes = new Map<string, number>();
  for (const node of tree.nodes) {
    const { startNs, endNs } = node.span;
    if (endNs <= startNs) {
      selfTimes.set(node.span.spanId, 0);
      continue;
    }
    // Children are in start order, and clipping keeps that order, so one sweep merges them.
    let covered = 0n;
    let reach = startNs;
    for (const child of node.children) {
      const from = child.span.startNs > reach ? child.span.startNs : reach;
      const to = child.span.endNs < endNs ? child.span.endNs : endNs;
      if (to > from) {
        covered += to - from;
        reach = to;
      }
    }
    selfTimes.set(node.span.spanId, Number(endNs - startNs - covered));
  }
  return selfTimes;
}
