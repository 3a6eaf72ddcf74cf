"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRowNavigation } from "@/components/flows/use-row-navigation";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton, StaleDataNotice } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { TraceSearchResponse } from "@/lib/api/traces.schemas";
import { SendTracesHint } from "./send-traces-hint";
import { TraceFilters } from "./trace-filters";
import { traceHref } from "./trace-links";
import { TraceList } from "./trace-list";
import { hasTraceFilters, tracesApiQuery } from "./trace-list-params";
import { TracePager } from "./trace-pager";
import { useRootServices } from "./use-root-services";
import { useTraceListParams } from "./use-trace-list-params";

const POLL_MS = 5_000;

export function TracesView({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const { params, update } = useTraceListParams();
  const [live, setLive] = useState(true);
  const query = useQuery({
    queryKey: queryKeys.traces(workspaceId, { ...params }),
    queryFn: () => fetchJson<TraceSearchResponse>(workspaceApi(workspaceId, `/telemetry/traces${tracesApiQuery(params)}`)),
    refetchInterval: live ? POLL_MS : false,
    // Filtering and paging keep the old rows on screen (dimmed) instead of flashing skeletons.
    placeholderData: keepPreviousData,
  });
  const services = useRootServices(workspaceId, params.service);
  useRowNavigation("[data-trace-link]");

  const data = query.data;
  const noTracesAtAll = data !== undefined && !query.isPlaceholderData && data.traces.length === 0 && params.page === 1 && !hasTraceFilters(params);
  if (noTracesAtAll) return <SendTracesHint workspaceId={workspaceId} />;

  const clearFilters = () => update({ traceId: "", service: "", errorsOnly: false });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <TraceFilters params={params} services={services} onChange={update} onOpen={(traceId) => router.push(traceHref(workspaceId, traceId))} />
        <div className="flex h-9 items-center gap-3">
          <p className="hidden text-xs text-zinc-500 xl:block dark:text-zinc-400">
            <Kbd>j</Kbd> <Kbd>k</Kbd> to move · <Kbd>Enter</Kbd> to open · <Kbd>/</Kbd> to search
          </p>
          <Button size="sm" variant="ghost" aria-pressed={live} onClick={() => setLive((l) => !l)} title={live ? `Refreshing every ${POLL_MS / 1000} s` : "Not refreshing"}>
            <span aria-hidden className={`h-2 w-2 rounded-full ${live ? "animate-pulse bg-emerald-500" : "bg-zinc-400"}`} />
            {live ? "Live" : "Paused"}
          </Button>
        </div>
      </div>

      {query.isError && data ? (
        <StaleDataNotice what="traces" error={query.error} onRetry={() => query.refetch()} />
      ) : null}

      {data === undefined || (query.isPlaceholderData && data.traces.length === 0) ? (
        query.isError ? (
          <ErrorState what="traces" error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <Skeleton label="Loading traces" rows={8} className="h-12" />
        )
      ) : data.traces.length === 0 && params.page === 1 && params.traceId ? (
        <EmptyState title="No trace with this id" id="no-such-trace">
          <p>
            <code className="break-all">{params.traceId}</code> is not among this workspace&apos;s traces
            {params.service || params.errorsOnly ? " with these filters" : ""}. Its spans may still be on their way, belong to another workspace, or be older than the retention
            period.
          </p>
          <Button size="sm" onClick={clearFilters}>
            Show all traces
          </Button>
        </EmptyState>
      ) : data.traces.length === 0 && params.page === 1 ? (
        <EmptyState title="No traces match these filters" id="no-matching-traces">
          <p>{params.errorsOnly ? "No failing traces" : "No traces"}{params.service ? ` entered through ${params.service}` : ""} among the recent ones.</p>
          <Button size="sm" onClick={clearFilters}>
            Clear filters
          </Button>
        </EmptyState>
      ) : data.traces.length === 0 ? (
        <EmptyState title="No traces on this page" id="page-past-end">
          <p>The list got shorter since this page was opened.</p>
          <Button size="sm" onClick={() => update({ page: 1 })}>
            Go to the first page
          </Button>
        </EmptyState>
      ) : (
        <>
          <TraceList workspaceId={workspaceId} traces={data.traces} busy={query.isPlaceholderData} />
          <TracePager page={params.page} shown={data.traces.length} total={data.total} hasMore={data.has_more} onPage={(page) => update({ page })} />
        </>
      )}
    </div>
  );
}

function Kbd({ children }: { children: string }) {
  return <kbd className="rounded border border-zinc-300 px-1 font-sans text-[10px] dark:border-zinc-700">{children}</kbd>;
}
