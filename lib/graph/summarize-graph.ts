// The service graph as GET /api/v1/workspaces/:workspaceId/telemetry/graph returns it:
// snake_case like the other telemetry resources, times as ISO strings, averages computed.
import type { GraphEdgeKind, GraphNodeType, ServiceGraph } from "./graph-types";

export interface GraphSummaryNode {
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
  error_count: number;
  /** ISO 8601, UTC, millisecond precision. */
  last_seen_at: string;
}

export interface GraphSummary {
  nodes: GraphSummaryNode[];
  edges: GraphSummaryEdge[];
}

/**
 * Nodes ordered by id, edges by source, then target, then kind (code-unit order, not locale),
 * so one graph always serializes the same way and a client's diff between polls is empty when
 * nothing changed.
 */
export function summarizeGraph(graph: ServiceGraph): GraphSummary {
  const nodes = Object.values(graph.nodes)
    .map(({ id, type, label, service }) => ({ id, type, label, service }))
    .sort((a, b) => compareText(a.id, b.id));
  const edges = Object.values(graph.edges)
    .sort((a, b) => compareText(a.source, b.source) || compareText(a.target, b.target) || compareText(a.kind, b.kind))
    .map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      kind: edge.kind,
      call_count: edge.callCount,
      avg_duration_ms: edge.callCount === 0 ? 0 : edge.durationSumUs / edge.callCount / 1000,
      error_count: edge.errorCount,
      last_seen_at: new Date(edge.lastSeenAtMs).toISOString(),
    }));
  return { nodes, edges };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
