"use client";

import { useMemo } from "react";
import { NODE_TYPE_STYLE, NodeTypeBadge } from "@/components/ui/badges";
import type { GraphSummary, GraphSummaryEdge, GraphSummaryNode } from "@/lib/graph";
import { formatDuration } from "@/lib/format/format-time";
import { formatCount, plural } from "./format-count";
import type { NodeTraffic } from "./graph-elements";
import { NodeFlows } from "./node-flows";
import { NodeTypeIcon } from "./node-type-icon";
import { EDGE_KIND_STYLE } from "./traffic-edge";

interface Neighbour {
  node: GraphSummaryNode;
  edge: GraphSummaryEdge;
}

export function NodeDetailsPanel({
  workspaceId,
  graph,
  node,
  traffic,
  onSelect,
  onClose,
}: {
  workspaceId: string;
  graph: GraphSummary;
  node: GraphSummaryNode;
  traffic: NodeTraffic;
  onSelect: (nodeId: string) => void;
  onClose: () => void;
}) {
  const { upstream, downstream } = useMemo(() => {
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const up: Neighbour[] = [];
    const down: Neighbour[] = [];
    for (const edge of graph.edges) {
      if (edge.target === node.id) up.push({ node: byId.get(edge.source)!, edge });
      if (edge.source === node.id) down.push({ node: byId.get(edge.target)!, edge });
    }
    const busiest = (a: Neighbour, b: Neighbour) => b.edge.call_count - a.edge.call_count;
    return { upstream: up.sort(busiest), downstream: down.sort(busiest) };
  }, [graph, node.id]);
  const style = NODE_TYPE_STYLE[node.type];
  const errorRate = traffic.callsIn > 0 ? traffic.errorsIn / traffic.callsIn : 0;

  return (
    <aside
      aria-labelledby="node-details-title"
      className="absolute top-2 right-2 bottom-7 z-10 flex w-80 max-w-[calc(100%-1rem)] flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
      data-testid="node-details"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="flex items-start gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <span className={`mt-0.5 flex h-9 w-9 shrink-0 items-center justify-center rounded-md ${style.badge}`}>
          <NodeTypeIcon type={node.type} className="h-5 w-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id="node-details-title" tabIndex={-1} className="rounded-sm text-sm font-semibold break-words focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
            {node.label}
          </h2>
          <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
            <NodeTypeBadge type={node.type} />
            {node.type === "service" ? null : <span>of {node.service}</span>}
          </div>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close node details"
          className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          <svg viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
            <path d="M5 5l10 10M15 5L5 15" />
          </svg>
        </button>
      </div>

      <div className="flex-1 space-y-5 overflow-y-auto px-4 py-4">
        <dl className="grid grid-cols-3 gap-2 text-center">
          <Figure label="Calls in" value={formatCount(traffic.callsIn)} />
          <Figure label="Avg in" value={traffic.avgInMs === null ? "–" : formatDuration(traffic.avgInMs)} />
          <Figure label="Errors" value={traffic.errorsIn === 0 ? "0" : `${formatCount(traffic.errorsIn)} (${(errorRate * 100).toFixed(errorRate < 0.1 ? 1 : 0)}%)`} danger={traffic.errorsIn > 0} />
        </dl>

        <NodeFlows workspaceId={workspaceId} nodeId={node.id} />

        <NeighbourList title="Upstream" empty="Nothing calls this node." neighbours={upstream} onSelect={onSelect} />
        <NeighbourList title="Downstream" empty="This node calls nothing." neighbours={downstream} onSelect={onSelect} />
      </div>
    </aside>
  );
}

function Figure({ label, value, danger }: { label: string; value: string; danger?: boolean }) {
  return (
    <div className="rounded-md bg-zinc-50 px-2 py-2 dark:bg-zinc-800/60">
      <dt className="text-[10px] font-medium tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{label}</dt>
      <dd className={`mt-0.5 text-sm font-semibold tabular-nums ${danger ? "text-red-600 dark:text-red-400" : ""}`}>{value}</dd>
    </div>
  );
}

function NeighbourList({ title, empty, neighbours, onSelect }: { title: string; empty: string; neighbours: Neighbour[]; onSelect: (id: string) => void }) {
  const id = `neighbours-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        {title} <span className="font-normal tabular-nums">{neighbours.length}</span>
      </h3>
      {neighbours.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <ul className="space-y-0.5">
          {neighbours.map(({ node, edge }) => (
            <li key={edge.id}>
              <button
                type="button"
                onClick={() => onSelect(node.id)}
                className="flex w-full items-center gap-2 rounded px-1.5 py-1 text-left text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800"
              >
                <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${NODE_TYPE_STYLE[node.type].dot}`} />
                <span className="min-w-0 flex-1 truncate">{node.label}</span>
                <span className="shrink-0 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                  {plural(edge.call_count, EDGE_KIND_STYLE[edge.kind].noun[0], EDGE_KIND_STYLE[edge.kind].noun[1])}
                  {edge.error_count > 0 ? <span className="text-red-600 dark:text-red-400"> · {formatCount(edge.error_count)} err</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
