"use client";

import "@xyflow/react/dist/style.css";
import "./graph-canvas.css";
import { Background, ControlButton, Controls, MiniMap, ReactFlow, type FitViewOptions, type NodeChange } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useState, type FocusEvent } from "react";
import type { GraphNodeType } from "@/lib/graph";
import { useColorMode } from "@/lib/ui/use-color-mode";
import { setActiveEdge } from "./active-edge";
import type { GraphFlowEdge, GraphFlowNode } from "./graph-elements";
import { GRAPH_NODE_TYPES, MINIMAP_COLOR } from "./graph-nodes";
import { EdgeMarkers, GRAPH_EDGE_TYPES } from "./traffic-edge";

// React Flow's defaults speak of deleting and moving nodes, which this read-only graph does not do.
const ARIA_LABELS = {
  "node.a11yDescription.default": "Press Enter or Space to show the flows through this node, Enter again to move into its details, Escape to deselect it.",
  "node.a11yDescription.keyboardDisabled": "Press Enter or Space to show the flows through this node.",
  "edge.a11yDescription.default": "An edge's calls, errors and p95 are in its name and in the panel of either of its nodes.",
  "controls.ariaLabel": "Zoom controls",
  "controls.zoomIn.ariaLabel": "Zoom in",
  "controls.zoomOut.ariaLabel": "Zoom out",
  "controls.fitView.ariaLabel": "Fit graph to view",
  "minimap.ariaLabel": "Minimap of the service graph",
};
const MINIMAP_SIZE = { width: 150, height: 100 };
/** Below this many nodes the whole graph fits on screen and a minimap only covers part of it. */
const MINIMAP_FROM_NODES = 40;
const minimapColor = (node: { type?: string }) => MINIMAP_COLOR[(node.type ?? "service") as GraphNodeType] ?? "#a1a1aa";

// Room for the controls (top left), the minimap (bottom left) and the details drawer (right)
// when they are shown, so a fitted graph is never hidden under any of them.
function fitViewOptions(minimap: boolean, drawerPx: number): FitViewOptions {
  return { padding: { top: "24px", bottom: "24px", left: minimap ? "184px" : "56px", right: `${drawerPx + 24}px` }, maxZoom: 1.1 };
}

export function GraphCanvas({
  nodes,
  edges,
  selectedId,
  focusActive,
  drawerPx,
  onSelect,
}: {
  nodes: GraphFlowNode[];
  edges: GraphFlowEdge[];
  selectedId: string | null;
  /** Something is selected or searched: the canvas dims what is not related to it. */
  focusActive: boolean;
  /** Width of the canvas the details drawer covers on the right, 0 when closed. */
  drawerPx: number;
  onSelect: (nodeId: string | null) => void;
}) {
  const colorMode = useColorMode();
  const [minimap, setMinimap] = useState(nodes.length >= MINIMAP_FROM_NODES);
  const fit = useMemo(() => fitViewOptions(minimap, drawerPx), [minimap, drawerPx]);
  // Nodes are controlled and never move, so the only change worth keeping is selection; it
  // arrives the same way from a click and from Enter on a focused node.
  const onNodesChange = useCallback(
    (changes: NodeChange<GraphFlowNode>[]) => {
      const picked = changes.find((c) => c.type === "select" && c.selected);
      if (picked && picked.type === "select") onSelect(picked.id);
      else if (changes.some((c) => c.type === "select" && !c.selected && c.id === selectedId)) onSelect(null);
    },
    [onSelect, selectedId],
  );

  // One label at a time: the edge under the pointer, else the one with keyboard focus.
  useEffect(() => () => setActiveEdge(null), []);
  const edgeOf = (e: FocusEvent) => (e.target instanceof Element && e.target.classList.contains("react-flow__edge") ? e.target.getAttribute("data-id") : null);

  return (
    <div
      className="fp-graph relative h-full w-full"
      data-focus={focusActive ? "" : undefined}
      data-testid="service-graph"
      onFocus={(e) => {
        const id = edgeOf(e);
        if (id !== null) setActiveEdge(id);
      }}
      onBlur={(e) => {
        if (edgeOf(e) !== null) setActiveEdge(null);
      }}
    >
      <EdgeMarkers />
      <ReactFlow<GraphFlowNode, GraphFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={GRAPH_NODE_TYPES}
        edgeTypes={GRAPH_EDGE_TYPES}
        onNodesChange={onNodesChange}
        // A tap shows an edge's numbers where there is no pointer to hover with.
        onEdgeClick={(_, edge) => setActiveEdge(edge.id)}
        onEdgeMouseEnter={(_, edge) => setActiveEdge(edge.id)}
        onEdgeMouseLeave={() => setActiveEdge(null)}
        colorMode={colorMode}
        fitView
        fitViewOptions={fit}
        minZoom={0.04}
        maxZoom={2}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable
        elementsSelectable
        zoomOnDoubleClick={false}
        deleteKeyCode={null}
        ariaLabelConfig={ARIA_LABELS}
        attributionPosition="bottom-right"
        aria-label="Service graph canvas"
      >
        <Background gap={24} size={1.2} />
        <Controls showInteractive={false} fitViewOptions={fit} position="top-left">
          <ControlButton onClick={() => setMinimap((m) => !m)} aria-pressed={minimap} aria-label="Minimap" title={minimap ? "Hide the minimap" : "Show the minimap"}>
            <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
              <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
              <rect x="8" y="8" width="4.5" height="3.5" fill="currentColor" stroke="none" />
            </svg>
          </ControlButton>
        </Controls>
        {minimap ? <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} nodeBorderRadius={6} position="bottom-left" style={MINIMAP_SIZE} /> : null}
      </ReactFlow>
    </div>
  );
}
