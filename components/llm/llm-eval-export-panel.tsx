"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { flowsHref } from "@/components/flows/flow-links";
import { Button } from "@/components/ui/button";
import { workspaceApi } from "@/lib/api/query-keys";
import type { EvalSelection } from "@/lib/api/llm.schemas";
import { formatCount } from "@/lib/format/format-number";
import { EvalDatasetResult, EvalExportProblem } from "./eval-dataset-result";
import { rangeOf, rangeWindow, type LlmPageParams } from "./llm-params";
import { modelLabel } from "./model-colours";
import { useEvalExport } from "./use-eval-export";
import { flowLabel, useFlowName } from "./use-flow-name";

const CONTROL =
  "h-9 rounded-md border border-zinc-300 bg-white px-2.5 text-sm focus-visible:border-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-500/40 dark:border-zinc-700 dark:bg-zinc-900";

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * The calls of the page's range (and flow, when the page is narrowed to one) as an eval dataset:
 * recorded prompts become replayable cases, optionally merged when they differ only in their variables.
 */
export function LlmEvalExportPanel({ workspaceId, params, models }: { workspaceId: string; params: LlmPageParams; models: string[] }) {
  const id = useId();
  const [model, setModel] = useState(params.model);
  const [dedupe, setDedupe] = useState(true);
  const exported = useEvalExport<Partial<EvalSelection>>(workspaceApi(workspaceId, "/telemetry/llm/eval-export"));
  const range = rangeOf(params.range);
  const flow = useFlowName(workspaceId, params.flow);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { from, to } = rangeWindow(params.range);
    exported.mutate({ from, to, dedupe, ...(model ? { model } : {}), ...(params.flow ? { flow_id: params.flow } : {}) });
  };

  const result = exported.data;
  return (
    <div className="space-y-4 p-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-x-4 gap-y-3" aria-label="Eval dataset selection">
        <div className="space-y-1">
          <label htmlFor={`${id}-model`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
            Model
          </label>
          <select id={`${id}-model`} className={`${CONTROL} max-w-64`} value={model} onChange={(e) => setModel(e.target.value)}>
            <option value="">All models</option>
            {models.map((m) => (
              <option key={m} value={m}>
                {modelLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <span className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">Time range</span>
          <p className="flex h-9 items-center text-sm text-zinc-600 dark:text-zinc-400">The page&apos;s range: {range.name}</p>
        </div>
        <div className="min-w-0 space-y-1">
          <span className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">Flow</span>
          <p className="flex h-9 max-w-md min-w-0 items-center text-sm text-zinc-600 dark:text-zinc-400" data-testid="eval-export-flow">
            {params.flow ? (
              <span className="truncate">The page&apos;s flow: {flowLabel(flow, params.flow)}</span>
            ) : (
              // The page is narrowed to a flow from that flow's page, which links here.
              <span>
                All flows (pick one from{" "}
                <Link href={flowsHref(workspaceId)} className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300">
                  Flows
                </Link>
                )
              </span>
            )}
          </p>
        </div>
        <label className="flex h-9 items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <input type="checkbox" checked={dedupe} onChange={(e) => setDedupe(e.target.checked)} className="h-4 w-4 accent-indigo-600" aria-describedby={`${id}-dedupe-hint`} />
          Merge repeated prompts
        </label>
        <Button type="submit" variant="primary" disabled={exported.isPending}>
          {exported.isPending ? "Exporting…" : "Export eval dataset"}
        </Button>
      </form>
      <p id={`${id}-dedupe-hint`} className="-mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        Merging keeps one case per prompt template: prompts that differ only in variables (numbers, ids, emails, dates) count once, the most frequent first.
      </p>
      {exported.isError ? <EvalExportProblem error={exported.error} /> : null}
      {result && !exported.isError ? (
        <EvalDatasetResult
          result={result}
          summary={
            <>
              <span className="font-medium text-zinc-900 dark:text-zinc-100">{plural(result.cases, "case", "cases")}</span> from {plural(result.calls ?? result.cases, "call", "calls")} (
              {plural(result.templates ?? result.cases, "prompt template", "prompt templates")})
            </>
          }
        />
      ) : null}
    </div>
  );
}
