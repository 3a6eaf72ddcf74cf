"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchFlow } from "@/components/flows/fetch-flow";
import { queryKeys } from "@/lib/api/query-keys";

export type FlowName = { state: "loading" } | { state: "known"; name: string } | { state: "unknown" } | { state: "failed" };

/**
 * The name of the flow the LLM page is narrowed to. Shares the flow page's cache entry, so
 * arriving from that page shows the name at once. "unknown": no such flow (aged out, or a
 * mistyped URL), which the page says rather than showing a bare id.
 */
export function useFlowName(workspaceId: string, flowId: string): FlowName {
  const query = useQuery({
    queryKey: queryKeys.flow(workspaceId, flowId),
    queryFn: () => fetchFlow(workspaceId, flowId),
    enabled: flowId !== "",
  });
  if (query.data) return { state: "known", name: query.data.name };
  if (query.data === null) return { state: "unknown" };
  if (query.isError) return { state: "failed" };
  return { state: "loading" };
}

/** The first characters of an id, enough to tell flows apart when no name can be shown. */
export const shortFlowId = (flowId: string) => (flowId.length > 8 ? `${flowId.slice(0, 8)}…` : flowId);

/** How the flow is named in text: its name, or its id's start when the name is not (yet) known. */
export function flowLabel(flow: FlowName, flowId: string): string {
  if (flow.state === "known") return flow.name;
  if (flow.state === "unknown") return `unknown flow ${shortFlowId(flowId)}`;
  return shortFlowId(flowId);
}
