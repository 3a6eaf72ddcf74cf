"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";

/**
 * The services some trace entered by, for the root service filter (a service that is only ever
 * called would match nothing), plus `selected` so a choice from the URL never vanishes.
 */
export function useRootServices(workspaceId: string, selected: string): string[] {
  const roots = useQuery({
    queryKey: queryKeys.traceRootServices(workspaceId),
    queryFn: () => fetchJson<{ services: string[] }>(workspaceApi(workspaceId, "/telemetry/traces/root-services")),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
  return useMemo(() => {
    const all = new Set(roots.data?.services ?? []);
    if (selected) all.add(selected);
    return [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }, [roots.data, selected]);
}
