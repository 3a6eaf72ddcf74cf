// Positions for the service graph: dagre's layered layout, then very tall layers wrapped into
// columns. Pure and deterministic: the same nodes and edges, in any order, land in the same place.
import dagre from "@dagrejs/dagre";

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface LayoutOptions {
  /** Gap between nodes of one layer. */
  nodeSep?: number;
  /** Gap between layers; edge labels live here, so it is wider than nodeSep. */
  rankSep?: number;
  /**
   * Most leaves of one hub stacked in one column. A service calling 300 dependencies puts 300
   * nodes in one layer: one 25,000 px column would fit the screen only as specks, so a larger
   * fan is drawn as a grid.
   */
  maxPerColumn?: number;
}

export interface GraphLayout {
  /** Top-left corner of each node, as React Flow places nodes. */
  positions: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
}

interface Placed {
  id: string;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Left-to-right layered layout; nodes never overlap, cycles and self-loops are allowed. */
export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions = {}): GraphLayout {
  const nodeSep = options.nodeSep ?? 24;
  const rankSep = options.rankSep ?? 160;
  const maxPerColumn = Math.max(1, options.maxPerColumn ?? 24);
  if (nodes.length === 0) return { positions: new Map(), width: 0, height: 0 };

  // dagre's result depends on insertion order, so both lists are sorted first.
  const sortedNodes = [...nodes].sort((a, b) => compare(a.id, b.id));
  const byId = new Map(sortedNodes.map((n) => [n.id, n]));
  const pairs = new Map<string, LayoutEdge>();
  for (const edge of edges) {
    // A self-loop says nothing about order; parallel edges (reads and writes of one database)
    // would only pull the same pair twice.
    if (edge.source === edge.target || !byId.has(edge.source) || !byId.has(edge.target)) continue;
    pairs.set(`${edge.source}\u0000${edge.target}`, { source: edge.source, target: edge.target });
  }
  const sortedPairs = [...pairs.entries()].sort((a, b) => compare(a[0], b[0])).map(([, edge]) => edge);
  const fans = findFans(sortedNodes, sortedPairs, maxPerColumn);
  const inFan = new Map<string, Fan>();
  for (const fan of fans) for (const member of fan.members) inFan.set(member.id, fan);

  const graph = new dagre.graphlib.Graph<Record<string, unknown>, { width: number; height: number; x?: number; y?: number }>();
  graph.setGraph({ rankdir: "LR", nodesep: nodeSep, ranksep: rankSep, marginx: 0, marginy: 0, acyclicer: "greedy" });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of sortedNodes) if (!inFan.has(node.id)) graph.setNode(node.id, { width: node.width, height: node.height });
  const grids = fans.map((fan) => {
    const grid = gridOf(fan, nodeSep, maxPerColumn);
    graph.setNode(fan.key, { width: grid.width, height: grid.height });
    if (fan.hub !== null) {
      if (fan.incoming) graph.setEdge(fan.hub, fan.key);
      else graph.setEdge(fan.key, fan.hub);
    }
    return grid;
  });
  for (const edge of sortedPairs) if (!inFan.has(edge.source) && !inFan.has(edge.target)) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);

  // Top-left corners, before moving the whole drawing to the origin.
  const corners: Placed[] = [];
  for (const node of sortedNodes) {
    if (inFan.has(node.id)) continue;
    const label = graph.node(node.id);
    corners.push({ id: node.id, x: (label.x ?? 0) - node.width / 2, y: (label.y ?? 0) - node.height / 2, width: node.width, height: node.height });
  }
  fans.forEach((fan, i) => {
    const grid = grids[i];
    const label = graph.node(fan.key);
    const left = (label.x ?? 0) - grid.width / 2;
    const top = (label.y ?? 0) - grid.height / 2;
    fan.members.forEach((member, n) => {
      const column = Math.floor(n / grid.rows);
      const row = n % grid.rows;
      corners.push({ id: member.id, x: left + column * (grid.cellWidth + grid.columnGap), y: top + row * (grid.cellHeight + nodeSep), width: member.width, height: member.height });
    });
  });

  const minX = Math.min(...corners.map((p) => p.x));
  const minY = Math.min(...corners.map((p) => p.y));
  const positions = new Map(corners.map((p) => [p.id, { x: Math.round(p.x - minX), y: Math.round(p.y - minY) }]));
  const width = Math.max(...corners.map((p) => Math.round(p.x - minX) + p.width));
  const height = Math.max(...corners.map((p) => Math.round(p.y - minY) + p.height));
  return { positions, width, height };
}

/**
 * Leaves sharing one neighbour on the same side (the dependencies only `checkout` calls, or
 * the nodes nothing connects): too many of them would make one column thousands of pixels
 * tall, so each such group is laid out by dagre as one block and drawn as a grid inside it.
 */
interface Fan {
  key: string;
  /** The one neighbour of every member; null for the nodes without any edge. */
  hub: string | null;
  /** Members are the hub's callees (true) or its callers (false). */
  incoming: boolean;
  members: LayoutNode[];
}

function findFans(nodes: LayoutNode[], pairs: LayoutEdge[], maxPerColumn: number): Fan[] {
  const neighbours = new Map<string, { node: string; incoming: boolean }[]>();
  const link = (from: string, to: string, incoming: boolean) => {
    const list = neighbours.get(from);
    if (list) list.push({ node: to, incoming });
    else neighbours.set(from, [{ node: to, incoming }]);
  };
  for (const { source, target } of pairs) {
    link(target, source, true);
    link(source, target, false);
  }
  const groups = new Map<string, Fan>();
  for (const node of nodes) {
    const list = neighbours.get(node.id) ?? [];
    if (list.length > 1) continue;
    const only = list[0];
    // A hub that is itself a leaf of the member (two nodes joined only to each other) is no hub.
    if (only && (neighbours.get(only.node)?.length ?? 0) <= 1) continue;
    const key = only ? `\u0000fan:${only.incoming ? "in" : "out"}:${only.node}` : "\u0000fan:isolated";
    const group = groups.get(key);
    if (group) group.members.push(node);
    else groups.set(key, { key, hub: only?.node ?? null, incoming: only?.incoming ?? true, members: [node] });
  }
  return [...groups.values()].filter((g) => g.members.length > maxPerColumn);
}

function gridOf(fan: Fan, nodeSep: number, maxPerColumn: number) {
  const count = fan.members.length;
  const cellWidth = Math.max(...fan.members.map((m) => m.width));
  const cellHeight = Math.max(...fan.members.map((m) => m.height));
  // Roughly as wide as tall on screen, so the whole fan fits a wide viewport legibly.
  const columns = Math.max(Math.ceil(count / maxPerColumn), Math.round(Math.sqrt((count * cellHeight * 2) / cellWidth)));
  const rows = Math.ceil(count / columns);
  const columnGap = nodeSep * 2;
  return {
    rows,
    cellWidth,
    cellHeight,
    columnGap,
    width: columns * cellWidth + (columns - 1) * columnGap,
    height: rows * cellHeight + (rows - 1) * nodeSep,
  };
}
