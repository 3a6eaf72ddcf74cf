"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/api/query-keys";
import type { TraceSummaryView } from "@/lib/store/trace-queries";
import { formatDuration, formatRelativeTime } from "@/lib/format/format-time";
import { SendTracesHint } from "./send-traces-hint";

interface TracesResponse {
  traces: TraceSummaryView[];
  total: number;
}

export function TraceList({ workspaceId }: { workspaceId: string }) {
  const query = useQuery({
    queryKey: queryKeys.traces(workspaceId),
    queryFn: () => fetchJson<TracesResponse>(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/telemetry/traces?limit=100`),
    refetchInterval: 3_000,
  });

  if (query.isPending) {
    return (
      <div className="space-y-2" aria-busy="true" aria-label="Loading traces">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-10 animate-pulse rounded-md bg-zinc-200/70 dark:bg-zinc-800" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
        <p>Could not load traces: {query.error.message}</p>
        <button type="button" onClick={() => query.refetch()} className="mt-2 rounded-md bg-red-600 px-3 py-1 text-white hover:bg-red-700">
          Retry
        </button>
      </div>
    );
  }
  if (query.data.traces.length === 0) return <SendTracesHint workspaceId={workspaceId} />;

  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm" data-testid="trace-table">
        <caption className="sr-only">Recent traces, {query.data.total} in total</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-2">Root operation</th>
            <th scope="col" className="px-4 py-2">Services</th>
            <th scope="col" className="px-4 py-2 text-right">Spans</th>
            <th scope="col" className="px-4 py-2 text-right">Duration</th>
            <th scope="col" className="px-4 py-2">Started</th>
            <th scope="col" className="px-4 py-2">Trace ID</th>
          </tr>
        </thead>
        <tbody>
          {query.data.traces.map((trace) => (
            <tr key={trace.trace_id} data-testid="trace-row" data-trace-id={trace.trace_id} className="border-b border-zinc-100 last:border-0 hover:bg-zinc-50 dark:border-zinc-800/60 dark:hover:bg-zinc-800/40">
              <td className="px-4 py-2">
                <div className="flex items-center gap-2">
                  {trace.has_error ? (
                    <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-700 dark:bg-red-950 dark:text-red-300" title={`${trace.error_count} error spans`}>
                      error
                    </span>
                  ) : null}
                  <span className="font-medium">{trace.root_operation ?? <em className="text-zinc-400">root not received</em>}</span>
                </div>
                <div className="text-xs text-zinc-500 dark:text-zinc-400">{trace.root_service ?? ""}</div>
              </td>
              <td className="px-4 py-2">
                <div className="flex flex-wrap gap-1">
                  {trace.services.map((service) => (
                    <span key={service} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                      {service}
                    </span>
                  ))}
                </div>
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{trace.span_count}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatDuration(trace.duration_ms)}</td>
              <td className="px-4 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400" title={trace.start_time}>
                {formatRelativeTime(trace.start_time)}
              </td>
              <td className="px-4 py-2 font-mono text-xs text-zinc-500">{trace.trace_id.slice(0, 16)}…</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
