import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import type { SpanTree } from "../traces/span-tree";
import type { TraceSpan } from "../traces/trace-span";

export interface PathStep<S extends TraceSpan = TraceSpan> {
  node: PathNode;
  /** The span that first produced the node: the one whose duration the node's statistics use (errors: attribute-errors.ts). */
  span: S;
}

/**
 * The flow path of a trace with the span behind each node: nodes in preorder (the tree's
 * sibling order), each kept at its first occurrence. Identity is `type:identifier`, so retries,
 * loops and N+1 calls to the same endpoint collapse into one step and a flow is the set of
 * places a request touched, in the order it first touched them.
 */
export function extractPathSteps<S extends TraceSpan>(tree: SpanTree<S>): PathStep<S>[] {
  const seen = new Set<string>();
  const steps: PathStep<S>[] = [];
  for (const { pathNode, span } of tree.nodes) {
    if (pathNode === null) continue;
    const key = nodeKey(pathNode);
    if (seen.has(key)) continue;
    seen.add(key);
    steps.push({ node: pathNode, span });
  }
  return steps;
}

export function extractPath<S extends TraceSpan>(tree: SpanTree<S>): PathNode[] {
  return extractPathSteps(tree).map((step) => step.node);
}
