// Which path node took the extra time in slow traces. Per node, the self time of the spans that
// represent it (a call's span counts on the callee's node, as errors do), summed per trace; a
// node missing from a trace took 0 there. The medians of the slow side and of the rest give each
// node's extra time, and its share of all nodes' extra time says where the slowness lives.
// Self time, not inclusive time: a parent that only waited for a slow child would otherwise
// take the blame along with it.
import { representingNode } from "../flows/attribute-errors";
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import type { SpanTree } from "../traces/span-tree";
import { computeSelfTimesNs } from "./compute-self-times";
import type { DiagnosisSpan } from "./diagnosis-span";

export interface LatencyTrace<S extends DiagnosisSpan = DiagnosisSpan> {
  readonly traceId: string;
  readonly tree: SpanTree<S>;
  readonly slow: boolean;
}

export interface NodeLatency {
  node: PathNode;
  slowMedianMs: number;
  restMedianMs: number;
  /** slowMedianMs − restMedianMs, never below 0. */
  extraMs: number;
  /** This node's extraMs over the sum of every node's extraMs (0..1). */
  extraShare: number;
  /** Slow traces in which the node took more self time than its median in the rest. */
  exampleTraceIds: string[];
}

export interface LatencyAttribution {
  nodes: NodeLatency[];
  slowTraceCount: number;
  restTraceCount: number;
}

/** Self time per node key of one trace, in milliseconds. */
export function selfTimeByNode<S extends DiagnosisSpan>(tree: SpanTree<S>): Map<string, { node: PathNode; ms: number }> {
  const selfTimes = computeSelfTimesNs(tree);
  const byNode = new Map<string, { node: PathNode; ms: number }>();
  for (const treeNode of tree.nodes) {
    const node = representingNode(treeNode);
    if (node === null) continue;
    const key = nodeKey(node);
    const ms = (selfTimes.get(treeNode.span.spanId) ?? 0) / 1e6;
    const entry = byNode.get(key);
    if (entry) entry.ms += ms;
    else byNode.set(key, { node, ms });
  }
  return byNode;
}

export function attributeLatency<S extends DiagnosisSpan>(
  traces: readonly LatencyTrace<S>[],
  options: { limit?: number; examplesPerNode?: number } = {},
): LatencyAttribution {
  const limit = options.limit ?? 10;
  const examplesPerNode = options.examplesPerNode ?? 3;
  const perTrace = traces.map((trace) => ({ trace, byNode: selfTimeByNode(trace.tree) }));
  const nodes = new Map<string, PathNode>();
  for (const { byNode } of perTrace) for (const [key, { node }] of byNode) if (!nodes.has(key)) nodes.set(key, node);

  const slow = perTrace.filter((entry) => entry.trace.slow);
  const rest = perTrace.filter((entry) => !entry.trace.slow);
  const measured: Omit<NodeLatency, "extraShare">[] = [];
  if (slow.length > 0 && rest.length > 0) {
    for (const [key, node] of nodes) {
      const slowMedianMs = median(slow.map((entry) => entry.byNode.get(key)?.ms ?? 0));
      const restMedianMs = median(rest.map((entry) => entry.byNode.get(key)?.ms ?? 0));
      const extraMs = Math.max(0, slowMedianMs - restMedianMs);
      if (extraMs <= 0) continue;
      const exampleTraceIds = slow
        .filter((entry) => (entry.byNode.get(key)?.ms ?? 0) > restMedianMs)
        .slice(0, examplesPerNode)
        .map((entry) => entry.trace.traceId);
      measured.push({ node, slowMedianMs, restMedianMs, extraMs, exampleTraceIds });
    }
  }
  const totalExtraMs = measured.reduce((sum, node) => sum + node.extraMs, 0);
  const ranked = measured
    .map((node) => ({ ...node, extraShare: totalExtraMs > 0 ? node.extraMs / totalExtraMs : 0 }))
    .sort((a, b) => b.extraMs - a.extraMs || compareText(nodeKey(a.node), nodeKey(b.node)));
  return { nodes: ranked.slice(0, limit), slowTraceCount: slow.length, restTraceCount: rest.length };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
