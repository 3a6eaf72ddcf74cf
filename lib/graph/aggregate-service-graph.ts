// The service view of GET /api/v1/workspaces/:workspaceId/telemetry/graph (the default): one
// node per service with the endpoints it serves listed inside, databases and topics as their
// own nodes, and one edge per caller and callee adding up every call, read, write or message
// between them: the map of services calling services that Jaeger and Tempo draw.
//
// The stored graph is endpoint-level: a caller's call goes to the endpoint it reached
// (`service:api-gateway → api_endpoint:POST /orders`), and the service serving it is joined
// to that endpoint by an exposes edge. Here a call into an endpoint is a call into the
// endpoint's service (GraphNode.service: the service that served it in the most traces; two
// services serving one method and route share one endpoint node, so its calls go to that one).
import { computeNodeTraffic, type NodeTrafficSummary } from "./compute-node-traffic";
import { addStoredDurations, durationTallyQuantileMs, emptyDurationTally, readDurationTally, type DurationTally } from "./edge-durations";
import { formatPairId } from "./format-edge-id";
import type { GraphEdgeKind, GraphNodeEntry, GraphNodeType, ServiceGraph } from "./graph-types";
import { averageMs, compareText } from "./summarize-graph";

/** An endpoint a service serves: its exposes edge's requests. */
export interface ServiceViewEndpoint {
  /** The endpoint view's node id, `api_endpoint:<method> <route>`. */
  id: string;
  label: string;
  call_count: number;
  error_count: number;
  avg_duration_ms: number;
  /** null when no duration is known. */
  p95_duration_ms: number | null;
}

export interface ServiceViewNode extends NodeTrafficSummary {
  /** The same ids as the endpoint view: `service:orders`, `database:shop`, `topic:order.created`. */
  id: string;
  type: Exclude<GraphNodeType, "api_endpoint">;
  label: string;
  service: string;
  /** Busiest first; empty for databases, topics and services without routes. */
  endpoints: ServiceViewEndpoint[];
}

export interface ServiceViewEdge {
  /** formatPairId(source, target). */
  id: string;
  source: string;
  target: string;
  /** The stored edge kinds added up here, sorted: `calls`, or `reads` and `writes` of a database. */
  kinds: GraphEdgeKind[];
  call_count: number;
  error_count: number;
  avg_duration_ms: number;
  /** P95 of every call of the pair (DDSketch, within 1%); null when no duration is known. */
  p95_duration_ms: number | null;
  /** ISO 8601, UTC, millisecond precision. */
  last_seen_at: string;
}

export interface ServiceViewGraph {
  view: "service";
  /** Ordered by id. */
  nodes: ServiceViewNode[];
  /** Ordered by source, then target. */
  edges: ServiceViewEdge[];
}

interface PairTally {
  source: string;
  target: string;
  kinds: Set<GraphEdgeKind>;
  callCount: number;
  errorCount: number;
  durationSumUs: number;
  durations: DurationTally;
  lastSeenAtMs: number;
}

export function aggregateServiceGraph(graph: ServiceGraph): ServiceViewGraph {
  const traffic = computeNodeTraffic(graph);
  const serviceNodeOf = (id: string): string => {
    const node: GraphNodeEntry | undefined = graph.nodes[id];
    return node?.type === "api_endpoint" ? `service:${node.service}` : id;
  };

  const endpoints = new Map<string, ServiceViewEndpoint[]>();
  const pairs = new Map<string, PairTally>();
  for (const edge of Object.values(graph.edges)) {
    if (edge.kind === "exposes") {
      const endpoint = graph.nodes[edge.target];
      const list = endpoints.get(edge.source) ?? [];
      list.push({
        id: edge.target,
        label: endpoint?.label ?? edge.target,
        call_count: edge.callCount,
        error_count: edge.errorCount,
        avg_duration_ms: averageMs(edge),
        p95_duration_ms: durationTallyQuantileMs(readDurationTally(edge), 0.95),
      });
      endpoints.set(edge.source, list);
      continue;
    }
    const source = serviceNodeOf(edge.source);
    const target = serviceNodeOf(edge.target);
    const id = formatPairId(source, target);
    let pair = pairs.get(id);
    if (pair === undefined) {
      pair = { source, target, kinds: new Set(), callCount: 0, errorCount: 0, durationSumUs: 0, durations: emptyDurationTally(), lastSeenAtMs: 0 };
      pairs.set(id, pair);
    }
    pair.kinds.add(edge.kind);
    pair.callCount += edge.callCount;
    pair.errorCount += edge.errorCount;
    pair.durationSumUs += edge.durationSumUs;
    addStoredDurations(pair.durations, edge);
    pair.lastSeenAtMs = Math.max(pair.lastSeenAtMs, edge.lastSeenAtMs);
  }

  const nodes: ServiceViewNode[] = [];
  for (const node of Object.values(graph.nodes)) {
    if (node.type === "api_endpoint") continue;
    const served = (endpoints.get(node.id) ?? []).sort((a, b) => b.call_count - a.call_count || compareText(a.label, b.label));
    nodes.push({ id: node.id, type: node.type, label: node.label, service: node.service, ...traffic.get(node.id)!, endpoints: served });
  }
  // An endpoint's service always has spans and so a node; this only guards a hand-made graph.
  const known = new Set(nodes.map((n) => n.id));
  for (const pair of pairs.values()) {
    for (const id of [pair.source, pair.target]) {
      if (known.has(id)) continue;
      known.add(id);
      const label = id.slice(id.indexOf(":") + 1);
      nodes.push({ id, type: "service", label, service: label, calls_in: 0, errors_in: 0, avg_in_ms: null, p95_in_ms: null, calls_out: 0, errors_out: 0, endpoints: [] });
    }
  }
  nodes.sort((a, b) => compareText(a.id, b.id));

  const edges = [...pairs.entries()]
    .map(([id, pair]): ServiceViewEdge => ({
      id,
      source: pair.source,
      target: pair.target,
      kinds: [...pair.kinds].sort(compareText),
      call_count: pair.callCount,
      error_count: pair.errorCount,
      avg_duration_ms: averageMs(pair),
      p95_duration_ms: durationTallyQuantileMs(pair.durations, 0.95),
      last_seen_at: new Date(pair.lastSeenAtMs).toISOString(),
    }))
    .sort((a, b) => compareText(a.source, b.source) || compareText(a.target, b.target));
  return { view: "service", nodes, edges };
}
