"use client";

import { useMemo, useState } from "react";
import { NodeTypeBadge } from "@/components/ui/badges";
import { formatDuration } from "@/lib/format/format-time";
import { formatCount } from "./format-count";
import type { ViewNode } from "./view-graph";

type SortKey = "name" | "calls" | "errors";

const TYPE_ORDER = { service: 0, api_endpoint: 1, database: 2, topic: 3 } as const;

/**
 * Every node as a table row: the keyboard and screen-reader way through the graph (the canvas
 * renders only what is on screen), and the quickest way to find the busiest or failing node.
 */
export function NodeTable({
  nodes,
  total,
  selectedId,
  onPick,
}: {
  nodes: ViewNode[];
  total: number;
  selectedId: string | null;
  onPick: (nodeId: string) => void;
}) {
  const [sort, setSort] = useState<SortKey>("name");
  const sorted = useMemo(() => {
    const byName = (a: ViewNode, b: ViewNode) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.label.localeCompare(b.label);
    return [...nodes].sort((a, b) =>
      sort === "calls" ? b.traffic.calls_in - a.traffic.calls_in || byName(a, b) : sort === "errors" ? b.traffic.errors_in - a.traffic.errors_in || byName(a, b) : byName(a, b),
    );
  }, [nodes, sort]);

  const header = (key: SortKey, label: string, align = "text-left") => (
    <th scope="col" aria-sort={sort === key ? (key === "name" ? "ascending" : "descending") : "none"} className={`px-3 py-2 font-medium ${align}`}>
      <button type="button" onClick={() => setSort(key)} className="relative inline-flex items-center rounded uppercase hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-zinc-100">
        {label}
        {/* Outside the flow, so right-aligned headers stay aligned with their numbers. */}
        {sort === key ? (
          <span aria-hidden className={`absolute ${align === "text-right" ? "-left-3.5" : "-right-3.5"}`}>
            {key === "name" ? "↑" : "↓"}
          </span>
        ) : null}
      </button>
    </th>
  );

  return (
    <div className="max-h-[28rem] overflow-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm" data-testid="node-table">
        <caption className="sr-only">
          Graph nodes, {nodes.length} of {total} shown. Choose a node to see the flows through it.
        </caption>
        <thead className="sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {header("name", "Node")}
            <th scope="col" className="px-3 py-2 font-medium uppercase">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-medium uppercase">
              Service
            </th>
            {header("calls", "Calls in", "text-right")}
            <th scope="col" className="px-3 py-2 text-right font-medium uppercase">
              P95
            </th>
            {header("errors", "Errors", "text-right")}
          </tr>
        </thead>
        <tbody>
          {sorted.map((node) => {
            const t = node.traffic;
            const selected = node.id === selectedId;
            return (
              <tr key={node.id} className={`border-b border-zinc-100 last:border-0 dark:border-zinc-800/60 ${selected ? "bg-indigo-50 dark:bg-indigo-950/40" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/40"}`}>
                <td className="max-w-[22rem] px-3 py-1.5">
                  <button
                    type="button"
                    onClick={() => onPick(node.id)}
                    aria-current={selected ? "true" : undefined}
                    className="block max-w-full truncate rounded text-left font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
                    data-node-id={node.id}
                  >
                    {node.label}
                  </button>
                </td>
                <td className="px-3 py-1.5">
                  <NodeTypeBadge type={node.type} />
                </td>
                <td className="px-3 py-1.5 text-zinc-600 dark:text-zinc-400">{node.service}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatCount(t.calls_in)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums text-zinc-600 dark:text-zinc-400">{t.p95_in_ms === null ? "–" : formatDuration(t.p95_in_ms)}</td>
                <td className={`px-3 py-1.5 text-right tabular-nums ${t.errors_in > 0 ? "font-semibold text-red-600 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400"}`}>{formatCount(t.errors_in)}</td>
              </tr>
            );
          })}
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-6 text-center text-zinc-600 dark:text-zinc-400">
                No node matches the search.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
