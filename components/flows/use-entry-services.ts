"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";

interface GraphServices {
  nodes: { service: string }[];
}

/**
 * The services a flow may enter by, for the service filter: every service of the workspace's
 * graph (a trace's root can be any of them), plus `also` (the selected one, those on screen)
 * so a choice never vanishes from the list.
 */
export function useEntryServices(workspaceId: string, also: string[]): string[] {
  const graph = useQuery({
    queryKey: queryKeys.graph(workspaceId),
    queryFn: () => fetchJson<GraphServices>(workspaceApi(workspaceId, "/telemetry/graph")),
    staleTime: 60_000,
  });
  const key = also.join("\n");
  return useMemo(() => {
    const all = new Set([...(graph.data?.nodes.map((n) => n.service) ?? []), ...key.split("\n")]);
    all.delete("");
    return [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }, [graph.data, key]);
}
