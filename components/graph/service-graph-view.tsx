"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { SendTracesHint } from "@/components/traces/send-traces-hint";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import type { GraphNodeType, GraphSummary } from "@/lib/graph";
import { plural } from "./format-count";
import { GraphExplorer } from "./graph-explorer";

const TYPE_WORDS: Record<GraphNodeType, [string, string]> = {
  service: ["service", "services"],
  api_endpoint: ["endpoint", "endpoints"],
  database: ["database", "databases"],
  topic: ["topic", "topics"],
};

function describe(graph: GraphSummary): string {
  const counts: Record<GraphNodeType, number> = { service: 0, api_endpoint: 0, database: 0, topic: 0 };
  for (const node of graph.nodes) counts[node.type]++;
  const parts = (Object.keys(TYPE_WORDS) as GraphNodeType[]).filter((t) => counts[t] > 0).map((t) => plural(counts[t], ...TYPE_WORDS[t]));
  return [...parts, plural(graph.edges.length, "connection", "connections")].join(" · ");
}

export function ServiceGraphView({ workspaceId }: { workspaceId: string }) {
  const query = useQuery({
    queryKey: queryKeys.graph(workspaceId),
    queryFn: () => fetchJson<GraphSummary>(workspaceApi(workspaceId, "/telemetry/graph")),
    refetchInterval: 15_000,
  });

  const description = query.data && query.data.nodes.length > 0 ? describe(query.data) : "Every service, endpoint, database and topic your traces touch, and how they call each other.";
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
      ) : query.data.nodes.length === 0 ? (
        <SendTracesHint workspaceId={workspaceId} title="No service graph yet" />
      ) : (
        <ReactFlowProvider>
          <GraphExplorer workspaceId={workspaceId} graph={query.data} />
        </ReactFlowProvider>
      )}
    </>
  );
}
