// The service graph as React Flow elements: laid out once per topology, highlighted per
// selection. Nodes carry their size and handles so React Flow never has to measure them,
// which keeps a 300-node graph from re-measuring on every selection.
import { Position, type Edge, type Node } from "@xyflow/react";
import type { GraphSummary, GraphSummaryEdge, GraphSummaryNode } from "@/lib/graph";
import type { GraphLayout } from "@/lib/ui/layout-graph";

export const NODE_WIDTH = 224;
export const NODE_HEIGHT = 56;

export interface NodeTraffic {
  callsIn: number;
  errorsIn: number;
  /** Call-weighted mean of the incoming edges' averages; null without incoming calls. */
  avgInMs: number | null;
  callsOut: number;
}

// Pick turns the interface into a type literal, which React Flow's Record<string, unknown> data accepts.
export type GraphNodeData = Pick<GraphSummaryNode, keyof GraphSummaryNode> & { traffic: NodeTraffic };
export type GraphFlowNode = Node<GraphNodeData, GraphSummaryNode["type"]>;

export interface GraphEdgeData extends Record<string, unknown> {
  edge: GraphSummaryEdge;
  /** Position among the edges joining the same source to the same target (reads and writes). */
  parallelIndex: number;
  parallelCount: number;
  related: boolean;
}
export type GraphFlowEdge = Edge<GraphEdgeData, "traffic">;

export function nodeTraffic(graph: GraphSummary): Map<string, NodeTraffic> {
  const traffic = new Map<string, NodeTraffic & { durationSum: number }>();
  const entry = (id: string) => {
    let t = traffic.get(id);
    if (!t) traffic.set(id, (t = { callsIn: 0, errorsIn: 0, avgInMs: null, callsOut: 0, durationSum: 0 }));
    return t;
  };
  for (const edge of graph.edges) {
    const target = entry(edge.target);
    target.callsIn += edge.call_count;
    target.errorsIn += edge.error_count;
    target.durationSum += edge.avg_duration_ms * edge.call_count;
    entry(edge.source).callsOut += edge.call_count;
  }
  const out = new Map<string, NodeTraffic>();
  for (const node of graph.nodes) {
    const t = traffic.get(node.id);
    out.set(node.id, t ? { callsIn: t.callsIn, errorsIn: t.errorsIn, callsOut: t.callsOut, avgInMs: t.callsIn > 0 ? t.durationSum / t.callsIn : null } : { callsIn: 0, errorsIn: 0, avgInMs: null, callsOut: 0 });
  }
  return out;
}

/** What the layout depends on: which nodes exist and which pairs are joined, not the counts. */
export function topologyKey(graph: GraphSummary): string {
  return `${graph.nodes.map((n) => n.id).join("\n")}\n\n${graph.edges.map((e) => `${e.source}\t${e.target}`).join("\n")}`;
}

const TYPE_NAME: Record<GraphSummaryNode["type"], string> = { service: "service", api_endpoint: "endpoint", database: "database", topic: "topic" };

export function buildFlowNodes(graph: GraphSummary, layout: GraphLayout, traffic: Map<string, NodeTraffic>): GraphFlowNode[] {
  return graph.nodes.map((node) => {
    const t = traffic.get(node.id)!;
    const errors = t.errorsIn > 0 ? `, ${t.errorsIn} errors` : "";
    return {
      id: node.id,
      type: node.type,
      position: layout.positions.get(node.id) ?? { x: 0, y: 0 },
      data: { ...node, traffic: t },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
      handles: [
        { type: "target", position: Position.Left, x: 0, y: NODE_HEIGHT / 2 },
        { type: "source", position: Position.Right, x: NODE_WIDTH, y: NODE_HEIGHT / 2 },
      ],
      ariaLabel: `${TYPE_NAME[node.type]} ${node.label}${node.type === "service" ? "" : ` of ${node.service}`}: ${t.callsIn} calls in${errors}`,
      draggable: false,
      connectable: false,
      deletable: false,
    };
  });
}

export function buildFlowEdges(graph: GraphSummary): GraphFlowEdge[] {
  const pairCount = new Map<string, number>();
  for (const e of graph.edges) pairCount.set(`${e.source}\t${e.target}`, (pairCount.get(`${e.source}\t${e.target}`) ?? 0) + 1);
  const seen = new Map<string, number>();
  return graph.edges.map((edge) => {
    const pair = `${edge.source}\t${edge.target}`;
    const index = seen.get(pair) ?? 0;
    seen.set(pair, index + 1);
    return {
      id: edge.id,
      type: "traffic",
      source: edge.source,
      target: edge.target,
      data: { edge, parallelIndex: index, parallelCount: pairCount.get(pair)!, related: false },
      ariaLabel: `${edge.source} ${edge.kind} ${edge.target}: ${edge.call_count} calls, ${edge.error_count} errors`,
      focusable: false,
      selectable: false,
    };
  });
}

/** The selected node and its direct neighbours, with the edges between them. */
export function neighbourhood(graph: GraphSummary, nodeId: string): { nodes: Set<string>; edges: Set<string> } {
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

export function matchesQuery(node: GraphSummaryNode, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === "") return true;
  return node.label.toLowerCase().includes(q) || node.service.toLowerCase().includes(q) || TYPE_NAME[node.type].includes(q);
}
