"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { llmFlowHref } from "@/components/llm/llm-params";
import type { LlmCallsResponse } from "@/components/llm/llm-types";
import { buttonClass } from "@/components/ui/button";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";

// Until a call shows up: a flow's LLM calls are indexed as its traces complete.
const RECHECK_MS = 30_000;

/** "LLM calls in this flow →" when any of the flow's traces made a model call; nothing otherwise. */
export function FlowLlmLink({ workspaceId, flowId }: { workspaceId: string; flowId: string }) {
  const probe = useQuery({
    queryKey: queryKeys.llmCalls(workspaceId, { flow_id: flowId, from: 0, limit: 1 }),
    // from=0: the calls API looks at the last 24 hours unless told otherwise, and a flow is older.
    queryFn: () => fetchJson<LlmCallsResponse>(workspaceApi(workspaceId, `/telemetry/llm/calls?flow_id=${encodeURIComponent(flowId)}&limit=1&from=0`)),
    refetchInterval: (query) => (query.state.data && query.state.data.total > 0 ? false : RECHECK_MS),
  });
  if (!probe.data || probe.data.total === 0) return null;
  return (
    <Link href={llmFlowHref(workspaceId, flowId)} className={buttonClass("secondary")} data-testid="flow-llm-link">
      LLM calls in this flow <span aria-hidden>→</span>
    </Link>
  );
}
