"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { DriftAlert } from "./drift-types";

// A missing alert is an answer (withdrawn, or another workspace's), not a failure to retry.
async function fetchAlert(workspaceId: string, alertId: string): Promise<DriftAlert | null> {
  const response = await fetch(workspaceApi(workspaceId, `/telemetry/drift/${encodeURIComponent(alertId)}`));
  if (response.status === 404) return null;
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `Request failed with status ${response.status}`);
  return body as DriftAlert;
}

export function useDriftAlert(workspaceId: string, alertId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: queryKeys.driftAlert(workspaceId, alertId),
    queryFn: () => fetchAlert(workspaceId, alertId),
    refetchInterval: 15_000,
  });
}

export type DriftAction = "accept" | "dismiss";

/**
 * Accept or dismiss. The answer is the updated alert; everything else the workspace shows (the
 * lists, their counts, the sidebar badge, flows' drift marks) is refetched.
 */
export function useDriftAction(workspaceId: string, alertId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: DriftAction) => fetchJson<DriftAlert>(workspaceApi(workspaceId, `/telemetry/drift/${encodeURIComponent(alertId)}/${action}`), { method: "POST" }),
    onSuccess: async (alert) => {
      client.setQueryData(queryKeys.driftAlert(workspaceId, alertId), alert);
      await client.invalidateQueries({ queryKey: queryKeys.workspace(workspaceId) });
    },
  });
}
