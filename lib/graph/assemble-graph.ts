// The mutable tallies that extraction, merging and subtraction accumulate into, and their
// conversion to the immutable, key-sorted ServiceGraph every public function returns.
import { storeDurationTally, type DurationTally } from "./edge-durations";
import type { GraphEdgeEntry, GraphEdgeKind, GraphNodeEntry, GraphNodeType, ServiceGraph } from "./graph-types";
import { pickNodeService } from "./pick-node-service";

export interface NodeTally {
  type: GraphNodeType;
  label: string;
  traceCount: number;
  /** Service name -> traces; a Map because service names are untrusted ("__proto__"). */
  serviceTraceCounts: Map<string, number>;
}

export interface EdgeTally {
  source: string;
  target: string;
  kind: GraphEdgeKind;
  callCount: number;
  durationSumUs: number;
  errorCount: number;
  lastSeenAtMs: number;
  traceCount: number;
  durations: DurationTally;
}

/**
 * Builds the graph with every record's keys inserted in code-unit order, so equal contents
 * give equal values whatever order they were tallied in, even as JSON text.
 * Object.fromEntries defines own properties, so no key can reach Object.prototype.
 */
export function assembleGraph(nodes: ReadonlyMap<string, NodeTally>, edges: ReadonlyMap<string, EdgeTally>): ServiceGraph {
  return {
    nodes: Object.fromEntries(
      sortedKeys(nodes).map((id): [string, GraphNodeEntry] => {
        const node = nodes.get(id)!;
        const counts = sortedKeys(node.serviceTraceCounts)
          .map((service): [string, number] => [service, node.serviceTraceCounts.get(service)!])
          .filter(([, count]) => count > 0);
        return [
          id,
          {
            id,
            type: node.type,
            label: node.label,
            service: pickNodeService(counts),
            traceCount: node.traceCount,
            serviceTraceCounts: Object.fromEntries(counts),
          },
        ];
      }),
    ),
    edges: Object.fromEntries(
      sortedKeys(edges).map((id): [string, GraphEdgeEntry] => {
        const edge = edges.get(id)!;
        return [
          id,
          {
            id,
            source: edge.source,
            target: edge.target,
            kind: edge.kind,
            callCount: edge.callCount,
            durationSumUs: edge.durationSumUs,
            errorCount: edge.errorCount,
            lastSeenAtMs: edge.lastSeenAtMs,
            traceCount: edge.traceCount,
            ...storeDurationTally(edge.durations),
          },
        ];
      }),
    ),
  };
}

function sortedKeys(map: ReadonlyMap<string, unknown>): string[] {
  return [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
