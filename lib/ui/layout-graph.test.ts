import { describe, expect, it } from "vitest";
import { layoutGraph, type GraphLayout, type LayoutEdge, type LayoutNode } from "./layout-graph";

const W = 200;
const H = 60;
const node = (id: string): LayoutNode => ({ id, width: W, height: H });
const edge = (source: string, target: string): LayoutEdge => ({ source, target });

function overlaps(layout: GraphLayout, nodes: LayoutNode[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = layout.positions.get(nodes[i].id)!;
      const b = layout.positions.get(nodes[j].id)!;
      const apart = a.x + nodes[i].width <= b.x || b.x + nodes[j].width <= a.x || a.y + nodes[i].height <= b.y || b.y + nodes[j].height <= a.y;
      if (!apart) found.push(`${nodes[i].id} / ${nodes[j].id}`);
    }
  }
  return found;
}

const shop = {
  nodes: ["service:checkout", "api_endpoint:POST /orders", "database:orders", "service:payments", "service:inventory", "topic:order.created", "service:mailer"].map(node),
  edges: [
    edge("service:checkout", "api_endpoint:POST /orders"),
    edge("service:checkout", "database:orders"),
    edge("service:checkout", "service:payments"),
    edge("service:checkout", "service:inventory"),
    edge("service:checkout", "topic:order.created"),
    edge("topic:order.created", "service:mailer"),
  ],
};

describe("layoutGraph", () => {
  it("places every node without overlaps, callers left of callees", () => {
    const layout = layoutGraph(shop.nodes, shop.edges);
    expect([...layout.positions.keys()].sort()).toEqual(shop.nodes.map((n) => n.id).sort());
    expect(overlaps(layout, shop.nodes)).toEqual([]);
    const x = (id: string) => layout.positions.get(id)!.x;
    expect(x("service:checkout")).toBeLessThan(x("service:payments"));
    expect(x("topic:order.created")).toBeLessThan(x("service:mailer"));
  });

  it("starts at the origin and reports its size", () => {
    const layout = layoutGraph(shop.nodes, shop.edges);
    const xs = [...layout.positions.values()].map((p) => p.x);
    const ys = [...layout.positions.values()].map((p) => p.y);
    expect(Math.min(...xs)).toBe(0);
    expect(Math.min(...ys)).toBe(0);
    expect(layout.width).toBe(Math.max(...xs) + W);
    expect(layout.height).toBe(Math.max(...ys) + H);
  });

  it("is deterministic whatever the input order", () => {
    const first = layoutGraph(shop.nodes, shop.edges);
    const shuffled = layoutGraph([...shop.nodes].reverse(), [...shop.edges].reverse());
    expect(Object.fromEntries(shuffled.positions)).toEqual(Object.fromEntries(first.positions));
    expect(Object.fromEntries(layoutGraph(shop.nodes, shop.edges).positions)).toEqual(Object.fromEntries(first.positions));
  });

  it("handles cycles, self-loops, parallel edges and edges to unknown nodes", () => {
    const nodes = ["a", "b", "c", "d"].map(node);
    const edges = [edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "c"), edge("a", "b"), edge("d", "ghost")];
    const layout = layoutGraph(nodes, edges);
    expect(layout.positions.size).toBe(4);
    expect(overlaps(layout, nodes)).toEqual([]);
    for (const p of layout.positions.values()) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
  });

  it("returns an empty layout for an empty graph", () => {
    expect(layoutGraph([], [])).toEqual({ positions: new Map(), width: 0, height: 0 });
  });

  it("lays out 300 nodes without overlaps, wrapping a wide fan-out into columns", () => {
    const peers = Array.from({ length: 296 }, (_, i) => `service:peer-${String(i).padStart(3, "0")}`);
    const nodes = ["service:checkout", "api_endpoint:POST /orders", "database:orders", "topic:order.created", ...peers].map(node);
    const edges = [
      edge("service:checkout", "api_endpoint:POST /orders"),
      edge("service:checkout", "database:orders"),
      edge("service:checkout", "topic:order.created"),
      ...peers.map((p) => edge("service:checkout", p)),
      // A few calls between the peers, one of them back up the chain.
      edge("service:peer-000", "service:peer-001"),
      edge("service:peer-001", "service:peer-002"),
      edge("service:peer-002", "service:peer-000"),
    ];
    const layout = layoutGraph(nodes, edges, { maxPerColumn: 24 });
    expect(layout.positions.size).toBe(300);
    expect(overlaps(layout, nodes)).toEqual([]);
    // Unwrapped, one column of ~300 nodes would be about 25,000 px tall.
    expect(layout.height).toBeLessThan(24 * (H + 24) + H);
    expect(layout.width / layout.height).toBeLessThan(4);
    const checkout = layout.positions.get("service:checkout")!;
    for (const p of peers) expect(layout.positions.get(p)!.x).toBeGreaterThan(checkout.x + W);
  });

  it("grids nodes that have no edges at all", () => {
    const nodes = Array.from({ length: 300 }, (_, i) => node(`service:lonely-${i}`));
    const layout = layoutGraph(nodes, []);
    expect(overlaps(layout, nodes)).toEqual([]);
    expect(layout.height).toBeLessThan(24 * (H + 24) + H);
  });
});
