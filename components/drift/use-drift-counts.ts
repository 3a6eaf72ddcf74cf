"use client";

import { useQueries } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { useHydrated } from "@/lib/ui/use-hydrated";
import { DRIFT_TABS, type DriftTab } from "./drift-labels";

/**
 * How many alerts each state holds, for the tab badges. The open count uses the sidebar
 * badge's query key, so both always show the same number from one request. That count can be
 * in the cache before the page hydrates (the sidebar hydrates first and asks for it): counts
 * wait for hydration, or the tabs would differ from the server's HTML.
 */
export function useDriftCounts(workspaceId: string): Partial<Record<DriftTab, number>> {
  const hydrated = useHydrated();
  const results = useQueries({
    queries: DRIFT_TABS.map((state) => ({
      queryKey: queryKeys.drift(workspaceId, { state, limit: 1 }),
      queryFn: () => fetchJson<{ total: number }>(workspaceApi(workspaceId, `/telemetry/drift?state=${state}&limit=1`)),
      refetchInterval: 15_000,
    })),
  });
  const counts: Partial<Record<DriftTab, number>> = {};
  if (!hydrated) return counts;
  DRIFT_TABS.forEach((state, i) => {
    const total = results[i].data?.total;
    if (total !== undefined) counts[state] = total;
  });
  return counts;
}
