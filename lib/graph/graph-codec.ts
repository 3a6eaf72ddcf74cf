// A trace's service graph as stored beside its flow link (trace_flows.graph), to be subtracted
// again if late spans change the trace. As plain JSON a graph repeats every id three times and
// spells out counts that are 1 in a one-trace graph: 2.2 kB for an 8-span checkout trace, as much
// as the trace's spans. Positional arrays that rebuild ids and leave out those ones take 0.5 kB;
// decoding gives back a graph equal to the one encoded, keys in the same order.
import { formatEdgeId } from "./format-edge-id";
import type { GraphEdgeEntry, GraphEdgeKind, GraphNodeEntry, GraphNodeType, ServiceGraph } from "./graph-types";

type CompactNode = [GraphNodeType, string, string] | [GraphNodeType, string, string, number, Record<string, number>];
type CompactEdge = [GraphEdgeKind, number, number, number, number, number, number, number, (Record<string, number> | null)?, number?];

export interface CompactGraph {
  v: 1;
  n: CompactNode[];
  e: CompactEdge[];
}

const nodeId = (type: string, label: string) => `${type}:${label}`;

function countsOnlyItself(node: GraphNodeEntry): boolean {
  const keys = Object.keys(node.serviceTraceCounts);
  return node.traceCount === 1 && keys.length === 1 && keys[0] === node.service && node.serviceTraceCounts[node.service] === 1;
}

/** The compact form; a graph whose ids are not the ones its parts spell is kept as it is. */
export function encodeGraph(graph: ServiceGraph): CompactGraph | ServiceGraph {
  const index = new Map<string, number>();
  const n: CompactNode[] = [];
  for (const [id, node] of Object.entries(graph.nodes)) {
    if (id !== node.id || id !== nodeId(node.type, node.label)) return graph;
    index.set(id, n.length);
    n.push(countsOnlyItself(node) ? [node.type, node.label, node.service] : [node.type, node.label, node.service, node.traceCount, { ...node.serviceTraceCounts }]);
  }
  const e: CompactEdge[] = [];
  for (const [id, edge] of Object.entries(graph.edges)) {
    const source = index.get(edge.source);
    const target = index.get(edge.target);
    if (source === undefined || target === undefined || id !== edge.id || id !== formatEdgeId(edge.source, edge.kind, edge.target)) return graph;
    const compact: CompactEdge = [edge.kind, source, target, edge.callCount, edge.durationSumUs, edge.errorCount, edge.lastSeenAtMs, edge.traceCount];
    if (edge.zeroDurationCount !== undefined) compact.push(edge.durationBuckets ? { ...edge.durationBuckets } : null, edge.zeroDurationCount);
    else if (edge.durationBuckets) compact.push({ ...edge.durationBuckets });
    e.push(compact);
  }
  return { v: 1, n, e };
}

/** The graph, from either form (rows written before the compact one hold the plain graph). */
export function decodeGraph(stored: CompactGraph | ServiceGraph): ServiceGraph {
  if (!("v" in stored)) return stored;
  const nodes: Record<string, GraphNodeEntry> = {};
  const ids: string[] = [];
  for (const [type, label, service, traceCount, serviceTraceCounts] of stored.n) {
    const id = nodeId(type, label);
    ids.push(id);
    nodes[id] = { id, type, label, service, traceCount: traceCount ?? 1, serviceTraceCounts: serviceTraceCounts ?? { [service]: 1 } };
  }
  const edges: Record<string, GraphEdgeEntry> = {};
  for (const [kind, s, t, callCount, durationSumUs, errorCount, lastSeenAtMs, traceCount, buckets, zero] of stored.e) {
    const source = ids[s]!;
    const target = ids[t]!;
    const id = formatEdgeId(source, kind, target);
    const edge: GraphEdgeEntry = { id, source, target, kind, callCount, durationSumUs, errorCount, lastSeenAtMs, traceCount };
    edges[id] = { ...edge, ...(buckets ? { durationBuckets: buckets } : {}), ...(zero !== undefined ? { zeroDurationCount: zero } : {}) };
  }
  return { nodes, edges };
}
