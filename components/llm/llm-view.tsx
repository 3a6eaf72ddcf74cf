"use client";

import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState, Skeleton, StaleDataNotice } from "@/components/ui/states";
import { LlmCallsCard } from "./llm-calls-card";
import { LlmCharts } from "./llm-charts";
import { LlmEmptyState } from "./llm-empty-state";
import { LlmEvalExportPanel } from "./llm-eval-export-panel";
import { LlmFilters } from "./llm-filters";
import { LlmModelTable } from "./llm-model-table";
import { fitLlmRange, writeLlmParams, type LlmPageParams } from "./llm-params";
import { LlmRangeEmpty } from "./llm-range-empty";
import { LlmSlowestOperations } from "./llm-slowest-operations";
import { LlmStatCards } from "./llm-stat-cards";
import { LlmTopErrors } from "./llm-top-errors";
import { LlmWarnings } from "./llm-warnings";
import { modelColours } from "./model-colours";
import { useLlmCalls, useLlmExtent, useLlmUsage } from "./use-llm-data";
import { useLlmParams } from "./use-llm-params";

const COUNT = "text-xs text-zinc-500 dark:text-zinc-400";

/** The LLM page: usage, cost, latency and errors per model over a range (of one flow, if chosen), its calls, and eval export. */
export function LlmView({ workspaceId }: { workspaceId: string }) {
  const { params: urlParams, update } = useLlmParams();
  // Without a range in the URL, the range fits the calls: known once their extent is.
  const extent = useLlmExtent(workspaceId, urlParams.range === "auto");
  const rangeSettled = urlParams.range !== "auto" || extent.data !== undefined || extent.isError;
  const params: LlmPageParams = { ...urlParams, range: fitLlmRange(urlParams.range, extent.data?.first_call_ms ?? null) };
  const usage = useLlmUsage(workspaceId, params, rangeSettled);
  // The first page of calls also lists the workspace's models, whatever the range.
  const firstCalls = useLlmCalls(workspaceId, params, 1, rangeSettled);
  const workspaceModels = firstCalls.data?.models.map((m) => m.model) ?? [];
  const colours = modelColours(workspaceModels);
  const filterModels = workspaceModels.filter((m) => m !== "");

  if (firstCalls.data && firstCalls.data.models.length === 0) return <LlmEmptyState workspaceId={workspaceId} />;
  if (!usage.data) {
    return usage.isError ? <ErrorState what="LLM usage" error={usage.error} onRetry={() => usage.refetch()} /> : <Skeleton label="Loading LLM usage" rows={6} className="h-20" />;
  }
  const data = usage.data;
  const busy = usage.isPlaceholderData;
  const filters = <LlmFilters workspaceId={workspaceId} params={urlParams} fittedRange={params.range} models={filterModels} onChange={update} />;
  if (data.totals.calls === 0 && !busy) {
    return (
      <div className="space-y-5">
        {filters}
        <LlmRangeEmpty params={params} onChange={update} />
      </div>
    );
  }

  return (
    <div className="space-y-5">
      {filters}
      {usage.isError ? (
        <StaleDataNotice what="figures" error={usage.error} onRetry={() => usage.refetch()} />
      ) : null}
      <div className={`space-y-5 transition-opacity ${busy ? "opacity-60" : ""}`} aria-busy={busy}>
        <LlmWarnings workspaceId={workspaceId} warnings={data.warnings} />
        <LlmStatCards totals={data.totals} pricesAsOf={data.prices_as_of} />

        <Card aria-labelledby="llm-over-time-title">
          <CardHeader id="llm-over-time-title" title="Over time" actions={<span className={COUNT}>{bucketLabel(data.bucket_ms)} buckets</span>} />
          <LlmCharts usage={data} colours={colours} />
        </Card>

        <Card aria-labelledby="llm-models-title">
          <CardHeader id="llm-models-title" title="By model" actions={<span className={COUNT}>{data.models.length === 1 ? "1 model" : `${data.models.length} models`}</span>} />
          <LlmModelTable models={data.models} colours={colours} />
        </Card>

        <div className="grid items-start gap-5 lg:grid-cols-2">
          <Card aria-labelledby="llm-slowest-title">
            <CardHeader id="llm-slowest-title" title="Slowest operations" actions={<span className={COUNT}>by p95</span>} />
            <LlmSlowestOperations workspaceId={workspaceId} operations={data.slowest_operations} />
          </Card>
          <Card aria-labelledby="llm-errors-title">
            <CardHeader id="llm-errors-title" title="Most frequent errors" actions={<span className={COUNT}>by model and error type</span>} />
            <LlmTopErrors workspaceId={workspaceId} errors={data.top_errors} />
          </Card>
        </div>
      </div>

      <LlmCallsCard key={writeLlmParams(params)} workspaceId={workspaceId} params={params} />

      <Card aria-labelledby="llm-export-title" data-testid="llm-eval-export">
        <CardHeader id="llm-export-title" title="Export eval dataset" actions={<span className={COUNT}>recorded prompts as replayable test cases</span>} />
        {/* Keyed by the page's model and flow: a dataset exported for another selection should not linger under this one. */}
        <LlmEvalExportPanel key={`${params.model}\n${params.flow}`} workspaceId={workspaceId} params={params} models={filterModels} />
      </Card>
    </div>
  );
}

/** "5-minute", "1-hour", "1-day": the width of the charts' buckets. */
function bucketLabel(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}-day`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}-hour`;
  return `${Math.round(ms / 60_000)}-minute`;
}
