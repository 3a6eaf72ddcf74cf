// How one flow path differs from another, node by node.
//
// Drift compares a flow's previous path with its current one; test runs will compare an
// expected path with the path of the actual trace (missing = removed, unexpected = added,
// order violations = moved). Both want the same answer, so nothing here is specific to either.
//
// Nodes are compared by nodeKey only: the `service` field says who produced a node, not which
// step it is. The diff is a longest common subsequence (LCS) of the two key sequences; the nodes
// outside it are then paired by key, occurrence by occurrence in order, and each pair is one
// `moved` node. A node that merely changed place is an order violation, not a removal plus an
// addition; only the leftovers that find no partner are `removed` or `added`.
//
// Which LCS, when several have the same length (this is the only choice the diff makes):
// - a common prefix and a common suffix always align;
// - in between, walking both paths from the front, equal keys always align, and otherwise the
//   previous node is skipped whenever that still allows a longest alignment.
// So a swap of two adjacent nodes [A, B] → [B, A] keeps B aligned and reports one moved node, A
// (from 0 to 1), and no added or removed node. Swapping two distant nodes [A, X, B] → [B, X, A]
// leaves an LCS of one node, so two nodes are moved. Whatever LCS is chosen, the counts are
// fixed: moved = (keys the paths share, as multisets) − (LCS length), and added / removed are
// what is left of current / previous beyond the shared keys.
//
// The LCS is O(n·m) time with no recursion (paths can be thousands of nodes long): lengths are
// kept two rows at a time, and the full table holds one bit per cell, enough to replay the walk.

import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";

type Keyed = Pick<PathNode, "type" | "identifier">;

export interface PathDiff<N> {
  /** nodes of `current` not in `previous` (with their index in current) */
  added: { node: N; index: number }[];
  /** nodes of `previous` not in `current` (with their index in previous) */
  removed: { node: N; index: number }[];
  /**
   * nodes present in both but out of order: from = index in previous, to = index in current.
   * `node` is the current one (its `service` may differ from the previous node's).
   */
  moved: { node: N; from: number; to: number }[];
  /**
   * Both paths merged for a side-by-side view. Aligned nodes are `same` rows; between two of
   * them, `removed` rows come first, in previous order, then `added` and `moved` rows in current
   * order (as a unified diff lists - before +). A moved node appears once, at its current place,
   * with both indices. `node` is the current node, except on `removed` rows.
   */
  rows: { kind: "same" | "added" | "removed" | "moved"; node: N; previousIndex: number | null; currentIndex: number | null }[];
  /** true when the two paths have the same keys in the same order (services may differ) */
  identical: boolean;
}

/**
 * `keyOf` says which nodes are the same step; by default their `type:identifier`. Trace
 * comparison passes a key that also holds the node's place in the span tree.
 */
export function diffPaths<N extends Keyed>(previous: readonly N[], current: readonly N[]): PathDiff<N>;
export function diffPaths<N>(previous: readonly N[], current: readonly N[], keyOf: (node: N) => string): PathDiff<N>;
export function diffPaths<N>(previous: readonly N[], current: readonly N[], keyOf = nodeKey as (node: N) => string): PathDiff<N> {
  const ids = new Map<string, number>();
  const idOf = (node: N): number => {
    const key = keyOf(node);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const a = Int32Array.from(previous, idOf);
  const b = Int32Array.from(current, idOf);
  const { previousPartner, currentPartner } = alignLongestCommonSubsequence(a, b);

  // Unaligned previous occurrences per key, pushed last to first so pop() yields them in order.
  const waiting = new Map<number, number[]>();
  for (let i = a.length - 1; i >= 0; i--) {
    if (previousPartner[i] !== -1) continue;
    const queue = waiting.get(a[i]);
    if (queue) queue.push(i);
    else waiting.set(a[i], [i]);
  }
  const movedFrom = new Int32Array(b.length).fill(-1);
  const movedAway = new Uint8Array(a.length);
  const added: PathDiff<N>["added"] = [];
  const moved: PathDiff<N>["moved"] = [];
  for (let j = 0; j < b.length; j++) {
    if (currentPartner[j] !== -1) continue;
    const from = waiting.get(b[j])?.pop();
    if (from === undefined) {
      added.push({ node: current[j], index: j });
    } else {
      movedFrom[j] = from;
      movedAway[from] = 1;
      moved.push({ node: current[j], from, to: j });
    }
  }
  const removed: PathDiff<N>["removed"] = [];
  for (let i = 0; i < a.length; i++) {
    if (previousPartner[i] === -1 && !movedAway[i]) removed.push({ node: previous[i], index: i });
  }

  const rows: PathDiff<N>["rows"] = [];
  let i = 0;
  let j = 0;
  let aligned = 0;
  // Each pass fills the gap before the next aligned pair; the last pass (to the ends) has none.
  while (i < a.length || j < b.length) {
    let nextJ = j;
    while (nextJ < b.length && currentPartner[nextJ] === -1) nextJ++;
    const nextI = nextJ < b.length ? currentPartner[nextJ] : a.length;
    for (; i < nextI; i++) {
      if (!movedAway[i]) rows.push({ kind: "removed", node: previous[i], previousIndex: i, currentIndex: null });
    }
    for (; j < nextJ; j++) {
      const from = movedFrom[j];
      if (from === -1) rows.push({ kind: "added", node: current[j], previousIndex: null, currentIndex: j });
      else rows.push({ kind: "moved", node: current[j], previousIndex: from, currentIndex: j });
    }
    if (nextJ < b.length) {
      rows.push({ kind: "same", node: current[nextJ], previousIndex: nextI, currentIndex: nextJ });
      aligned++;
      i = nextI + 1;
      j = nextJ + 1;
    }
  }

  return { added, removed, moved, rows, identical: a.length === b.length && aligned === a.length };
}

/**
 * The candidate closest to `current`: fewest added+removed+moved nodes; ties broken by fewer
 * added+removed (a path with the same nodes in another order is the closer relative: "calls
 * reordered" says more than "a call appeared"), then by the larger `weight`, then by the
 * candidate's order in the list. Returns null for an empty list.
 */
export function closestPath<C>(
  current: readonly Keyed[],
  candidates: readonly C[],
  pathOf: (c: C) => readonly Keyed[],
  weightOf: (c: C) => number = () => 0,
): C | null {
  let best = -1;
  let bestChanges = Infinity;
  let bestChurn = Infinity;
  let bestWeight = -Infinity;
  candidates.forEach((candidate, index) => {
    const diff = diffPaths(pathOf(candidate), current);
    const churn = diff.added.length + diff.removed.length;
    const changes = churn + diff.moved.length;
    const weight = weightOf(candidate);
    if (changes < bestChanges || (changes === bestChanges && (churn < bestChurn || (churn === bestChurn && weight > bestWeight)))) {
      best = index;
      bestChanges = changes;
      bestChurn = churn;
      bestWeight = weight;
    }
  });
  return best === -1 ? null : candidates[best];
}

/** For each side, the index of its LCS partner on the other side, or -1. */
function alignLongestCommonSubsequence(a: Int32Array, b: Int32Array): { previousPartner: Int32Array; currentPartner: Int32Array } {
  const previousPartner = new Int32Array(a.length).fill(-1);
  const currentPartner = new Int32Array(b.length).fill(-1);
  const pair = (i: number, j: number) => {
    previousPartner[i] = j;
    currentPartner[j] = i;
  };

  // Aligning equal ends is always part of some LCS, and it keeps the usual small drift cheap.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    pair(start, start);
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) pair(--endA, --endB);

  const rows = endA - start;
  const cols = endB - start;
  if (rows === 0 || cols === 0) return { previousPartner, currentPartner };

  // below[j] / here[j]: LCS length of a[start+i+1..] / a[start+i..] against b[start+j..].
  let below = new Uint32Array(cols + 1);
  let here = new Uint32Array(cols + 1);
  // Bit (i, j) set: skipping a[start+i] keeps a longest alignment. One bit, not a length per
  // cell, because 5,000 × 5,000 lengths would take 100 MB.
  const stride = Math.ceil(cols / 8);
  const skipPrevious = new Uint8Array(rows * stride);
  for (let i = rows - 1; i >= 0; i--) {
    const ai = a[start + i];
    here[cols] = 0;
    for (let j = cols - 1; j >= 0; j--) {
      if (ai === b[start + j]) {
        here[j] = below[j + 1] + 1;
      } else if (below[j] >= here[j + 1]) {
        here[j] = below[j];
        skipPrevious[i * stride + (j >>> 3)] |= 1 << (j & 7);
      } else {
        here[j] = here[j + 1];
      }
    }
    [below, here] = [here, below];
  }

  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (a[start + i] === b[start + j]) pair(start + i++, start + j++);
    else if (skipPrevious[i * stride + (j >>> 3)] & (1 << (j & 7))) i++;
    else j++;
  }
  return { previousPartner, currentPartner };
}
