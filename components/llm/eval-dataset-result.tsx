"use client";

import type { ReactNode } from "react";
import { YamlCode } from "@/components/export/yaml-code";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { downloadText } from "./download-text";
import type { EvalExportResponse } from "./llm-types";
import { isNothingToExport } from "./use-eval-export";

const CAPTURE_VARIABLE = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true";

/** An exported eval dataset: what it holds, copy and download, and the YAML itself. */
export function EvalDatasetResult({ result, summary }: { result: EvalExportResponse; summary: ReactNode }) {
  return (
    <div className="space-y-3" data-testid="eval-dataset">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-700 dark:text-zinc-300" role="status" data-testid="eval-dataset-summary">
          {summary}
        </p>
        <div className="flex items-center gap-2">
          <CopyButton text={result.yaml} label="the eval dataset" size="md" />
          <Button variant="primary" onClick={() => downloadText(result.yaml, result.file_name)}>
            Download {result.file_name}
          </Button>
        </div>
      </div>
      <YamlCode text={result.yaml} label={`${result.file_name}, eval dataset`} />
    </div>
  );
}

/** Why an export gave nothing: no recorded prompts (a 422) reads as advice, anything else as an error. */
export function EvalExportProblem({ error }: { error: Error }) {
  if (isNothingToExport(error)) {
    return (
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800/80 dark:bg-amber-950/40 dark:text-amber-100" data-testid="eval-export-problem">
        <p className="font-medium">{error.message}</p>
        <p className="mt-1 text-amber-800 dark:text-amber-200">
          An eval case needs the prompt the call sent. Turn on content recording in the instrumentation (for OpenTelemetry GenAI, <code className="rounded bg-amber-100 px-1 dark:bg-amber-900/60">{CAPTURE_VARIABLE}</code>) and keep the workspace&apos;s LLM content setting on keep or redact.
        </p>
      </div>
    );
  }
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200" data-testid="eval-export-problem">
      <p className="font-medium">Could not export the dataset.</p>
      <p className="mt-1 opacity-90">{error.message}</p>
    </div>
  );
}
