"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { llmApiQuery, type LlmPageParams } from "./llm-params";
import type { LlmCallsResponse, LlmUsageResponse } from "./llm-types";

// The range ends "now", so each refresh slides it forward.
const POLL_MS = 30_000;

export const CALLS_PAGE_SIZE = 20;

/** When the first and last calls of the last 30 days started: what the default range fits. */
export function useLlmExtent(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.llmExtent(workspaceId),
    queryFn: () => fetchJson<{ since_ms: number; first_call_ms: number | null; last_call_ms: number | null }>(workspaceApi(workspaceId, "/telemetry/llm/extent")),
    enabled,
    refetchInterval: POLL_MS,
  });
}

export function useLlmUsage(workspaceId: string, params: LlmPageParams, enabled = true) {
  return useQuery({
    enabled,
    queryKey: queryKeys.llmUsage(workspaceId, { ...params }),
    queryFn: () => fetchJson<LlmUsageResponse>(workspaceApi(workspaceId, `/telemetry/llm/usage${llmApiQuery(params)}`)),
    refetchInterval: POLL_MS,
    // A new range or model keeps the old figures on screen (dimmed) instead of flashing skeletons.
    placeholderData: keepPreviousData,
  });
}

export function useLlmCalls(workspaceId: string, params: LlmPageParams, page: number, enabled = true) {
  const offset = (page - 1) * CALLS_PAGE_SIZE;
  return useQuery({
    enabled,
    queryKey: queryKeys.llmCalls(workspaceId, { ...params, offset }),
    queryFn: () => fetchJson<LlmCallsResponse>(workspaceApi(workspaceId, `/telemetry/llm/calls${llmApiQuery(params, { limit: CALLS_PAGE_SIZE, offset })}`)),
    refetchInterval: POLL_MS,
    placeholderData: keepPreviousData,
  });
}
