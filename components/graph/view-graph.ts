// Both views of GET telemetry/graph in one shape for the explorer: the service view as it
// comes, the endpoint view with each edge's kind as a one-kind list and each service's
// exposes edges as its endpoint list (the panel then reads alike in both views).
import type { CoverageMark } from "@/lib/diagnosis/mark-graph-coverage";
import type { GraphNodeType, GraphSummary, NodeTrafficSummary, ServiceViewEdge, ServiceViewEndpoint, ServiceViewGraph } from "@/lib/graph";

export type GraphView = "service" | "endpoint";

export interface ViewNode {
  id: string;
  type: GraphNodeType;
  label: string;
  service: string;
  traffic: NodeTrafficSummary;
  /** The endpoints a service serves, busiest first; empty for other nodes. */
  endpoints: ServiceViewEndpoint[];
  /** Test coverage of an endpoint, or of a service's endpoints; absent for other nodes or before coverage loads. */
  coverage?: CoverageMark;
}

/** The service view's edge shape; the endpoint view's edges are mapped into it. */
export type ViewEdge = ServiceViewEdge;

export interface ViewGraph {
  view: GraphView;
  nodes: ViewNode[];
  edges: ViewEdge[];
}

const trafficOf = ({ calls_in, errors_in, avg_in_ms, p95_in_ms, calls_out, errors_out }: NodeTrafficSummary): NodeTrafficSummary => ({ calls_in, errors_in, avg_in_ms, p95_in_ms, calls_out, errors_out });

export function fromServiceView(graph: ServiceViewGraph): ViewGraph {
  return {
    view: "service",
    nodes: graph.nodes.map((n) => ({ id: n.id, type: n.type, label: n.label, service: n.service, traffic: trafficOf(n), endpoints: n.endpoints })),
    edges: graph.edges,
  };
}

export function fromEndpointView(graph: GraphSummary): ViewGraph {
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const endpoints = new Map<string, ServiceViewEndpoint[]>();
  for (const e of graph.edges) {
    if (e.kind !== "exposes") continue;
    const list = endpoints.get(e.source) ?? [];
    list.push({ id: e.target, label: labels.get(e.target) ?? e.target, call_count: e.call_count, error_count: e.error_count, avg_duration_ms: e.avg_duration_ms, p95_duration_ms: e.p95_duration_ms });
    endpoints.set(e.source, list);
  }
  for (const list of endpoints.values()) list.sort((a, b) => b.call_count - a.call_count || (a.label < b.label ? -1 : 1));
  return {
    view: "endpoint",
    nodes: graph.nodes.map((n) => ({ id: n.id, type: n.type, label: n.label, service: n.service, traffic: trafficOf(n), endpoints: endpoints.get(n.id) ?? [] })),
    edges: graph.edges.map(({ kind, ...e }) => ({ ...e, kinds: [kind] })),
  };
}

/** The graph with each node's coverage mark; the same graph when there are no marks yet. */
export function withCoverage(graph: ViewGraph, marks: ReadonlyMap<string, CoverageMark> | null): ViewGraph {
  if (marks === null) return graph;
  return { ...graph, nodes: graph.nodes.map((n) => (marks.has(n.id) ? { ...n, coverage: marks.get(n.id) } : n)) };
}
