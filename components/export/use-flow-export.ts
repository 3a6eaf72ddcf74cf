"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";

export type ExportFormat = "flowprint" | "testmesh";

export interface ExportResponse {
  yaml: string;
  file_name: string;
  format: ExportFormat;
  /** The file's base_url when the trace recorded it; null when the file holds a stand-in. */
  base_url: string | null;
  /** What the file could not do as recorded; also comments in the YAML. */
  warnings: string[];
}

export type SetupMode = "auto" | "none";

/** A flow's export; the export page and the flow's test box share it (same key, one request). */
export function useFlowExport(workspaceId: string, flowId: string, format: ExportFormat, setup: SetupMode = "auto") {
  return useQuery({
    queryKey: queryKeys.flowExport(workspaceId, flowId, format, setup),
    queryFn: () => fetchJson<ExportResponse>(workspaceApi(workspaceId, `/telemetry/flows/${flowId}/export?format=${format}&setup=${setup}`), { method: "POST" }),
  });
}
