"use client";

import { BaseEdge, EdgeLabelRenderer, useStore, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { GraphEdgeKind } from "@/lib/graph";
import { formatDuration } from "@/lib/format/format-time";
import { useIsActiveEdge } from "./active-edge";
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

/** The kind an edge of several kinds is drawn as: a database's reads and writes draw as writes. */
export function primaryKind(kinds: readonly GraphEdgeKind[]): GraphEdgeKind {
  for (const kind of ["calls", "writes", "reads", "publishes", "consumes", "exposes"] as const) if (kinds.includes(kind)) return kind;
  return "calls";
}

/** "12 calls", "17 reads and writes". */
export function countWords(count: number, kinds: readonly GraphEdgeKind[]): string {
  if (kinds.length === 1) return plural(count, EDGE_KIND_STYLE[kinds[0]].noun[0], EDGE_KIND_STYLE[kinds[0]].noun[1]);
  return `${formatCount(count)} ${kinds.map((k) => EDGE_KIND_STYLE[k].noun[1]).join(" and ")}`;
}

/**
 * An edge's numbers appear only while it is hovered or focused, one label at a time, so no
 * two labels can ever cover each other; every edge's numbers are also in the node panel and
 * in the edge's accessible name.
 */
export const TrafficEdge = memo(function TrafficEdge({ id, source, target, sourceX, sourceY, targetX, targetY, data }: EdgeProps<GraphFlowEdge>) {
  const active = useIsActiveEdge(id);
  if (!data) return null;
  const { edge, parallelIndex, parallelCount } = data;
  const kind = primaryKind(edge.kinds);
  const style = EDGE_KIND_STYLE[kind];
  const failing = edge.error_count > 0;
  const { path, labelX, labelY } = edgeGeometry(sourceX, sourceY, targetX, targetY, { selfLoop: source === target, parallelIndex, parallelCount });
  // Line weight follows volume on a log scale: 1 call and 100,000 calls both stay drawable.
  const width = 1.25 + Math.min(2.5, Math.log10(edge.call_count + 1) * 0.6) + (active ? 1 : 0);
  return (
    <>
      <BaseEdge
        path={path}
        markerEnd={`url(#fp-arrow-${failing ? "error" : kind})`}
        className={`${style.className} ${failing ? "fp-edge-error" : ""}`}
        style={{ strokeWidth: width, strokeDasharray: style.dash }}
        interactionWidth={14}
      />
      {active ? <EdgeTooltip data={data} x={labelX} y={labelY} /> : null}
    </>
  );
});

const zoomOf = (s: { transform: [number, number, number] }) => s.transform[2];

/**
 * The hovered or focused edge's numbers, just above its middle, at screen size whatever the
 * zoom (the fitted graph of a large system is drawn small; its label must not be).
 */
function EdgeTooltip({ data, x, y }: { data: NonNullable<GraphFlowEdge["data"]>; x: number; y: number }) {
  const zoom = useStore(zoomOf);
  const { edge, related, sourceLabel, targetLabel } = data;
  return (
    <EdgeLabelRenderer>
      <div
        role="tooltip"
        className={`fp-edge-label pointer-events-none absolute z-[1001] rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs leading-snug whitespace-nowrap text-zinc-700 shadow-md dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 ${related ? "fp-related" : ""}`}
        style={{ transformOrigin: "0 0", transform: `translate(${x}px, ${y}px) scale(${1 / zoom}) translate(-50%, calc(-100% - 6px))` }}
        data-testid="edge-label"
      >
        <span className="block font-medium text-zinc-900 dark:text-zinc-50">
          {sourceLabel} → {targetLabel}
        </span>
        <span className="tabular-nums">{countWords(edge.call_count, edge.kinds)}</span>
        {edge.p95_duration_ms !== null ? <span className="tabular-nums"> · p95 {formatDuration(edge.p95_duration_ms)}</span> : null}
        <span className="tabular-nums"> · avg {formatDuration(edge.avg_duration_ms)}</span>
        {edge.error_count > 0 ? <span className="font-semibold tabular-nums text-red-600 dark:text-red-400"> · {formatCount(edge.error_count)} err</span> : null}
      </div>
    </EdgeLabelRenderer>
  );
}

export const GRAPH_EDGE_TYPES = { traffic: TrafficEdge };

/** Arrowheads per kind, in the kind's colour, and a red one for failing edges; defined once for every edge of the page. */
export function EdgeMarkers() {
  const markers = [...(Object.keys(EDGE_KIND_STYLE) as GraphEdgeKind[]).map((kind) => ({ id: kind, className: EDGE_KIND_STYLE[kind].className })), { id: "error", className: "fp-edge-error" }];
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <defs>
        {markers.map(({ id, className }) => (
          <marker key={id} id={`fp-arrow-${id}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className={className} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
