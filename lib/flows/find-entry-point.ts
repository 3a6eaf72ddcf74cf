import type { SpanTree } from "../traces/span-tree";
import type { TraceSpan } from "../traces/trace-span";

export interface EntryPoint {
  service: string;
  /** The root span's name; for HTTP servers `METHOD route`. */
  operation: string;
}

/**
 * Where a trace entered the system: its root span's service and name. With several
 * parentless spans the tree's root is the earliest; with none, the earliest orphan stands in
 * (see buildSpanTree), so a trace whose root span was lost still lands in a flow. null only
 * for a trace without spans.
 */
export function findEntryPoint<S extends TraceSpan>(tree: SpanTree<S>): EntryPoint | null {
  if (tree.root === null) return null;
  return { service: tree.root.span.service, operation: tree.root.span.name };
}
