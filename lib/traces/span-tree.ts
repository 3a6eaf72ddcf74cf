import type { PathNode } from "./path-node";
import type { TraceSpan } from "./trace-span";

/**
 * Why a span hangs where it does. Only "parent" follows the span's own `parentSpanId`; every
 * other span other than the root was hung under the root by buildSpanTree.
 * - "root": no parent (`parentSpanId` ""); the tree's root when it is the earliest such span.
 * - "extra-root": another parentless span; hung under the root.
 * - "orphan": its parent never arrived; hung under the root.
 * - "cycle": its parent link closed a loop (or named itself) and was cut; hung under the root.
 */
export type SpanAttachment = "root" | "parent" | "extra-root" | "orphan" | "cycle";

export interface SpanTreeNode<S extends TraceSpan = TraceSpan> {
  readonly span: S;
  /** null only for the root. */
  readonly parent: SpanTreeNode<S> | null;
  /** In sibling order: start time, then node key, then name (see buildSpanTree). */
  readonly children: readonly SpanTreeNode<S>[];
  /** 0 for the root. */
  readonly depth: number;
  /** The node this span contributes to a flow path; null for a call its callee reports. */
  readonly pathNode: PathNode | null;
  readonly attachment: SpanAttachment;
}

export interface SpanTree<S extends TraceSpan = TraceSpan> {
  /** null only when there are no spans. */
  readonly root: SpanTreeNode<S> | null;
  /** Every kept span exactly once, in preorder: the order flow paths are read in. */
  readonly nodes: readonly SpanTreeNode<S>[];
  readonly byId: ReadonlyMap<string, SpanTreeNode<S>>;
  /**
   * True when no parentless span arrived (the real root is late, lost or never sent): `root`
   * is then a stand-in, the earliest orphan, and its duration is not the trace's.
   */
  readonly rootMissing: boolean;
  /** Spans dropped because another span with the same spanId was kept. */
  readonly duplicateCount: number;
}
