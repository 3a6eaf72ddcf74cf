"use client";

import { useMemo } from "react";
import { NodeCoverageNote } from "@/components/coverage/node-coverage-note";
import { NODE_TYPE_STYLE, NodeTypeBadge } from "@/components/ui/badges";
import { formatDuration } from "@/lib/format/format-time";
import { formatCount, plural } from "./format-count";
import { NodeFlows } from "./node-flows";
import { NodeTypeIcon } from "./node-type-icon";
import { countWords } from "./traffic-edge";
import type { ViewEdge, ViewGraph, ViewNode } from "./view-graph";

interface Neighbour {
  node: ViewNode;
  edge: ViewEdge;
}

export function NodeDetailsPanel({
  workspaceId,
  graph,
  node,
  onSelect,
  onClose,
}: {
  workspaceId: string;
  graph: ViewGraph;
  node: ViewNode;
  onSelect: (nodeId: string) => void;
  onClose: () => void;
}) {
  const { callers, callees } = useMemo(() => {
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const up: Neighbour[] = [];
    const down: Neighbour[] = [];
    for (const edge of graph.edges) {
      // A service serving its own endpoint is listed as its endpoints, not as a neighbour.
      if (edge.kinds.length === 1 && edge.kinds[0] === "exposes") continue;
      if (edge.target === node.id) up.push({ node: byId.get(edge.source)!, edge });
      if (edge.source === node.id) down.push({ node: byId.get(edge.target)!, edge });
    }
    const busiest = (a: Neighbour, b: Neighbour) => b.edge.call_count - a.edge.call_count || (a.node.label < b.node.label ? -1 : 1);
    return { callers: up.sort(busiest), callees: down.sort(busiest) };
  }, [graph, node.id]);
  const style = NODE_TYPE_STYLE[node.type];
  const { calls_in: callsIn, errors_in: errorsIn, p95_in_ms: p95, avg_in_ms: avg } = node.traffic;
  const errorRate = callsIn > 0 ? errorsIn / callsIn : 0;
  const isService = node.type === "service";

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
            {isService ? null : <span>of {node.service}</span>}
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
          <Figure label="Calls in" value={formatCount(callsIn)} />
          <Figure label={p95 !== null ? "P95 in" : "Avg in"} value={p95 !== null ? formatDuration(p95) : avg === null ? "–" : formatDuration(avg)} />
          <Figure label="Errors" value={errorsIn === 0 ? "0" : `${formatCount(errorsIn)} (${(errorRate * 100).toFixed(errorRate < 0.1 ? 1 : 0)}%)`} danger={errorsIn > 0} />
        </dl>

        {node.coverage ? <NodeCoverageNote workspaceId={workspaceId} mark={node.coverage} kind={isService ? "service" : "endpoint"} /> : null}

        <NeighbourList title="Callers" empty={isService && node.endpoints.length > 0 ? "No traced service calls it: its requests come from outside." : "Nothing traced calls this node."} neighbours={callers} side="source" onSelect={onSelect} />
        <NeighbourList title="Callees" empty="This node calls nothing." neighbours={callees} side="target" onSelect={onSelect} />

        {isService ? <EndpointRows node={node} view={graph.view} onSelect={onSelect} /> : null}

        <NodeFlows workspaceId={workspaceId} nodeId={node.id} service={isService ? node.label : null} />
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

function EndpointRows({ node, view, onSelect }: { node: ViewNode; view: ViewGraph["view"]; onSelect: (id: string) => void }) {
  return (
    <section aria-labelledby="node-endpoints-title">
      <h3 id="node-endpoints-title" className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        Endpoints <span className="font-normal tabular-nums">{node.endpoints.length}</span>
      </h3>
      {node.endpoints.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No route seen in its spans.</p>
      ) : (
        <ul className="space-y-0.5" data-testid="panel-endpoints">
          {node.endpoints.map((endpoint) => {
            const body = (
              <>
                <span className="min-w-0 flex-1 truncate font-mono text-xs">{endpoint.label}</span>
                <span className="shrink-0 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                  {formatCount(endpoint.call_count)}
                  {endpoint.p95_duration_ms !== null ? ` · p95 ${formatDuration(endpoint.p95_duration_ms)}` : ""}
                  {endpoint.error_count > 0 ? <span className="text-red-600 dark:text-red-400"> · {formatCount(endpoint.error_count)} err</span> : null}
                </span>
              </>
            );
            return (
              <li key={endpoint.id}>
                {view === "endpoint" ? (
                  <button type="button" onClick={() => onSelect(endpoint.id)} className="flex w-full items-center gap-2 rounded px-1.5 py-1 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800">
                    {body}
                  </button>
                ) : (
                  <div className="flex items-center gap-2 px-1.5 py-1">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function NeighbourList({ title, empty, neighbours, side, onSelect }: { title: string; empty: string; neighbours: Neighbour[]; side: "source" | "target"; onSelect: (id: string) => void }) {
  const id = `neighbours-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        {title} <span className="font-normal tabular-nums">{neighbours.length}</span>
      </h3>
      {neighbours.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <ul className="space-y-0.5" data-testid={`node-${title.toLowerCase()}`}>
          {neighbours.map(({ node, edge }) => (
            <li key={`${edge.id}-${side}`}>
              <button
                type="button"
                onClick={() => onSelect(node.id)}
                className="flex w-full items-start gap-2 rounded px-1.5 py-1 text-left text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800"
              >
                <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${NODE_TYPE_STYLE[node.type].dot}`} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate">{node.label}</span>
                  <span className="block text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                    {countWords(edge.call_count, edge.kinds)}
                    {edge.p95_duration_ms !== null ? ` · p95 ${formatDuration(edge.p95_duration_ms)}` : ""}
                    {edge.error_count > 0 ? <span className="font-semibold text-red-600 dark:text-red-400"> · {plural(edge.error_count, "error", "errors")}</span> : null}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
