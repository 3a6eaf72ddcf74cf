"use client";

import { memo } from "react";
import { formatDuration } from "@/lib/format/format-time";
import type { TraceDetail } from "./trace-detail-types";
import type { RowDiagnosis } from "./waterfall-diagnosis-model";
import type { WaterfallModel } from "./waterfall-model";

interface DiagnosisProps {
  trace: Pick<TraceDetail, "error_origins">;
  model: WaterfallModel;
  diagnoses: ReadonlyMap<string, RowDiagnosis>;
  indexOf: ReadonlyMap<string, number>;
  criticalPath: boolean;
  /** Unfolds, scrolls to and selects a span's row. */
  onShow: (index: number) => void;
}

/** Above the rows: where the trace's first failure starts, and the span that kept it waiting longest. */
export const WaterfallDiagnosis = memo(function WaterfallDiagnosis({ trace, model, diagnoses, indexOf, criticalPath, onShow }: DiagnosisProps) {
  const cause = trace.error_origins.find((o) => o.role === "cause");
  const later = trace.error_origins.length - (cause ? 1 : 0);
  const slowest = criticalPath ? longestOnPath(diagnoses) : null;
  if (!cause && !slowest) return null;
  const causeIndex = cause ? indexOf.get(cause.span_id) : undefined;
  const slowestIndex = slowest ? indexOf.get(slowest.spanId) : undefined;
  const slowestRow = slowestIndex === undefined ? null : model.spans[slowestIndex];
  const maskedBy = cause?.masked_by_span_id ? model.spans[indexOf.get(cause.masked_by_span_id) ?? -1]?.span : undefined;

  return (
    <section aria-label="Trace diagnosis" className="space-y-1 border-b border-zinc-200 px-3 py-2 text-xs text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
      {cause ? (
        <p data-testid="error-origin-summary" className="flex flex-wrap items-baseline gap-x-1.5">
          <span className="font-semibold text-red-700 dark:text-red-300">First failure:</span>{" "}
          <span>
            {cause.service} <span className="font-medium text-zinc-900 dark:text-zinc-100">{cause.operation}</span>
          </span>{" "}
          {cause.reason === "timeout_masked" ? (
            <>
              <span>
                ran {formatDuration(cause.duration_ms)} until {maskedBy ? `${maskedBy.service} ${maskedBy.name}` : "its caller"} gave up waiting
              </span>{" "}
            </>
          ) : null}
          {cause.status_message ? (
            <>
              <span className="min-w-0 break-words text-zinc-600 dark:text-zinc-400">“{cause.status_message}”</span>{" "}
            </>
          ) : null}
          {later > 0 ? (
            <>
              <span className="text-zinc-500 dark:text-zinc-400">· {later === 1 ? "1 later failure" : `${later} later failures`}</span>{" "}
            </>
          ) : null}
          {causeIndex !== undefined ? <ShowButton label="Show the span where the first failure starts" onClick={() => onShow(causeIndex)} /> : null}
        </p>
      ) : null}
      {slowest && slowestRow && model.totalMs > 0 ? (
        <p className="flex flex-wrap items-baseline gap-x-1.5">
          <span className="font-semibold text-zinc-900 dark:text-zinc-100">Longest on the critical path:</span>{" "}
          <span>
            {slowestRow.span.service} <span className="font-medium text-zinc-900 dark:text-zinc-100">{slowestRow.span.name}</span>
          </span>{" "}
          <span className="tabular-nums">
            {formatDuration(slowest.pathMs)} ({Math.round((slowest.pathMs / model.totalMs) * 100)}% of the trace)
          </span>{" "}
          <ShowButton label="Show the span the trace waited on longest" onClick={() => onShow(slowestIndex!)} />
        </p>
      ) : null}
    </section>
  );
});

function ShowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" aria-label={label} onClick={onClick} className="rounded text-indigo-700 underline hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300 dark:hover:text-indigo-100">
      show
    </button>
  );
}

function longestOnPath(diagnoses: ReadonlyMap<string, RowDiagnosis>): { spanId: string; pathMs: number } | null {
  let best: { spanId: string; pathMs: number } | null = null;
  for (const [spanId, row] of diagnoses) if (row.pathMs > 0 && (best === null || row.pathMs > best.pathMs)) best = { spanId, pathMs: row.pathMs };
  return best;
}
