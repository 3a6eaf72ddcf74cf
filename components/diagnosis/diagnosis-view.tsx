"use client";

import { useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState, Skeleton, StaleDataNotice } from "@/components/ui/states";
import { formatCount, formatPercent } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { CallPatterns } from "./call-patterns";
import { ContrastTable } from "./contrast-table";
import { DiagnosisSummary } from "./diagnosis-summary";
import { ErrorChains, ErrorOrigins } from "./error-origins";
import { SlowNodes } from "./slow-nodes";
import { RANGE_LABEL, useDiagnosis, type DiagnosisRange, type DiagnosisScopeChoice, type DiagnosisTarget } from "./use-diagnosis";

/**
 * Why a flow fails and why it is slow. Contrasts need passing traces beside the failing ones, so
 * a variant that always fails (its own flow, since failing requests often take another path) is
 * diagnosed with its entry point's other variants by default.
 */
/** `aiModel`: the model summaries are asked of (FLOWPRINT_LLM_*), null when AI is off. */
export function DiagnosisView({
  workspaceId,
  target,
  errorRate,
  entryName,
  aiModel = null,
}: {
  workspaceId: string;
  target: DiagnosisTarget;
  errorRate: number;
  entryName: string;
  aiModel?: string | null;
}) {
  const [scope, setScope] = useState<DiagnosisScopeChoice>(errorRate >= 1 ? "entry" : "flow");
  const [range, setRange] = useState<DiagnosisRange>("7d");
  const query = useDiagnosis(workspaceId, target, scope, range);

  return (
    <div className="space-y-5" data-testid="diagnosis">
      <div className="flex flex-wrap items-end gap-4">
        <fieldset className="flex items-center gap-3 text-sm">
          <legend className="sr-only">Traces to diagnose</legend>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="diagnosis-scope" checked={scope === "flow"} onChange={() => setScope("flow")} />
            This flow
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="diagnosis-scope" checked={scope === "entry"} onChange={() => setScope("entry")} />
            All variants of {entryName}
          </label>
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-zinc-600 dark:text-zinc-400">Traces from</span>
          <select
            value={range}
            onChange={(e) => setRange(e.target.value as DiagnosisRange)}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {Object.entries(RANGE_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
      </div>

      {query.isPending ? (
        <Skeleton label="Diagnosing the traces" rows={3} className="h-32" />
      ) : query.isError && !query.data ? (
        <ErrorState what="the diagnosis" error={query.error} onRetry={() => query.refetch()} />
      ) : query.data ? (
        <>
          {query.isError ? <StaleDataNotice what="diagnosis" error={query.error} onRetry={() => query.refetch()} /> : null}
          {aiModel ? <DiagnosisSummary key={`${scope}:${range}`} workspaceId={workspaceId} target={target} scope={scope} range={range} model={aiModel} /> : null}
          <DiagnosisSections workspaceId={workspaceId} diagnosis={query.data} />
        </>
      ) : null}
    </div>
  );
}

function DiagnosisSections({ workspaceId, diagnosis }: { workspaceId: string; diagnosis: NonNullable<ReturnType<typeof useDiagnosis>["data"]> }) {
  const { totals, sampled, errors, latency, patterns } = diagnosis;
  const sampleNote = (n: number, of: number) => (n < of ? `the newest ${formatCount(n)} of ${formatCount(of)}` : `all ${formatCount(of)}`);
  return (
    <>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="diagnosis-summary">
        {formatCount(totals.traces)} traces in this window: {formatCount(totals.failing)} failing ({formatPercent(totals.traces === 0 ? 0 : totals.failing / totals.traces)}),{" "}
        {formatCount(totals.slow)} slower than the P95 of {formatDuration(latency.slow_threshold_ms)}.
      </p>

      <Card aria-labelledby="diagnosis-origins-title">
        <CardHeader
          id="diagnosis-origins-title"
          title="Where errors start"
          actions={totals.failing > 0 ? <span className="text-xs text-zinc-500 dark:text-zinc-400">from {sampleNote(sampled.failing, totals.failing)} failing traces</span> : null}
        />
        <ErrorOrigins workspaceId={workspaceId} errors={errors} />
        {errors.chains.length > 0 ? (
          <div className="border-t border-zinc-200 dark:border-zinc-800">
            <h3 className="px-4 pt-3 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">How they travel to the entry point</h3>
            <ErrorChains workspaceId={workspaceId} errors={errors} failingSampled={sampled.failing} />
          </div>
        ) : null}
      </Card>

      <Card aria-labelledby="diagnosis-contrasts-title">
        <CardHeader id="diagnosis-contrasts-title" title="What sets failing traces apart" />
        <ContrastTable workspaceId={workspaceId} section={errors} groupLabel="failing" restLabel="passing" testId="diagnosis-error-contrasts" />
      </Card>

      <Card aria-labelledby="diagnosis-latency-title">
        <CardHeader
          id="diagnosis-latency-title"
          title="Where slow traces spend the extra time"
          actions={totals.slow > 0 ? <span className="text-xs text-zinc-500 dark:text-zinc-400">from {sampleNote(sampled.slow, totals.slow)} slow traces, against the rest</span> : null}
        />
        <SlowNodes workspaceId={workspaceId} latency={latency} />
        <div className={latency.nodes.length > 0 ? "border-t border-zinc-200 dark:border-zinc-800" : ""}>
          <ContrastTable workspaceId={workspaceId} section={latency} groupLabel="slow" restLabel="rest" testId="diagnosis-latency-contrasts" />
        </div>
      </Card>

      <Card aria-labelledby="diagnosis-patterns-title">
        <CardHeader id="diagnosis-patterns-title" title="Call patterns" />
        <CallPatterns workspaceId={workspaceId} patterns={patterns} />
      </Card>
    </>
  );
}
