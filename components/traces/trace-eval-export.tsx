"use client";

import { EvalDatasetResult, EvalExportProblem } from "@/components/llm/eval-dataset-result";
import type { useEvalExport } from "@/components/llm/use-eval-export";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { formatCount } from "@/lib/format/format-number";

type EvalExport = ReturnType<typeof useEvalExport<void>>;

/** The trace's LLM calls as an eval dataset, once asked for from the header; hidden until then. */
export function TraceEvalExport({ exported }: { exported: EvalExport }) {
  if (exported.isIdle) return null;
  return (
    <Card aria-labelledby="trace-eval-title" className="mt-4" data-testid="trace-eval-export">
      <CardHeader
        id="trace-eval-title"
        title="Eval dataset"
        actions={
          <Button size="sm" variant="ghost" onClick={() => exported.reset()}>
            Close
          </Button>
        }
      />
      <div className="p-4">
        {exported.isPending ? (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            Exporting the trace&apos;s LLM calls…
          </p>
        ) : exported.isError ? (
          <EvalExportProblem error={exported.error} />
        ) : exported.data ? (
          <EvalDatasetResult
            result={exported.data}
            summary={
              <>
                <span className="font-medium text-zinc-900 dark:text-zinc-100">
                  {formatCount(exported.data.cases)} {exported.data.cases === 1 ? "case" : "cases"}
                </span>{" "}
                from this trace&apos;s LLM calls
              </>
            }
          />
        ) : null}
      </div>
    </Card>
  );
}
