"use client";

import { useQueries } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { DRIFT_TABS, type DriftTab } from "./drift-labels";

/**
 * How many alerts each state holds, for the tab badges. The open count uses the sidebar
 * badge's query key, so both always show the same number from one request.
 */
export function useDriftCounts(workspaceId: string): Partial<Record<DriftTab, number>> {
  const results = useQueries({
    queries: DRIFT_TABS.map((state) => ({
      queryKey: queryKeys.drift(workspaceId, { state, limit: 1 }),
      queryFn: () => fetchJson<{ total: number }>(workspaceApi(workspaceId, `/telemetry/drift?state=${state}&limit=1`)),
      refetchInterval: 15_000,
    })),
  });
  const counts: Partial<Record<DriftTab, number>> = {};
  DRIFT_TABS.forEach((state, i) => {
    const total = results[i].data?.total;
    if (total !== undefined) counts[state] = total;
  });
  return counts;
}
