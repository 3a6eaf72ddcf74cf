"use client";

import { useQuery } from "@tanstack/react-query";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { TraceCompareResponse } from "@/lib/api/trace-compare.schemas";

export type ComparisonAnswer = { kind: "compared"; comparison: TraceCompareResponse } | { kind: "not_found"; message: string };

// A missing trace (or a flow without a representative) is an answer with the API's reason, not a
// failure to retry.
async function fetchComparison(workspaceId: string, a: string, b: string): Promise<ComparisonAnswer> {
  const query = new URLSearchParams({ a, ...(b ? { b } : {}) });
  const response = await fetch(workspaceApi(workspaceId, `/telemetry/traces/compare?${query}`));
  const body = await response.json().catch(() => null);
  if (response.status === 404) return { kind: "not_found", message: body?.error?.message ?? "Trace not found." };
  if (!response.ok) throw new Error(body?.error?.message ?? `Request failed with status ${response.status}`);
  return { kind: "compared", comparison: body as TraceCompareResponse };
}

/** Trace a compared with b, or with a's flow's representative when b is "". */
export function useTraceComparison(workspaceId: string, a: string, b: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: queryKeys.traceCompare(workspaceId, a, b),
    queryFn: () => fetchComparison(workspaceId, a, b),
  });
}
