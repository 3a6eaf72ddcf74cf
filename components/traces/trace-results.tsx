"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton, StaleDataNotice } from "@/components/ui/states";
import type { TraceSearchResponse } from "@/lib/api/traces.schemas";
import { SearchedBackNotice } from "./searched-back-notice";
import { hasTraceFilters, NO_TRACE_FILTERS, type TraceListParams } from "./trace-list-params";
import { TraceList } from "./trace-list";
import { TracePager } from "./trace-pager";
import { traceTimeRange } from "./trace-time-ranges";

// recharts is most of a chart's weight and the list needs none of it: the scatter loads beside
// the first rows instead of before them, in a box of its own height so nothing moves.
const TraceScatter = dynamic(() => import("./trace-scatter").then((m) => m.TraceScatter), {
  ssr: false,
  loading: () => <div aria-hidden className="h-[13.5rem] rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900" />,
});

/** What the search found: the scatter, the rows, paging, or why there is nothing to show. */
export function TraceResults({
  workspaceId,
  params,
  query,
  refused,
  update,
}: {
  workspaceId: string;
  params: TraceListParams;
  query: UseQueryResult<TraceSearchResponse>;
  /** The server refused a filter's value; the query bar shows why, at that field. */
  refused: boolean;
  update: (patch: Partial<TraceListParams>) => void;
}) {
  const data = query.data;
  const clearFilters = () => update({ ...NO_TRACE_FILTERS, attrs: [] });
  const searchFurther = data?.searched_back_to ? <SearchedBackNotice searchedBackTo={data.searched_back_to} onSearchFurther={() => update({ to: data.searched_back_to ?? "" })} /> : null;
  const range = traceTimeRange(params.since);

  if (refused && query.isError) {
    return (
      <EmptyState title="This search cannot run" id="refused-search">
        <p>A filter above has a value the search does not accept; its reason is shown beside it. Change or remove it to search.</p>
        <Button size="sm" onClick={clearFilters}>
          Clear filters
        </Button>
      </EmptyState>
    );
  }
  const stale = query.isError && data ? <StaleDataNotice what="traces" error={query.error} onRetry={() => query.refetch()} /> : null;
  if (data === undefined || (query.isPlaceholderData && data.traces.length === 0)) {
    return query.isError ? <ErrorState what="traces" error={query.error} onRetry={() => query.refetch()} /> : <Skeleton label="Loading traces" rows={8} className="h-12" />;
  }
  if (data.traces.length === 0 && params.page === 1 && params.traceId) {
    return (
      <EmptyState title="No trace with this id" id="no-such-trace">
        <p>
          <code className="break-all">{params.traceId}</code> is not among this workspace&apos;s traces
          {hasTraceFilters({ ...params, traceId: "" }) ? " with these filters" : ""}. Its spans may still be on their way, belong to another workspace, or be older than the retention
          period.
        </p>
        <Button size="sm" onClick={clearFilters}>
          Show all traces
        </Button>
      </EmptyState>
    );
  }
  if (data.traces.length === 0 && params.page === 1) {
    return (
      <div className="space-y-3">
        {stale}
        <EmptyState title="No traces match these filters" id="no-matching-traces">
          <p>
            No trace{range ? ` that started in the ${range.label.toLowerCase()}` : ""}
            {params.to ? " before the time searched back to" : ""} meets every filter above.
          </p>
          <Button size="sm" onClick={clearFilters}>
            Clear filters
          </Button>
        </EmptyState>
        {searchFurther}
      </div>
    );
  }
  if (data.traces.length === 0) {
    return (
      <EmptyState title="No traces on this page" id="page-past-end">
        <p>The list got shorter since this page was opened.</p>
        <Button size="sm" onClick={() => update({ page: 1 })}>
          Go to the first page
        </Button>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      {stale}
      <TraceScatter workspaceId={workspaceId} traces={data.traces} busy={query.isPlaceholderData} />
      <TraceList workspaceId={workspaceId} traces={data.traces} busy={query.isPlaceholderData} />
      <TracePager page={params.page} shown={data.traces.length} total={data.total} hasMore={data.has_more} onPage={(page) => update({ page })} />
      {searchFurther}
    </div>
  );
}
