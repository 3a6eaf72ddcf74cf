"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { DriftMark, RiskBadge } from "@/components/ui/badges";
import { formatCount, formatPercent, formatScore } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { errorTone } from "./error-tone";
import { driftAlertHref, flowExportHref, flowHref } from "./flow-links";
import { defaultOrder, type FlowListParams, type FlowSortKey } from "./flow-list-params";
import { FlowName } from "./flow-name";
import { FlowPathSummary } from "./flow-path-summary";
import type { FlowView } from "./flow-types";
import { RelativeTime } from "@/components/ui/relative-time";

const COLUMNS: { key: FlowSortKey; label: string; numeric?: boolean; className?: string }[] = [
  { key: "risk_score", label: "Risk" },
  // The flow column takes the width the others leave, and its text truncates.
  { key: "name", label: "Flow", className: "w-full" },
  { key: "entry", label: "Entry point" },
  { key: "occurrence_count", label: "Occurrences", numeric: true },
  { key: "avg_duration_ms", label: "Avg", numeric: true },
  { key: "p95_duration_ms", label: "P95", numeric: true },
  { key: "error_rate", label: "Error rate", numeric: true },
  { key: "drifted", label: "Drift" },
  { key: "last_seen_at", label: "Last seen" },
];

const CELL = "px-2 py-2.5 first:pl-4 last:pr-4";
const HEAD_CELL = "px-2 py-2 first:pl-4 last:pr-4";

export function FlowTable({
  workspaceId,
  flows,
  total,
  params,
  onSort,
  busy,
}: {
  workspaceId: string;
  flows: FlowView[];
  total: number;
  params: FlowListParams;
  onSort: (sort: FlowSortKey, order: FlowListParams["order"]) => void;
  busy: boolean;
}) {
  const router = useRouter();
  const sortedBy = COLUMNS.find((c) => c.key === params.sort)!;
  return (
    <div className={`relative overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm transition-opacity dark:border-zinc-800 dark:bg-zinc-900 ${busy ? "opacity-60" : ""}`} aria-busy={busy}>
      <table className="w-full text-left text-sm" data-testid="flow-table">
        <caption className="sr-only">
          Flows, {total} in total, sorted by {sortedBy.label.toLowerCase()} {params.order === "asc" ? "ascending" : "descending"}
        </caption>
        <thead className="border-b border-zinc-200 bg-zinc-50/80 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {COLUMNS.map((column) => {
              const active = params.sort === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (params.order === "asc" ? "ascending" : "descending") : undefined}
                  className={`${HEAD_CELL} font-medium whitespace-nowrap ${column.numeric ? "text-right" : ""} ${column.className ?? ""}`}
                >
                  <button
                    type="button"
                    onClick={() => onSort(column.key, active ? (params.order === "asc" ? "desc" : "asc") : defaultOrder(column.key))}
                    className={`group/sort -mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-zinc-100 ${
                      column.numeric ? "flex-row-reverse" : ""
                    } ${active ? "text-zinc-900 dark:text-zinc-100" : ""}`}
                  >
                    {column.label}
                    <SortArrow state={active ? params.order : null} />
                  </button>
                </th>
              );
            })}
            <th scope="col" className={HEAD_CELL}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {flows.map((flow) => (
            <tr
              key={flow.id}
              data-testid="flow-row"
              data-flow-id={flow.id}
              onClick={(e) => {
                // The whole row opens the flow for a mouse; keyboards use the name's link.
                if ((e.target as HTMLElement).closest("a, button") || window.getSelection()?.toString()) return;
                router.push(flowHref(workspaceId, flow.id));
              }}
              className="group cursor-pointer border-b border-zinc-100 last:border-0 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-800/40"
            >
              <td className={CELL}>
                <span title={`Risk score ${flow.risk_score.toFixed(3)}`}>
                  <RiskBadge level={flow.risk_level} />
                  <span className="sr-only"> {formatScore(flow.risk_score)}</span>
                </span>
              </td>
              <td className={`${CELL} max-w-0 min-w-52`}>
                <Link
                  href={flowHref(workspaceId, flow.id)}
                  data-flow-link
                  title={flow.name}
                  className="block font-medium text-zinc-900 group-hover:text-indigo-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-100 dark:group-hover:text-indigo-300"
                >
                  <FlowName flow={flow} stacked />
                </Link>
                <FlowPathSummary path={flow.path} className="mt-0.5" />
              </td>
              <td className={CELL}>
                <div className="max-w-48 whitespace-nowrap">
                  <div className="truncate text-zinc-900 dark:text-zinc-100">{flow.entry_service}</div>
                  <div className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400" title={flow.entry_operation}>
                    {flow.entry_operation}
                  </div>
                </div>
              </td>
              <td className={`${CELL} text-right tabular-nums`}>{formatCount(flow.occurrence_count)}</td>
              <td className={`${CELL} text-right whitespace-nowrap tabular-nums`}>{formatDuration(flow.avg_duration_ms)}</td>
              <td className={`${CELL} text-right whitespace-nowrap tabular-nums`}>{formatDuration(flow.p95_duration_ms)}</td>
              <td className={`${CELL} text-right tabular-nums ${errorTone(flow.error_rate)}`}>{formatPercent(flow.error_rate)}</td>
              <td className={CELL}>
                {flow.drift_details ? (
                  <Link href={driftAlertHref(workspaceId, flow.drift_details.alert_id)} aria-label={`Drifted: open the drift alert of ${flow.name}`} className="rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
                    <DriftMark />
                  </Link>
                ) : (
                  <>
                    <span aria-hidden className="text-zinc-400 dark:text-zinc-500">
                      –
                    </span>
                    <span className="sr-only">Not drifted</span>
                  </>
                )}
              </td>
              <td className={`${CELL} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                <RelativeTime iso={flow.last_seen_at} />
              </td>
              <td className={`${CELL} text-right`}>
                <Link
                  href={flowExportHref(workspaceId, flow.id)}
                  aria-label={`Export ${flow.name}`}
                  title="Export as a test"
                  className="rounded px-1 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300 dark:hover:bg-indigo-950/60"
                >
                  Export
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortArrow({ state }: { state: "asc" | "desc" | null }) {
  return (
    <svg aria-hidden viewBox="0 0 12 12" className={`h-3 w-3 shrink-0 ${state ? "opacity-100" : "opacity-0 group-hover/sort:opacity-40 group-focus-visible/sort:opacity-40"}`} fill="currentColor">
      {state === "asc" ? <path d="M6 3 10 8H2z" /> : <path d="M6 9 2 4h8z" />}
    </svg>
  );
}
