import type { SpanTree } from "../traces/span-tree";

/**
 * When a trace happened, epoch milliseconds (floored): its root span's start, or the earliest
 * span start when the root is missing (the stand-in root need not be the earliest span). The
 * same rule flow discovery uses, so a trace's edges and its flow are last seen at one time.
 * Exact bigint division: a double holds epoch nanoseconds only to ±128 ns. null when empty.
 */
export function findTraceTimeMs(tree: SpanTree): number | null {
  if (tree.root === null) return null;
  let startNs = tree.root.span.startNs;
  if (tree.rootMissing) {
    for (const { span } of tree.nodes) if (span.startNs < startNs) startNs = span.startNs;
  }
  return Number(startNs / 1_000_000n);
}
