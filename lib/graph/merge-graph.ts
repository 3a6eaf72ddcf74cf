// The running service graph as a sum of trace graphs. Every field is an integer count or sum
// (durations in whole µs) except lastSeenAtMs, a maximum, so merging is commutative and
// associative: any set of trace graphs, merged in any order or grouping, gives one graph,
// equal down to its JSON text (keys are sorted).
//
// Late spans can change a completed trace: the pipeline then subtracts the graph it added for
// the trace and merges the new one. Subtraction restores every count and sum exactly, and a
// node or edge disappears exactly when no remaining trace references it (per-node and
// per-edge trace counts, per-node per-service counts for `service`). The one value it cannot
// restore is lastSeenAtMs, a maximum whose runner-up is not kept: it stays (the edge was seen
// then) until the edge goes. The same trade as lib/flows/flow-stats.ts.
import { assembleGraph, type EdgeTally, type NodeTally } from "./assemble-graph";
import { addStoredDurations, countDurations, readDurationTally, subtractStoredDurations } from "./edge-durations";
import type { GraphEdgeEntry, ServiceGraph } from "./graph-types";

export function emptyServiceGraph(): ServiceGraph {
  return { nodes: {}, edges: {} };
}

/** `base` plus `delta` (a trace's graph, or any graph). Neither input is modified. */
export function mergeGraph(base: ServiceGraph, delta: ServiceGraph): ServiceGraph {
  return mergeGraphs([base, delta]);
}

/** The sum of all `graphs`, sorting once: for a batch of trace graphs. */
export function mergeGraphs(graphs: readonly ServiceGraph[]): ServiceGraph {
  const nodes = new Map<string, NodeTally>();
  const edges = new Map<string, EdgeTally>();
  for (const graph of graphs) {
    for (const node of Object.values(graph.nodes)) {
      const tally = nodes.get(node.id);
      if (tally === undefined) {
        nodes.set(node.id, { type: node.type, label: node.label, traceCount: node.traceCount, serviceTraceCounts: new Map(Object.entries(node.serviceTraceCounts)) });
        continue;
      }
      if (tally.type !== node.type || tally.label !== node.label) throw new RangeError(`node ${node.id} has two types or labels`);
      tally.traceCount += node.traceCount;
      for (const [service, count] of Object.entries(node.serviceTraceCounts)) {
        tally.serviceTraceCounts.set(service, (tally.serviceTraceCounts.get(service) ?? 0) + count);
      }
    }
    for (const edge of Object.values(graph.edges)) {
      const tally = edges.get(edge.id);
      if (tally === undefined) {
        edges.set(edge.id, pickEdgeTally(edge));
        continue;
      }
      if (tally.source !== edge.source || tally.target !== edge.target || tally.kind !== edge.kind) {
        throw new RangeError(`edge ${edge.id} has two sources, targets or kinds`);
      }
      tally.callCount += edge.callCount;
      tally.durationSumUs += edge.durationSumUs;
      tally.errorCount += edge.errorCount;
      tally.traceCount += edge.traceCount;
      tally.lastSeenAtMs = Math.max(tally.lastSeenAtMs, edge.lastSeenAtMs);
      addStoredDurations(tally.durations, edge);
    }
  }
  return assembleGraph(nodes, edges);
}

/**
 * `base` without `delta`, which must have been merged into it before (typically one trace's
 * graph, as it was extracted then). Counts and sums go back exactly; a node or edge whose
 * trace count reaches 0 is dropped, one that other traces still reference stays, with its
 * lastSeenAtMs unchanged (see the file comment).
 *
 * Throws RangeError, and changes nothing (inputs are never modified), when `delta` cannot
 * have been merged into `base`: something it references is missing or has smaller counts,
 * a trace count reaches 0 with calls left, or an edge would outlive one of its nodes. The
 * stored graph and the caller disagree then, and going on would corrupt it silently.
 */
export function subtractGraph(base: ServiceGraph, delta: ServiceGraph): ServiceGraph {
  const nodes = new Map<string, NodeTally>();
  for (const node of Object.values(base.nodes)) {
    nodes.set(node.id, { type: node.type, label: node.label, traceCount: node.traceCount, serviceTraceCounts: new Map(Object.entries(node.serviceTraceCounts)) });
  }
  const edges = new Map<string, EdgeTally>();
  for (const edge of Object.values(base.edges)) edges.set(edge.id, pickEdgeTally(edge));

  for (const node of Object.values(delta.nodes)) {
    const tally = nodes.get(node.id);
    if (tally === undefined || tally.traceCount < node.traceCount) {
      throw new RangeError(`cannot take ${node.traceCount} trace(s) out of node ${node.id}: not in the graph`);
    }
    tally.traceCount -= node.traceCount;
    for (const [service, count] of Object.entries(node.serviceTraceCounts)) {
      const left = (tally.serviceTraceCounts.get(service) ?? 0) - count;
      if (left < 0) throw new RangeError(`cannot take ${count} trace(s) of service ${service} out of node ${node.id}`);
      if (left === 0) tally.serviceTraceCounts.delete(service);
      else tally.serviceTraceCounts.set(service, left);
    }
    if (tally.traceCount === 0) {
      if (tally.serviceTraceCounts.size > 0) throw new RangeError(`node ${node.id} lost its last trace but still has service counts`);
      nodes.delete(node.id);
    } else if (tally.serviceTraceCounts.size === 0) {
      throw new RangeError(`node ${node.id} still has traces but no service counts`);
    }
  }

  for (const edge of Object.values(delta.edges)) {
    const tally = edges.get(edge.id);
    if (
      tally === undefined ||
      tally.traceCount < edge.traceCount ||
      tally.callCount < edge.callCount ||
      tally.errorCount < edge.errorCount ||
      tally.durationSumUs < edge.durationSumUs
    ) {
      throw new RangeError(`cannot take ${edge.callCount} call(s) out of edge ${edge.id}: not in the graph`);
    }
    if (edge.lastSeenAtMs > tally.lastSeenAtMs) {
      throw new RangeError(`cannot take calls at ${edge.lastSeenAtMs} out of edge ${edge.id}: last seen at ${tally.lastSeenAtMs}`);
    }
    tally.traceCount -= edge.traceCount;
    tally.callCount -= edge.callCount;
    tally.errorCount -= edge.errorCount;
    tally.durationSumUs -= edge.durationSumUs;
    subtractStoredDurations(tally.durations, edge);
    if (tally.errorCount > tally.callCount) throw new RangeError(`edge ${edge.id} would have more errors than calls`);
    if (tally.traceCount === 0) {
      // Every trace adds at least one call: calls left over mean a delta that was never added.
      if (tally.callCount !== 0 || tally.durationSumUs !== 0 || countDurations(tally.durations) !== 0) throw new RangeError(`edge ${edge.id} lost its last trace but still has calls`);
      edges.delete(edge.id);
    } else if (tally.callCount < tally.traceCount) {
      throw new RangeError(`edge ${edge.id} would have fewer calls than traces`);
    }
  }

  for (const [id, edge] of edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) throw new RangeError(`edge ${id} would outlive one of its nodes`);
  }
  return assembleGraph(nodes, edges);
}

/** A fresh tally of a stored edge's fields, leaving out id (and anything else a caller added). */
function pickEdgeTally(edge: GraphEdgeEntry): EdgeTally {
  const { source, target, kind, callCount, durationSumUs, errorCount, lastSeenAtMs, traceCount } = edge;
  return { source, target, kind, callCount, durationSumUs, errorCount, lastSeenAtMs, traceCount, durations: readDurationTally(edge) };
}
