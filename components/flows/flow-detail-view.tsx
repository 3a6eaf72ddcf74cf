"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DiagnosisView } from "@/components/diagnosis/diagnosis-view";
import { TraceWaterfall } from "@/components/traces/trace-waterfall";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { queryKeys } from "@/lib/api/query-keys";
import { fetchFlow } from "./fetch-flow";
import type { FlowDetail } from "./flow-types";
import { FlowCharts } from "./flow-charts";
import { FlowExecutions } from "./flow-executions";
import { FlowHeader } from "./flow-header";
import { flowsHref, traceHref } from "./flow-links";
import { FlowPathGraph } from "./flow-path-graph";
import { FlowSamples } from "./flow-samples";
import { FlowStatCards } from "./flow-stat-cards";
import { FLOW_TAB_PANEL_ID, FlowTabs, flowTabId, useFlowTab } from "./flow-tabs";
import { FlowVariants } from "./flow-variants";

/** `aiModel`: the model AI summaries are asked of (FLOWPRINT_LLM_*), null when AI is off. */
export function FlowDetailView({ workspaceId, flowId, aiModel = null }: { workspaceId: string; flowId: string; aiModel?: string | null }) {
  const { tab, setTab } = useFlowTab();
  const query = useQuery({
    queryKey: queryKeys.flow(workspaceId, flowId),
    queryFn: () => fetchFlow(workspaceId, flowId),
    // Statistics and explanations move with the traffic.
    refetchInterval: 10_000,
  });

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError && !query.data) return <ErrorState what="the flow" error={query.error} onRetry={() => query.refetch()} />;
  const flow = query.data;
  if (!flow) {
    return (
      <EmptyState title="Flow not found" id="flow-not-found">
        <p>This workspace has no flow with that id. Flows are removed with their traces when they age out.</p>
        <Link href={flowsHref(workspaceId)} className={buttonClass("secondary", "sm")}>
          Back to all flows
        </Link>
      </EmptyState>
    );
  }

  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <FlowHeader workspaceId={workspaceId} flow={flow} />
      </div>
      <FlowStatCards flow={flow} />

      <FlowTabs tab={tab} onChange={setTab} />
      <div id={FLOW_TAB_PANEL_ID} role="tabpanel" aria-labelledby={flowTabId(tab)} className="space-y-5">
        {tab === "diagnosis" ? (
          <DiagnosisView
            workspaceId={workspaceId}
            target={{ flowId: flow.id, entryService: flow.entry_service, entryOperation: flow.entry_operation }}
            errorRate={flow.error_rate}
            entryName={`${flow.entry_service} → ${flow.entry_operation}`}
            aiModel={aiModel}
          />
        ) : (
          <FlowOverview workspaceId={workspaceId} flow={flow} />
        )}
      </div>
    </div>
  );
}

function FlowOverview({ workspaceId, flow }: { workspaceId: string; flow: FlowDetail }) {
  return (
    <>
      <Card aria-labelledby="path-title">
        <CardHeader id="path-title" title="Path" actions={<span className="text-xs text-zinc-500 dark:text-zinc-400">{flow.path.length} steps</span>} />
        <FlowPathGraph path={flow.path} nodeStats={flow.node_stats} />
      </Card>

      <Card aria-labelledby="hourly-title">
        <CardHeader id="hourly-title" title="By hour" />
        <FlowCharts hourly={flow.hourly} />
      </Card>

      <Card aria-labelledby="waterfall-title">
        <CardHeader
          id="waterfall-title"
          title="Representative trace"
          actions={
            flow.representative_trace_id ? (
              <Link href={traceHref(workspaceId, flow.representative_trace_id)} className={buttonClass("ghost", "sm")}>
                Open trace <span aria-hidden>→</span>
              </Link>
            ) : null
          }
        />
        <div className="p-4" data-testid="flow-waterfall">
          {flow.representative_trace_id ? (
            <TraceWaterfall workspaceId={workspaceId} traceId={flow.representative_trace_id} />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No representative trace yet: one is picked as traces of this flow complete.</p>
          )}
        </div>
      </Card>

      <div className="grid items-start gap-5 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <FlowVariants workspaceId={workspaceId} flow={flow} />
          <FlowExecutions workspaceId={workspaceId} flowId={flow.id} />
        </div>
        <FlowSamples workspaceId={workspaceId} traceIds={flow.sample_trace_ids} representativeId={flow.representative_trace_id} />
      </div>
    </>
  );
}

function DetailSkeleton() {
  return (
    <div className="space-y-5" role="status" aria-label="Loading the flow">
      <div className="h-8 w-1/3 animate-pulse rounded-md bg-zinc-200/70 dark:bg-zinc-800" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg bg-zinc-200/70 dark:bg-zinc-800" />
        ))}
      </div>
      <Skeleton label="Loading the path" rows={1} className="h-56" />
      <Skeleton label="Loading charts" rows={1} className="h-48" />
    </div>
  );
}
