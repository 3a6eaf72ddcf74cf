// The service graph as React Flow elements: laid out once per topology, highlighted per
// selection. Nodes carry their size and handles so React Flow never has to measure them,
// which keeps a 300-node graph from re-measuring on every selection.
import { Position, type Edge, type Node } from "@xyflow/react";
import { coverageLabel } from "@/components/coverage/coverage-badge";
import type { GraphNodeType } from "@/lib/graph";
import type { GraphLayout } from "@/lib/ui/layout-graph";
import { formatDuration } from "@/lib/format/format-time";
import type { GraphView, ViewEdge, ViewGraph, ViewNode } from "./view-graph";

export const NODE_WIDTH = 224;
export const NODE_HEIGHT = 56;
/** A service of the service view has a third line: its endpoints. */
export const SERVICE_NODE_HEIGHT = 76;

export function nodeHeight(view: GraphView, node: Pick<ViewNode, "type">): number {
  return view === "service" && node.type === "service" ? SERVICE_NODE_HEIGHT : NODE_HEIGHT;
}

// Pick turns the interface into a type literal, which React Flow's Record<string, unknown> data accepts.
export type GraphNodeData = Pick<ViewNode, keyof ViewNode> & { view: GraphView };
export type GraphFlowNode = Node<GraphNodeData, GraphNodeType>;

export interface GraphEdgeData extends Record<string, unknown> {
  edge: ViewEdge;
  sourceLabel: string;
  targetLabel: string;
  /** Position among the edges joining the same source to the same target (reads and writes). */
  parallelIndex: number;
  parallelCount: number;
  related: boolean;
}
export type GraphFlowEdge = Edge<GraphEdgeData, "traffic">;

/** What the layout depends on: which nodes exist and which pairs are joined, not the counts. */
export function topologyKey(graph: ViewGraph): string {
  return `${graph.view}\n${graph.nodes.map((n) => n.id).join("\n")}\n\n${graph.edges.map((e) => `${e.source}\t${e.target}`).join("\n")}`;
}

export const TYPE_NAME: Record<GraphNodeType, string> = { service: "service", api_endpoint: "endpoint", database: "database", topic: "topic" };

export function buildFlowNodes(graph: ViewGraph, layout: GraphLayout): GraphFlowNode[] {
  return graph.nodes.map((node) => {
    const t = node.traffic;
    const height = nodeHeight(graph.view, node);
    const errors = t.errors_in > 0 ? `, ${t.errors_in} errors` : "";
    const endpoints = node.endpoints.length > 0 && graph.view === "service" ? `, ${node.endpoints.length} endpoints` : "";
    const coverage = node.coverage ? `, tests: ${coverageLabel(node.coverage)}` : "";
    return {
      id: node.id,
      type: node.type,
      position: layout.positions.get(node.id) ?? { x: 0, y: 0 },
      data: { ...node, view: graph.view },
      width: NODE_WIDTH,
      height,
      measured: { width: NODE_WIDTH, height },
      handles: [
        { type: "target", position: Position.Left, x: 0, y: height / 2 },
        { type: "source", position: Position.Right, x: NODE_WIDTH, y: height / 2 },
      ],
      ariaLabel: `${TYPE_NAME[node.type]} ${node.label}${node.type === "service" ? "" : ` of ${node.service}`}: ${t.calls_in} calls in${errors}${endpoints}${coverage}`,
      draggable: false,
      connectable: false,
      deletable: false,
    };
  });
}

/** The edge's numbers in words: its hover label, its accessible name, the panel's rows. */
export function describeEdgeTraffic(edge: ViewEdge): string {
  const parts = [`${edge.call_count} ${edge.call_count === 1 ? "call" : "calls"}`];
  parts.push(edge.error_count === 0 ? "no errors" : `${edge.error_count} ${edge.error_count === 1 ? "error" : "errors"}`);
  if (edge.p95_duration_ms !== null) parts.push(`p95 ${formatDuration(edge.p95_duration_ms)}`);
  return parts.join(", ");
}

export function buildFlowEdges(graph: ViewGraph): GraphFlowEdge[] {
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const pairCount = new Map<string, number>();
  for (const e of graph.edges) pairCount.set(`${e.source}\t${e.target}`, (pairCount.get(`${e.source}\t${e.target}`) ?? 0) + 1);
  const seen = new Map<string, number>();
  return graph.edges.map((edge) => {
    const pair = `${edge.source}\t${edge.target}`;
    const index = seen.get(pair) ?? 0;
    seen.set(pair, index + 1);
    const sourceLabel = labels.get(edge.source) ?? edge.source;
    const targetLabel = labels.get(edge.target) ?? edge.target;
    return {
      id: edge.id,
      type: "traffic",
      source: edge.source,
      target: edge.target,
      data: { edge, sourceLabel, targetLabel, parallelIndex: index, parallelCount: pairCount.get(pair)!, related: false },
      ariaLabel: `${sourceLabel} ${edge.kinds.join(" and ")} ${targetLabel}: ${describeEdgeTraffic(edge)}`,
      focusable: true,
      selectable: false,
    };
  });
}

/** The selected node and its direct neighbours, with the edges between them. */
export function neighbourhood(graph: ViewGraph, nodeId: string): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set([nodeId]);
  const edges = new Set<string>();
  for (const e of graph.edges) {
    if (e.source === nodeId || e.target === nodeId) {
      nodes.add(e.source);
      nodes.add(e.target);
      edges.add(e.id);
    }
  }
  return { nodes, edges };
}

export function matchesQuery(node: ViewNode, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === "") return true;
  return (
    node.label.toLowerCase().includes(q) ||
    node.service.toLowerCase().includes(q) ||
    TYPE_NAME[node.type].includes(q) ||
    // A service is found by the routes it serves, too.
    node.endpoints.some((e) => e.label.toLowerCase().includes(q))
  );
}
