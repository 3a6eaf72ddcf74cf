"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { TraceSummaryView } from "@/lib/api/traces.schemas";
import { formatCount } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { traceHref } from "./trace-links";
import { RelativeTime } from "@/components/ui/relative-time";

const CELL = "px-3 py-2.5 first:pl-4 last:pr-4";

/** One page of trace summaries; each row opens its trace. */
export function TraceList({ workspaceId, traces, busy }: { workspaceId: string; traces: TraceSummaryView[]; busy: boolean }) {
  const router = useRouter();
  const longest = Math.max(...traces.map((t) => t.duration_ms), 0);
  return (
    <div className={`overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm transition-opacity dark:border-zinc-800 dark:bg-zinc-900 ${busy ? "opacity-60" : ""}`} aria-busy={busy}>
      <table className="w-full text-left text-sm" data-testid="trace-table">
        <caption className="sr-only">Traces, newest first</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50/80 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className={`${CELL} py-2 font-medium`}>Root operation</th>
            <th scope="col" className={`${CELL} py-2 font-medium`}>Services</th>
            <th scope="col" className={`${CELL} py-2 text-right font-medium`}>Spans</th>
            <th scope="col" className={`${CELL} py-2 text-right font-medium`}>Duration</th>
            <th scope="col" className={`${CELL} py-2 font-medium`}>Started</th>
            <th scope="col" className={`${CELL} py-2 font-medium`}>Trace ID</th>
          </tr>
        </thead>
        <tbody>
          {traces.map((trace) => {
            const href = traceHref(workspaceId, trace.trace_id);
            return (
              <tr
                key={trace.trace_id}
                data-testid="trace-row"
                data-trace-id={trace.trace_id}
                onClick={(e) => {
                  // The whole row opens the trace for a mouse; keyboards use the operation's link.
                  if ((e.target as HTMLElement).closest("a, button") || window.getSelection()?.toString()) return;
                  router.push(href);
                }}
                className="group cursor-pointer border-b border-zinc-100 last:border-0 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-800/40"
              >
                <td className={`${CELL} max-w-md min-w-56`}>
                  <div className="flex items-center gap-2">
                    {trace.in_progress ? (
                      <span
                        className="shrink-0 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-800 dark:bg-sky-950 dark:text-sky-300"
                        title="Spans are still arriving; the root span, which ends last, has not yet"
                        data-testid="trace-in-progress"
                      >
                        in progress
                      </span>
                    ) : null}
                    {trace.has_error ? (
                      <span
                        className="shrink-0 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-700 dark:bg-red-950 dark:text-red-300"
                        title={`${trace.error_count} error ${trace.error_count === 1 ? "span" : "spans"}`}
                      >
                        error
                      </span>
                    ) : null}
                    <Link
                      href={href}
                      data-trace-link
                      className="truncate font-medium text-zinc-900 group-hover:text-indigo-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-100 dark:group-hover:text-indigo-300"
                    >
                      {trace.root_operation ?? <em className="font-normal text-zinc-500 dark:text-zinc-400">{trace.in_progress ? "waiting for the root span" : "root span not received"}</em>}
                    </Link>
                  </div>
                  <div className="mt-0.5 truncate text-xs text-zinc-500 dark:text-zinc-400">
                    {trace.root_service ?? (trace.in_progress ? `so far: ${trace.services.join(", ")}` : "root service unknown")}
                  </div>
                </td>
                <td className={CELL}>
                  <ul className="flex flex-wrap gap-1" aria-label="Services">
                    {trace.services.map((service) => (
                      <li key={service} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                        {service}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className={`${CELL} text-right tabular-nums`}>{formatCount(trace.span_count)}</td>
                <td className={`${CELL} text-right whitespace-nowrap tabular-nums`}>
                  {formatDuration(trace.duration_ms)}
                  <div aria-hidden className="mt-1 ml-auto h-1 w-20 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
                    <div className={`ml-auto h-full rounded-full ${trace.has_error ? "bg-red-400" : "bg-indigo-400"}`} style={{ width: `${longest > 0 ? Math.max(4, (trace.duration_ms / longest) * 100) : 0}%` }} />
                  </div>
                </td>
                <td className={`${CELL} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                  <RelativeTime iso={trace.start_time} />
                </td>
                <td className={`${CELL} font-mono text-xs text-zinc-500 dark:text-zinc-400`} title={trace.trace_id}>
                  {trace.trace_id.slice(0, 16)}…
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
