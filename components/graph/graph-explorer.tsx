"use client";

import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useSearchParams } from "next/navigation";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { layoutGraph, type GraphLayout } from "@/lib/ui/layout-graph";
import { GraphCanvas } from "./graph-canvas";
import { buildFlowEdges, buildFlowNodes, matchesQuery, neighbourhood, nodeHeight, NODE_WIDTH, topologyKey } from "./graph-elements";
import { GraphLegend } from "./graph-legend";
import { GraphSearch } from "./graph-search";
import { GraphViewSwitch } from "./graph-view-switch";
import { NodeDetailsPanel } from "./node-details-panel";
import { NodeTable } from "./node-table";
import type { GraphView, ViewGraph } from "./view-graph";

// Left to right by call depth: dagre ranks each node after the nodes calling it. Edge numbers
// show on hover, not between the layers, so the layers sit close and the fitted graph reads
// at a larger zoom.
function computeLayout(graph: ViewGraph): GraphLayout {
  return layoutGraph(
    graph.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: nodeHeight(graph.view, n) })),
    graph.edges,
    { rankSep: 88 },
  );
}

/**
 * Polling brings new counts every few seconds; the layout only changes when a node or a
 * connection appears, so nothing jumps while traffic flows.
 */
function useStableLayout(graph: ViewGraph): GraphLayout {
  const key = useMemo(() => topologyKey(graph), [graph]);
  const [cached, setCached] = useState(() => ({ key, layout: computeLayout(graph) }));
  if (cached.key === key) return cached.layout;
  const next = { key, layout: computeLayout(graph) };
  setCached(next);
  return next.layout;
}

/** The selected node lives in the URL (`?node=`), so a blast radius can be shared as a link. */
function useSelectedNode(graph: ViewGraph): [string | null, (id: string | null) => void] {
  const params = useSearchParams();
  const wanted = params.get("node");
  const selectedId = wanted !== null && graph.nodes.some((n) => n.id === wanted) ? wanted : null;
  const select = useCallback((id: string | null) => {
    const url = new URL(window.location.href);
    if (id === null) url.searchParams.delete("node");
    else url.searchParams.set("node", id);
    window.history.replaceState(null, "", url);
  }, []);
  return [selectedId, select];
}

/** The details drawer covers the canvas's right edge: 20rem plus its inset. */
const DRAWER_PX = 336;

export function GraphExplorer({ workspaceId, graph, onViewChange }: { workspaceId: string; graph: ViewGraph; onViewChange: (view: GraphView) => void }) {
  const layout = useStableLayout(graph);
  const [selectedId, select] = useSelectedNode(graph);
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search).trim();
  const { setViewport, getViewport } = useReactFlow();
  const store = useStoreApi();

  const baseNodes = useMemo(() => buildFlowNodes(graph, layout), [graph, layout]);
  const baseEdges = useMemo(() => buildFlowEdges(graph), [graph]);
  const matches = useMemo(() => (query === "" ? graph.nodes : graph.nodes.filter((n) => matchesQuery(n, query))), [graph, query]);

  // A search in progress outranks the selection: it is what the user is doing right now.
  const highlight = useMemo(() => {
    if (query !== "") return { nodes: new Set(matches.map((n) => n.id)), edges: new Set<string>() };
    return selectedId === null ? null : neighbourhood(graph, selectedId);
  }, [graph, matches, query, selectedId]);

  const nodes = useMemo(
    () =>
      baseNodes.map((node) => {
        const related = highlight?.nodes.has(node.id) ?? false;
        const selected = node.id === selectedId;
        return related || selected ? { ...node, selected, className: related ? "fp-related" : undefined } : node;
      }),
    [baseNodes, highlight, selectedId],
  );
  const edges = useMemo(
    () => (highlight === null ? baseEdges : baseEdges.map((edge) => (highlight.edges.has(edge.id) ? { ...edge, className: "fp-related", data: { ...edge.data!, related: true } } : edge))),
    [baseEdges, highlight],
  );

  /**
   * Brings a node into the part of the canvas the drawer leaves free: centred (and zoomed in
   * to a readable size) when it was picked from a list; when clicked, moved only as far as it
   * takes to uncover it, so the graph around it stays where the user was looking.
   */
  const reveal = useCallback(
    (id: string, center: boolean) => {
      const position = layout.positions.get(id);
      if (!position) return;
      const { width, height } = store.getState();
      const viewport = getViewport();
      const free = Math.max(width - DRAWER_PX, width / 2);
      const zoom = center ? Math.max(viewport.zoom, 0.9) : viewport.zoom;
      const cx = position.x + NODE_WIDTH / 2;
      const cy = position.y + nodeHeight(graph.view, graph.nodes.find((n) => n.id === id) ?? { type: "service" }) / 2;
      const duration = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 300;
      if (center) {
        void setViewport({ x: free / 2 - cx * zoom, y: height / 2 - cy * zoom, zoom }, { duration });
        return;
      }
      const margin = 24;
      const left = position.x * zoom + viewport.x;
      const right = (position.x + NODE_WIDTH) * zoom + viewport.x;
      const shift = right > free - margin ? free - margin - right : left < margin ? margin - left : 0;
      if (shift !== 0) void setViewport({ ...viewport, x: viewport.x + shift }, { duration });
    },
    [getViewport, graph, layout, setViewport, store],
  );

  const pickFromCanvas = useCallback(
    (id: string | null) => {
      select(id);
      if (id !== null) reveal(id, false);
    },
    [reveal, select],
  );
  const focusNode = useCallback(
    (id: string) => {
      select(id);
      reveal(id, true);
    },
    [reveal, select],
  );
  const close = () => {
    const id = selectedId;
    select(null);
    // Back where the keyboard user was, if that node is on screen.
    if (id) document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus();
  };

  // From the typed text, not the deferred query: Enter right after typing must not pick from stale matches.
  const pickFirstMatch = () => {
    if (search.trim() === "") return;
    const first = graph.nodes.find((n) => matchesQuery(n, search));
    if (first) focusNode(first.id);
  };

  const selectedNode = selectedId === null ? null : graph.nodes.find((n) => n.id === selectedId)!;

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <GraphViewSwitch view={graph.view} onChange={onViewChange} />
          <GraphSearch value={search} onChange={setSearch} matchCount={matches.length} total={graph.nodes.length} onPickFirst={pickFirstMatch} />
        </div>
        <GraphLegend view={graph.view} />
      </div>
      <div
        className="relative h-[calc(100vh-14rem)] min-h-[30rem] overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
        onKeyDownCapture={(e) => {
          // Enter selects a node; Enter again on the selected node moves into its details.
          const target = e.target as HTMLElement;
          if (e.key === "Enter" && selectedId !== null && target.classList.contains("react-flow__node") && target.dataset.id === selectedId) {
            e.preventDefault();
            document.getElementById("node-details-title")?.focus();
          }
        }}
      >
        {/* Keyed by view: the other view is another drawing, fitted afresh. */}
        <GraphCanvas key={graph.view} nodes={nodes} edges={edges} selectedId={selectedId} focusActive={highlight !== null} drawerPx={selectedNode ? DRAWER_PX : 0} onSelect={pickFromCanvas} />
        {selectedNode ? (
          <NodeDetailsPanel key={selectedNode.id} workspaceId={workspaceId} graph={graph} node={selectedNode} onSelect={focusNode} onClose={close} />
        ) : null}
      </div>
      <section aria-labelledby="all-nodes-title" className="space-y-2">
        <h2 id="all-nodes-title" className="text-sm font-semibold">
          All nodes
          <span className="ml-2 font-normal text-zinc-600 tabular-nums dark:text-zinc-400">{query === "" ? graph.nodes.length : `${matches.length} of ${graph.nodes.length}`}</span>
        </h2>
        <NodeTable nodes={matches} total={graph.nodes.length} selectedId={selectedId} onPick={focusNode} />
      </section>
    </div>
  );
}
