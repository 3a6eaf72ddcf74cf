"use client";

import { useQuery } from "@tanstack/react-query";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { TraceDetail } from "./trace-detail-types";

// A missing trace is an answer, not a failure: null lets pages show "not found" without the
// retry react-query would spend on a thrown 404.
async function fetchTrace(workspaceId: string, traceId: string): Promise<TraceDetail | null> {
  const response = await fetch(workspaceApi(workspaceId, `/telemetry/traces/${encodeURIComponent(traceId)}`));
  if (response.status === 404) return null;
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `Request failed with status ${response.status}`);
  return body as TraceDetail;
}

/** One trace with its span tree; shared by the summary header and the waterfall (one request). */
export function useTraceDetail(workspaceId: string, traceId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: queryKeys.trace(workspaceId, traceId),
    queryFn: () => fetchTrace(workspaceId, traceId),
    // Spans of an open trace may still arrive; a completed trace no longer changes.
    refetchInterval: (query) => (query.state.data && query.state.data.state !== "complete" ? 5_000 : false),
  });
}
