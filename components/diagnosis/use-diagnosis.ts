"use client";

import { useQuery } from "@tanstack/react-query";
import type { DiagnosisResponse } from "@/lib/api/diagnosis.schemas";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";

export type DiagnosisScopeChoice = "flow" | "entry";
export const DIAGNOSIS_RANGES = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export type DiagnosisRange = keyof typeof DIAGNOSIS_RANGES;
export const RANGE_LABEL: Record<DiagnosisRange, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" };

export interface DiagnosisTarget {
  flowId: string;
  entryService: string;
  entryOperation: string;
}

/** The diagnosis of a flow or of its whole entry point over a recent range. */
export function useDiagnosis(workspaceId: string, target: DiagnosisTarget, scope: DiagnosisScopeChoice, range: DiagnosisRange) {
  return useQuery({
    queryKey: queryKeys.diagnosis(workspaceId, { scope, range, flow: target.flowId, service: target.entryService, operation: target.entryOperation }),
    queryFn: () => {
      const params = new URLSearchParams({ from: String(Date.now() - DIAGNOSIS_RANGES[range]) });
      const path =
        scope === "flow"
          ? `/telemetry/flows/${encodeURIComponent(target.flowId)}/diagnosis?${params}`
          : `/telemetry/entry-points/diagnosis?${new URLSearchParams({ entry_service: target.entryService, entry_operation: target.entryOperation, ...Object.fromEntries(params) })}`;
      return fetchJson<DiagnosisResponse>(workspaceApi(workspaceId, path));
    },
    // Sampling hundreds of traces is not free: refresh now and then, not on every focus.
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}
