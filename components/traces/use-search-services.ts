"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";

/** Sorted, with `selected` added so a choice from a shared URL never vanishes from its select. */
function withSelected(names: string[] | undefined, selected: string): string[] {
  const all = new Set(names ?? []);
  if (selected) all.add(selected);
  return [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every service that sent a span, root or not: the search matches any span of a trace. */
export function useSearchServices(workspaceId: string, selected: string): string[] {
  const services = useQuery({
    queryKey: queryKeys.searchServices(workspaceId),
    queryFn: () => fetchJson<{ services: string[] }>(workspaceApi(workspaceId, "/telemetry/services")),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
  return useMemo(() => withSelected(services.data?.services, selected), [services.data, selected]);
}

/** The span names `service` sent lately, to pick an operation from; none without a service. */
export function useServiceOperations(workspaceId: string, service: string): string[] {
  const operations = useQuery({
    queryKey: queryKeys.serviceOperations(workspaceId, service),
    queryFn: () => fetchJson<{ operations: string[] }>(workspaceApi(workspaceId, `/telemetry/services/${encodeURIComponent(service)}/operations`)),
    enabled: service !== "",
    staleTime: 30_000,
  });
  return operations.data?.operations ?? [];
}
