"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { DriftLearning } from "./drift-types";

/** Every entry point's learning progress; refreshed often, since a short window ends in minutes. */
export function useDriftLearning(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.driftLearning(workspaceId),
    queryFn: () => fetchJson<DriftLearning>(workspaceApi(workspaceId, "/telemetry/drift/learning?limit=500")),
    refetchInterval: 10_000,
  });
}
