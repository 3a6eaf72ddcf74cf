"use client";

import { Background, Controls, MarkerType, ReactFlow, type Edge } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { formatPercent } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { nodeKey } from "@/lib/traces/node-key";
import type { PathNode } from "@/lib/traces/path-node";
import { useIsDark } from "@/lib/ui/use-is-dark";
import { FlowPathNode, STEP_HEIGHT, STEP_WIDTH, type PathStepNode } from "./flow-path-node";
import type { NodeStatView } from "./flow-types";

const NODE_TYPES = { step: FlowPathNode };
const GAP = 48;
const ROW_GAP = 56;
const PADDING = 24;

/**
 * The flow's path, left to right, each step with its own p95 and error rate. A path longer
 * than the card is wide wraps onto more rows, so steps keep a readable size instead of
 * shrinking to fit.
 */
export function FlowPathGraph({ path, nodeStats }: { path: PathNode[]; nodeStats: NodeStatView[] }) {
  const dark = useIsDark();
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const columns = width === null ? path.length : Math.max(1, Math.min(path.length, Math.floor((width - 2 * PADDING + GAP) / (STEP_WIDTH + GAP))));
  const rows = Math.ceil(path.length / columns);
  const height = Math.max(176, rows * STEP_HEIGHT + (rows - 1) * ROW_GAP + 2 * PADDING);

  const { nodes, edges, stats } = useMemo(() => {
    const stats = new Map(nodeStats.map((s) => [s.node, s]));
    const nodes: PathStepNode[] = path.map((step, i) => ({
      id: `step-${i}`,
      type: "step",
      position: { x: (i % columns) * (STEP_WIDTH + GAP), y: Math.floor(i / columns) * (STEP_HEIGHT + ROW_GAP) },
      data: { step, stats: stats.get(nodeKey(step)), first: i === 0, last: i === path.length - 1 },
      draggable: false,
      selectable: false,
    }));
    const edges: Edge[] = path.slice(1).map((_, i) => ({
      id: `edge-${i}`,
      source: `step-${i}`,
      target: `step-${i + 1}`,
      type: "smoothstep",
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    }));
    return { nodes, edges, stats };
  }, [path, nodeStats, columns]);

  return (
    <figure className="m-0" data-testid="flow-path-graph">
      <div ref={box} className="w-full" style={{ height }}>
        {width === null ? null : (
          <ReactFlow
            // A new layout is fitted afresh.
            key={columns}
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            colorMode={dark ? "dark" : "light"}
            fitView
            fitViewOptions={{ padding: `${PADDING}px`, maxZoom: 1 }}
            minZoom={0.2}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            // Steps have nothing to act on; the caption lists them for screen readers instead.
            nodesFocusable={false}
            edgesFocusable={false}
            // The page scrolls over the graph; zooming is on the controls and pinch.
            zoomOnScroll={false}
            preventScrolling={false}
            style={{ backgroundColor: "transparent" }}
            defaultEdgeOptions={{ style: { strokeWidth: 1.5 } }}
          >
            <Background gap={16} size={1} color={dark ? "#3f3f46" : "#d4d4d8"} />
            <Controls showInteractive={false} position="bottom-right" />
          </ReactFlow>
        )}
      </div>
      <figcaption className="sr-only">
        The path in {path.length} steps:
        <ol>
          {path.map((step, i) => {
            const s = stats.get(nodeKey(step));
            return (
              <li key={i}>
                {step.type.replace("_", " ")} {step.identifier} of {step.service}
                {s ? `, p95 ${formatDuration(s.p95_duration_ms)}, error rate ${formatPercent(s.error_rate)}` : ""}
              </li>
            );
          })}
        </ol>
      </figcaption>
    </figure>
  );
}

function useElementWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
