"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRowNavigation } from "@/components/flows/use-row-navigation";
import { requestJson } from "@/components/settings/request-json";
import { Button } from "@/components/ui/button";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { TraceSearchResponse } from "@/lib/api/traces.schemas";
import { SendTracesHint } from "./send-traces-hint";
import { TraceFilters } from "./trace-filters";
import { traceHref } from "./trace-links";
import { hasTraceFilters, tracesApiQuery, writeTraceListParams } from "./trace-list-params";
import { TraceResults } from "./trace-results";
import { isRefusal, traceSearchFieldErrors } from "./trace-search-field-errors";
import { TraceSearchInput } from "./trace-search-input";
import { useSearchServices, useServiceOperations } from "./use-search-services";
import { useTraceListParams } from "./use-trace-list-params";

const POLL_MS = 5_000;

export function TracesView({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const { params, update } = useTraceListParams();
  const [live, setLive] = useState(true);
  const query = useQuery({
    // The URL's query, not the API's: `since` becomes `from` at each fetch, so polling slides the range.
    queryKey: queryKeys.traces(workspaceId, { query: writeTraceListParams(params) }),
    queryFn: () => requestJson<TraceSearchResponse>(workspaceApi(workspaceId, `/telemetry/traces${tracesApiQuery(params, Date.now())}`)),
    refetchInterval: (q) => (live && !isRefusal(q.state.error) ? POLL_MS : false),
    retry: (count, error) => !isRefusal(error) && count < 1,
    // Filtering and paging keep the old rows on screen (dimmed) instead of flashing skeletons.
    placeholderData: keepPreviousData,
  });
  const services = useSearchServices(workspaceId, params.service);
  const operations = useServiceOperations(workspaceId, params.service);
  const fieldErrors = traceSearchFieldErrors(query.error);
  useRowNavigation("[data-trace-link]");

  const data = query.data;
  const noTracesAtAll = data !== undefined && !query.isPlaceholderData && data.traces.length === 0 && params.page === 1 && !hasTraceFilters(params);
  if (noTracesAtAll) return <SendTracesHint workspaceId={workspaceId} />;

  return (
    <div className="space-y-3">
      <div role="search" aria-label="Search traces" className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <TraceSearchInput value={params.traceId} onSearch={(traceId) => update({ traceId }, { replace: true })} onOpen={(traceId) => router.push(traceHref(workspaceId, traceId))} />
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
        <TraceFilters params={params} services={services} operations={operations} errors={fieldErrors} onChange={update} />
      </div>
      <TraceResults workspaceId={workspaceId} params={params} query={query} refused={Object.keys(fieldErrors).length > 0} update={update} />
    </div>
  );
}

function Kbd({ children }: { children: string }) {
  return <kbd className="rounded border border-zinc-300 px-1 font-sans text-[10px] dark:border-zinc-700">{children}</kbd>;
}
