"use client";

import { BaseEdge, EdgeLabelRenderer, useStore, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { GraphEdgeKind } from "@/lib/graph";
import { formatDuration } from "@/lib/format/format-time";
import { edgeGeometry } from "./edge-path";
import { formatCount, plural } from "./format-count";
import type { GraphFlowEdge } from "./graph-elements";

/** Stroke colour and dash per kind; messaging is dashed because nothing waits on it. */
// Colours live in graph-canvas.css: React Flow's unlayered stylesheet would beat Tailwind's
// layered stroke utilities. The noun names the kind in every label, so kinds never rest on
// colour alone.
export const EDGE_KIND_STYLE: Record<GraphEdgeKind, { className: string; dash?: string; noun: [string, string] }> = {
  calls: { className: "fp-kind-calls", noun: ["call", "calls"] },
  exposes: { className: "fp-kind-exposes", noun: ["request", "requests"] },
  reads: { className: "fp-kind-reads", noun: ["read", "reads"] },
  writes: { className: "fp-kind-writes", noun: ["write", "writes"] },
  publishes: { className: "fp-kind-messaging", dash: "6 4", noun: ["published", "published"] },
  consumes: { className: "fp-kind-messaging", dash: "6 4", noun: ["consumed", "consumed"] },
};

/** Labels below this zoom would be unreadable specks, and 300 of them cost frames. */
const LABEL_MIN_ZOOM = 0.45;
const zoomShowsLabels = (s: { transform: [number, number, number] }) => s.transform[2] >= LABEL_MIN_ZOOM;

export const TrafficEdge = memo(function TrafficEdge({ source, target, sourceX, sourceY, targetX, targetY, data }: EdgeProps<GraphFlowEdge>) {
  const showLabel = useStore(zoomShowsLabels);
  if (!data) return null;
  const { edge, parallelIndex, parallelCount, related } = data;
  const style = EDGE_KIND_STYLE[edge.kind];
  const { path, labelX, labelY } = edgeGeometry(sourceX, sourceY, targetX, targetY, { selfLoop: source === target, parallelIndex, parallelCount });
  // Line weight follows volume on a log scale: 1 call and 100,000 calls both stay drawable.
  const width = 1.25 + Math.min(2.5, Math.log10(edge.call_count + 1) * 0.6);
  return (
    <>
      <BaseEdge path={path} markerEnd={`url(#fp-arrow-${edge.kind})`} className={style.className} style={{ strokeWidth: width, strokeDasharray: style.dash }} interactionWidth={0} />
      {showLabel ? (
        <EdgeLabelRenderer>
          <div
            className={`fp-edge-label nodrag nopan absolute rounded border border-zinc-200 bg-white/95 px-1.5 py-0.5 text-[10px] leading-tight whitespace-nowrap text-zinc-700 shadow-sm dark:border-zinc-700 dark:bg-zinc-900/95 dark:text-zinc-300 ${related ? "fp-related" : ""}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            <span className="tabular-nums">{plural(edge.call_count, style.noun[0], style.noun[1])}</span>
            <span className="tabular-nums"> · {formatDuration(edge.avg_duration_ms)}</span>
            {edge.error_count > 0 ? <span className="font-semibold tabular-nums text-red-600 dark:text-red-400"> · {formatCount(edge.error_count)} err</span> : null}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});

export const GRAPH_EDGE_TYPES = { traffic: TrafficEdge };

/** Arrowheads per kind, in the kind's colour; defined once for every edge of the page. */
export function EdgeMarkers() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <defs>
        {(Object.keys(EDGE_KIND_STYLE) as GraphEdgeKind[]).map((kind) => (
          <marker key={kind} id={`fp-arrow-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className={EDGE_KIND_STYLE[kind].className} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
