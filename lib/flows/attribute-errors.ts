// Which path node an error belongs to. Every span is represented by a node: its own, or, for a
// call whose callee reports its own span (DESIGN.md, PathNode rule 4), the callee's. A client
// span that failed (a 404 seen by the caller, a timeout, a refused connection) therefore
// counts on the node of the endpoint it called, so no error of a trace goes unshown on its path.
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import type { SpanTree, SpanTreeNode } from "../traces/span-tree";
import type { TraceSpan } from "../traces/trace-span";

/**
 * The node that stands for `treeNode`'s span on the path: its own node, else the node of the
 * first callee (first child, in sibling order, of another service that is a real child, not a
 * span hung there for want of its parent), followed down while the callee is itself a
 * forwarded call. null only for a tree that contradicts rule 4 (no such callee).
 */
export function representingNode<S extends TraceSpan>(treeNode: SpanTreeNode<S>): PathNode | null {
  let current: SpanTreeNode<S> | undefined = treeNode;
  while (current !== undefined) {
    if (current.pathNode !== null) return current.pathNode;
    const caller: SpanTreeNode<S> = current;
    current = caller.children.find((child) => child.attachment === "parent" && child.span.service !== caller.span.service);
  }
  return null;
}

/** `type:identifier` of every node that represents at least one span with error status. */
export function erroredNodeKeys<S extends TraceSpan>(tree: SpanTree<S>): Set<string> {
  const keys = new Set<string>();
  for (const treeNode of tree.nodes) {
    if (treeNode.span.status !== "error") continue;
    const node = representingNode(treeNode);
    if (node !== null) keys.add(nodeKey(node));
  }
  return keys;
}
