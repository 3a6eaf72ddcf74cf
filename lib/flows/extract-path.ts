import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import type { SpanTree } from "../traces/span-tree";
import type { TraceSpan } from "../traces/trace-span";

/**
 * The flow path of a trace: its nodes in preorder (the tree's sibling order), each kept at
 * its first occurrence. Identity is `type:identifier`, so retries, loops and N+1 calls to the
 * same endpoint collapse into one step and a flow is the set of places a request touched, in
 * the order it first touched them.
 */
export function extractPath<S extends TraceSpan>(tree: SpanTree<S>): PathNode[] {
  const seen = new Set<string>();
  const path: PathNode[] = [];
  for (const { pathNode } of tree.nodes) {
    if (pathNode === null) continue;
    const key = nodeKey(pathNode);
    if (seen.has(key)) continue;
    seen.add(key);
    path.push(pathNode);
  }
  return path;
}
