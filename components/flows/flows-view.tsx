"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { SendTracesHint } from "@/components/traces/send-traces-hint";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton, StaleDataNotice } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { FlowFilters } from "./flow-filters";
import { flowsApiQuery, hasFilters, writeFlowListParams, type FlowListParams } from "./flow-list-params";
import { FlowPager } from "./flow-pager";
import { FlowTable } from "./flow-table";
import type { FlowList } from "./flow-types";
import { useEntryServices } from "./use-entry-services";
import { useFlowListParams } from "./use-flow-list-params";
import { useRowNavigation } from "./use-row-navigation";

export function FlowsView({ workspaceId, initial }: { workspaceId: string; initial?: { params: FlowListParams; data: FlowList } }) {
  const { params, update } = useFlowListParams();
  const query = useQuery({
    queryKey: queryKeys.flows(workspaceId, { ...params }),
    // The page the server rendered, while the URL still asks for it.
    initialData: initial && writeFlowListParams(initial.params) === writeFlowListParams(params) ? initial.data : undefined,
    queryFn: () => fetchJson<FlowList>(workspaceApi(workspaceId, `/telemetry/flows${flowsApiQuery(params)}`)),
    refetchInterval: 10_000,
    // Paging and sorting keep the old rows on screen (dimmed) instead of flashing skeletons.
    placeholderData: keepPreviousData,
  });
  const services = useEntryServices(workspaceId, [params.service, ...(query.data?.flows.map((f) => f.entry_service) ?? [])]);
  useRowNavigation("[data-flow-link]");

  const data = query.data;
  const noFlowsAtAll = data !== undefined && !query.isPlaceholderData && data.total === 0 && !hasFilters(params);
  if (noFlowsAtAll) return <SendTracesHint workspaceId={workspaceId} title="No flows yet" />;

  const clearFilters = () => update({ q: "", service: "", driftedOnly: false });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <FlowFilters params={params} services={services} onChange={update} />
        <p className="hidden text-xs text-zinc-500 xl:block dark:text-zinc-400">
          <Kbd>j</Kbd> <Kbd>k</Kbd> to move · <Kbd>Enter</Kbd> to open · <Kbd>/</Kbd> to search
        </p>
      </div>

      {query.isError && data ? (
        <StaleDataNotice what="flows" error={query.error} onRetry={() => query.refetch()} />
      ) : null}

      {data === undefined || (query.isPlaceholderData && data.total === 0) ? (
        query.isError ? (
          <ErrorState what="flows" error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <Skeleton label="Loading flows" rows={8} className="h-12" />
        )
      ) : data.total === 0 ? (
        <EmptyState title="No flows match these filters" id="no-matching-flows">
          <p>Try another search or service, or include flows that have not drifted.</p>
          <Button size="sm" onClick={clearFilters}>
            Clear filters
          </Button>
        </EmptyState>
      ) : data.flows.length === 0 ? (
        <EmptyState title="No flows on this page" id="page-past-end">
          <p>The list got shorter since this page was opened.</p>
          <Button size="sm" onClick={() => update({ page: 1 })}>
            Go to the first page
          </Button>
        </EmptyState>
      ) : (
        <>
          <FlowTable
            workspaceId={workspaceId}
            flows={data.flows}
            total={data.total}
            params={params}
            busy={query.isPlaceholderData}
            onSort={(sort, order) => update({ sort, order, page: 1 })}
          />
          <FlowPager page={params.page} shown={data.flows.length} total={data.total} onPage={(page) => update({ page })} />
        </>
      )}
    </div>
  );
}

function Kbd({ children }: { children: string }) {
  return <kbd className="rounded border border-zinc-300 bg-white px-1 font-sans text-[11px] dark:border-zinc-700 dark:bg-zinc-900">{children}</kbd>;
}
