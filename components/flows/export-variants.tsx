"use client";

import { useMutation } from "@tanstack/react-query";
import { downloadText } from "@/components/llm/download-text";
import { jsonBody, requestJson } from "@/components/settings/request-json";
import { Button } from "@/components/ui/button";
import type { EntryPointExportResponse } from "@/lib/api/entry-points.schemas";
import { workspaceApi } from "@/lib/api/query-keys";
import { ExplanationText } from "./explanation-text";
import type { FlowView } from "./flow-types";

/**
 * Every variant of this flow's entry point as its own test file, each asserting what sets its
 * path apart (see README: Exporting every variant). Made on request: a mutation, not a query.
 */
export function ExportVariants({ workspaceId, flow }: { workspaceId: string; flow: Pick<FlowView, "entry_service" | "entry_operation"> }) {
  const exported = useMutation({
    mutationFn: () =>
      requestJson<EntryPointExportResponse>(
        workspaceApi(workspaceId, "/telemetry/entry-points/export"),
        jsonBody("POST", { entry_service: flow.entry_service, entry_operation: flow.entry_operation }),
      ),
  });
  const result = exported.data;

  return (
    <div className="space-y-3 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800" data-testid="export-variants">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-zinc-600 dark:text-zinc-400">One test per variant, each checking why its path is taken.</p>
        <Button size="sm" onClick={() => exported.mutate()} disabled={exported.isPending}>
          {exported.isPending ? "Exporting…" : "Export all variants"}
        </Button>
      </div>
      {exported.isError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          Could not export the variants: {exported.error.message}
        </p>
      ) : null}
      {result ? (
        <>
          <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" aria-label="Exported variant tests">
            {result.files.map((file) => (
              <li key={file.flow_id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2" data-testid="variant-test-file">
                <div className="min-w-0 flex-1">
                  <div className="flex min-w-0 items-center gap-2">
                    {file.variant_label !== null ? <span className="shrink-0 text-xs font-medium text-zinc-700 dark:text-zinc-300">{file.variant_label}</span> : null}
                    <span className="truncate font-mono text-xs text-zinc-800 dark:text-zinc-200" title={file.file_name}>
                      {file.file_name}
                    </span>
                  </div>
                  <div className="text-xs text-zinc-500 dark:text-zinc-400">
                    {file.explanations.length > 0
                      ? file.explanations.map((text, i) => (
                          <span key={text}>
                            {i > 0 ? "; " : null}
                            <ExplanationText text={text} />
                          </span>
                        ))
                      : "plain path test"}
                  </div>
                </div>
                <Button size="sm" variant="ghost" onClick={() => downloadText(file.yaml, file.file_name)} aria-label={`Download ${file.file_name}`}>
                  Download
                </Button>
              </li>
            ))}
          </ul>
          {result.warnings.length > 0 ? (
            <ul className="space-y-1 text-xs text-amber-800 dark:text-amber-300" aria-label="Export warnings" data-testid="export-variants-warnings">
              {result.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
