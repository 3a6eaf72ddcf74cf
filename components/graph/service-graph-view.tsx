"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useCoverage } from "@/components/coverage/use-coverage";
import { SendTracesHint } from "@/components/traces/send-traces-hint";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { markGraphCoverage } from "@/lib/diagnosis/mark-graph-coverage";
import type { GraphNodeType, GraphSummary, ServiceViewGraph } from "@/lib/graph";
import { plural } from "./format-count";
import { GraphExplorer } from "./graph-explorer";
import { fromEndpointView, fromServiceView, withCoverage, type GraphView, type ViewGraph } from "./view-graph";

const TYPE_WORDS: Record<GraphNodeType, [string, string]> = {
  service: ["service", "services"],
  api_endpoint: ["endpoint", "endpoints"],
  database: ["database", "databases"],
  topic: ["topic", "topics"],
};

function describe(graph: ViewGraph): string {
  const counts: Record<GraphNodeType, number> = { service: 0, api_endpoint: 0, database: 0, topic: 0 };
  for (const node of graph.nodes) counts[node.type]++;
  // The service view lists endpoints inside their services: still say how many there are.
  if (graph.view === "service") counts.api_endpoint = graph.nodes.reduce((n, node) => n + node.endpoints.length, 0);
  const parts = (Object.keys(TYPE_WORDS) as GraphNodeType[]).filter((t) => counts[t] > 0).map((t) => plural(counts[t], ...TYPE_WORDS[t]));
  return [...parts, plural(graph.edges.length, "connection", "connections")].join(" · ");
}

/** The view lives in the URL (`?view=endpoint`; services when absent), so a link opens it. */
function useGraphView(): [GraphView, (view: GraphView) => void] {
  const params = useSearchParams();
  const view: GraphView = params.get("view") === "endpoint" ? "endpoint" : "service";
  const setView = useCallback((next: GraphView) => {
    const url = new URL(window.location.href);
    if (next === "service") url.searchParams.delete("view");
    else url.searchParams.set("view", next);
    window.history.pushState(null, "", url);
  }, []);
  return [view, setView];
}

export function ServiceGraphView({ workspaceId }: { workspaceId: string }) {
  const [view, setView] = useGraphView();
  const query = useQuery({
    queryKey: queryKeys.graph(workspaceId, view),
    queryFn: async (): Promise<ViewGraph> =>
      view === "service"
        ? fromServiceView(await fetchJson<ServiceViewGraph>(workspaceApi(workspaceId, "/telemetry/graph?view=service")))
        : fromEndpointView(await fetchJson<GraphSummary>(workspaceApi(workspaceId, "/telemetry/graph?view=endpoint"))),
    refetchInterval: 15_000,
    // The other view stays on screen while the new one loads, so switching never flashes a skeleton.
    placeholderData: keepPreviousData,
  });
  // Coverage marks come with their own request: the graph shows without them, and they follow when loaded.
  const coverage = useCoverage(workspaceId);
  const marks = useMemo(() => (coverage.data ? markGraphCoverage(coverage.data.endpoints) : null), [coverage.data]);
  const graph = useMemo(() => (query.data ? withCoverage(query.data, marks) : undefined), [query.data, marks]);
  const description = useMemo(() => (graph && graph.nodes.length > 0 ? describe(graph) : "Every service, endpoint, database and topic your traces touch, and how they call each other."), [graph]);

  return (
    <>
      <PageHeader title="Service graph" description={description} />
      {query.isPending ? (
        <div role="status" aria-busy="true" aria-label="Loading the service graph" className="space-y-4">
          <div className="h-9 w-full max-w-sm animate-pulse rounded-md bg-zinc-200/70 dark:bg-zinc-800" />
          <div className="h-[calc(100vh-15rem)] min-h-[30rem] animate-pulse rounded-lg bg-zinc-200/70 dark:bg-zinc-800" />
        </div>
      ) : query.isError ? (
        <ErrorState what="the service graph" error={query.error} onRetry={() => query.refetch()} />
      ) : graph!.nodes.length === 0 ? (
        <SendTracesHint workspaceId={workspaceId} title="No service graph yet" />
      ) : (
        <ReactFlowProvider>
          <GraphExplorer workspaceId={workspaceId} graph={graph!} onViewChange={setView} />
        </ReactFlowProvider>
      )}
    </>
  );
}
