"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CoverageResponse } from "@/lib/api/coverage.schemas";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";

/** The coverage page and the service graph's marks share it; null: the workspace's window. */
export function useCoverage(workspaceId: string, windowDays: number | null = null) {
  return useQuery({
    queryKey: queryKeys.coverage(workspaceId, windowDays),
    queryFn: () => fetchJson<CoverageResponse>(workspaceApi(workspaceId, `/telemetry/coverage${windowDays === null ? "" : `?window_days=${windowDays}`}`)),
    // Runs finish and passes age out of the window while the page is open.
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
}
