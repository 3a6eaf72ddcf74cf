// The critical path of a trace: the chain of work the root had to wait for, so shortening
// anything off it would not have ended the request sooner. Jaeger's definition: walk back from
// the root's end through the child that finished last, then, from that child's start, through
// the sibling that finished last before it, and so on.
import type { SpanTree, SpanTreeNode } from "../traces/span-tree";
import type { DiagnosisSpan } from "./diagnosis-span";

export interface CriticalPathSection {
  spanId: string;
  service: string;
  /** The span's name. */
  operation: string;
  startNs: bigint;
  endNs: bigint;
}

interface Window {
  startNs: bigint;
  endNs: bigint;
}

/**
 * The sections of the root's window that lie on the critical path, sorted by start. They are
 * disjoint and together cover exactly the root's window; a span may own several sections (its
 * own time before, between and after the children it waited for).
 *
 * Rules:
 * - Each child is first clipped to its parent's (clipped) window: a child outliving its parent
 *   counts only up to the parent's end, and one wholly outside it (async work started after the
 *   parent ended, or clock skew) leaves the path together with its subtree.
 * - From a point in time `t` inside a span, the span waited on the child that finished last at
 *   or before `t` (the longer one when two end together); the time between that child's end
 *   and `t` is the span's own. With no such child, everything from the span's start to `t` is
 *   its own and the walk returns to its parent at the span's start.
 * - A child ending exactly where the next one starts is on the path (Jaeger's UI requires it to
 *   end strictly before, which drops back-to-back sequential calls).
 * The walk is iterative (a chain thousands deep must not overflow the stack) and visits each
 * child at most once.
 */
export function findCriticalPath<S extends DiagnosisSpan>(tree: SpanTree<S>): CriticalPathSection[] {
  const root = tree.root;
  if (root === null) return [];
  const windows = clippedWindows(tree);
  const rootWindow = windows.get(root)!;
  if (rootWindow.endNs <= rootWindow.startNs) return [];

  const byEnd = new Map<SpanTreeNode<S>, SpanTreeNode<S>[]>();
  const cursor = new Map<SpanTreeNode<S>, number>();
  const childrenByEnd = (node: SpanTreeNode<S>): SpanTreeNode<S>[] => {
    let sorted = byEnd.get(node);
    if (sorted === undefined) {
      sorted = node.children.filter((child) => windows.has(child));
      // Latest end first; of two ending together the earlier start (it explains more of the wait).
      sorted.sort((a, b) => compareDesc(windows.get(a)!.endNs, windows.get(b)!.endNs) || compareDesc(windows.get(b)!.startNs, windows.get(a)!.startNs));
      byEnd.set(node, sorted);
    }
    return sorted;
  };

  const sections: CriticalPathSection[] = [];
  const add = (node: SpanTreeNode<S>, startNs: bigint, endNs: bigint) => {
    if (endNs > startNs) sections.push({ spanId: node.span.spanId, service: node.span.service, operation: node.span.name, startNs, endNs });
  };

  let node = root;
  let until = rootWindow.endNs;
  for (;;) {
    const children = childrenByEnd(node);
    let next = cursor.get(node) ?? 0;
    while (next < children.length && windows.get(children[next])!.endNs > until) next++;
    if (next < children.length) {
      const child = children[next];
      cursor.set(node, next + 1);
      const childWindow = windows.get(child)!;
      add(node, childWindow.endNs, until);
      node = child;
      until = childWindow.endNs;
      continue;
    }
    cursor.set(node, next);
    const own = windows.get(node)!;
    add(node, own.startNs, until);
    if (node === root) break;
    until = own.startNs;
    node = node.parent!;
  }
  // Sections were found from the root's end backwards.
  return sections.reverse();
}

/** Total time on the critical path per span id, in nanoseconds. */
export function criticalPathSelfTimeNs(sections: readonly CriticalPathSection[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const section of sections) totals.set(section.spanId, (totals.get(section.spanId) ?? 0) + Number(section.endNs - section.startNs));
  return totals;
}

/** Each span's window clipped to its parent's clipped window; spans left with none are absent. */
function clippedWindows<S extends DiagnosisSpan>(tree: SpanTree<S>): Map<SpanTreeNode<S>, Window> {
  const windows = new Map<SpanTreeNode<S>, Window>();
  // Preorder: a parent's window is known before its children's.
  for (const node of tree.nodes) {
    const { startNs, endNs } = node.span;
    if (node.parent === null) {
      windows.set(node, { startNs, endNs });
      continue;
    }
    const parent = windows.get(node.parent);
    if (parent === undefined) continue;
    const from = startNs > parent.startNs ? startNs : parent.startNs;
    const to = endNs < parent.endNs ? endNs : parent.endNs;
    if (to > from) windows.set(node, { startNs: from, endNs: to });
  }
  return windows;
}

function compareDesc(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}
