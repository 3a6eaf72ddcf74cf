// The endpoint view of GET /api/v1/workspaces/:workspaceId/telemetry/graph?view=endpoint: the
// stored graph node for node and edge for edge, snake_case like the other telemetry
// resources, times as ISO strings, averages and P95s computed, each node with its traffic.
import { computeNodeTraffic, type NodeTrafficSummary } from "./compute-node-traffic";
import { durationTallyQuantileMs, readDurationTally } from "./edge-durations";
import type { GraphEdgeEntry, GraphEdgeKind, GraphNodeType, ServiceGraph } from "./graph-types";

export interface GraphSummaryNode extends NodeTrafficSummary {
  id: string;
  type: GraphNodeType;
  label: string;
  service: string;
}

export interface GraphSummaryEdge {
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
  call_count: number;
  /** Mean call duration at microsecond resolution; 0 without calls. */
  avg_duration_ms: number;
  /** P95 call duration (DDSketch, within 1%); null when no duration is known. */
  p95_duration_ms: number | null;
  error_count: number;
  /** ISO 8601, UTC, millisecond precision. */
  last_seen_at: string;
}

export interface GraphSummary {
  view: "endpoint";
  nodes: GraphSummaryNode[];
  edges: GraphSummaryEdge[];
}

/**
 * Nodes ordered by id, edges by source, then target, then kind (code-unit order, not locale),
 * so one graph always serializes the same way and a client's diff between polls is empty when
 * nothing changed.
 */
export function summarizeGraph(graph: ServiceGraph): GraphSummary {
  const traffic = computeNodeTraffic(graph);
  const nodes = Object.values(graph.nodes)
    .map(({ id, type, label, service }) => ({ id, type, label, service, ...traffic.get(id)! }))
    .sort((a, b) => compareText(a.id, b.id));
  const edges = Object.values(graph.edges)
    .sort((a, b) => compareText(a.source, b.source) || compareText(a.target, b.target) || compareText(a.kind, b.kind))
    .map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      kind: edge.kind,
      call_count: edge.callCount,
      avg_duration_ms: averageMs(edge),
      p95_duration_ms: durationTallyQuantileMs(readDurationTally(edge), 0.95),
      error_count: edge.errorCount,
      last_seen_at: new Date(edge.lastSeenAtMs).toISOString(),
    }));
  return { view: "endpoint", nodes, edges };
}

export function averageMs(edge: Pick<GraphEdgeEntry, "callCount" | "durationSumUs">): number {
  return edge.callCount === 0 ? 0 : edge.durationSumUs / edge.callCount / 1000;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
