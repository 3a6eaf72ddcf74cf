"use client";

import { useMutation } from "@tanstack/react-query";
import type { ExportResponse } from "@/components/export/use-flow-export";
import { downloadText } from "@/components/llm/download-text";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/api/fetch-json";
import { workspaceApi } from "@/lib/api/query-keys";

/** One click: the flow's test as the export page makes it (Flowprint format, setup auto), saved as its file. */
export function ExportTestButton({ workspaceId, flow }: { workspaceId: string; flow: { id: string; name: string } }) {
  const exported = useMutation({
    mutationFn: () => fetchJson<ExportResponse>(workspaceApi(workspaceId, `/telemetry/flows/${encodeURIComponent(flow.id)}/export?format=flowprint&setup=auto`), { method: "POST" }),
    onSuccess: (file) => downloadText(file.yaml, file.file_name),
  });
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button size="sm" variant="primary" className="whitespace-nowrap" onClick={() => exported.mutate()} disabled={exported.isPending} aria-label={`Export test for ${flow.name}`}>
        {exported.isPending ? "Exporting…" : "Export test"}
      </Button>
      {exported.isError ? (
        <span role="alert" className="max-w-56 text-right text-xs text-red-700 dark:text-red-400">
          Could not export: {exported.error.message}
        </span>
      ) : null}
    </span>
  );
}
