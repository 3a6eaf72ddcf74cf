"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { RiskBadge, type RiskLevel } from "@/components/ui/badges";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { plural } from "./format-count";

interface FlowThroughNode {
  id: string;
  name: string;
  risk_score: number;
  risk_level: RiskLevel;
  occurrence_count: number;
  error_rate: number;
}

const LIMIT = 50;

/**
 * The blast radius of a node: every flow whose path passes through it, riskiest first. A
 * service's flows are those through any of its nodes (its endpoints above all): callers call
 * endpoints, so `service:orders` itself is rarely a step of a path.
 */
export function NodeFlows({ workspaceId, nodeId, service }: { workspaceId: string; nodeId: string; service: string | null }) {
  const through: Record<string, string> = service === null ? { node: nodeId } : { through_service: service };
  const filter = { ...through, sort: "risk_score", limit: LIMIT };
  const query = useQuery({
    queryKey: queryKeys.flows(workspaceId, filter),
    queryFn: () => fetchJson<{ flows: FlowThroughNode[]; total: number }>(workspaceApi(workspaceId, `/telemetry/flows?${new URLSearchParams({ ...through, sort: "risk_score", limit: String(LIMIT) })}`)),
  });

  return (
    <section aria-labelledby="node-flows-title" className="space-y-2">
      <h3 id="node-flows-title" className="flex items-baseline justify-between text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        {service === null ? "Flows through this node" : "Flows through this service"}
        {query.data ? <span className="font-normal normal-case tabular-nums">{query.data.total > query.data.flows.length ? `${query.data.flows.length} of ${query.data.total}` : query.data.total}</span> : null}
      </h3>
      {query.isPending ? (
        <Skeleton rows={3} label="Loading flows through this node" className="h-12" />
      ) : query.isError ? (
        <ErrorState what="the flows through this node" error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.flows.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No discovered flow passes through this {service === null ? "node" : "service"} yet. Flows appear once its traces complete.
        </p>
      ) : (
        <ol className="space-y-1.5" data-testid="node-flows">
          {query.data.flows.map((flow) => (
            <li key={flow.id}>
              <Link
                href={`/w/${encodeURIComponent(workspaceId)}/flows/${encodeURIComponent(flow.id)}`}
                className="group block rounded-md border border-zinc-200 px-3 py-2 hover:border-indigo-300 hover:bg-indigo-50/50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-800 dark:hover:border-indigo-800 dark:hover:bg-indigo-950/30"
              >
                <span className="flex items-start justify-between gap-2">
                  <span className="min-w-0 text-sm font-medium break-words text-zinc-900 group-hover:text-indigo-700 dark:text-zinc-100 dark:group-hover:text-indigo-300">{flow.name}</span>
                  <RiskBadge level={flow.risk_level} />
                </span>
                <span className="mt-1 block text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                  <span data-testid="flow-risk-score">risk {flow.risk_score.toFixed(2)}</span> · {plural(flow.occurrence_count, "run", "runs")} ·{" "}
                  <span className={flow.error_rate > 0 ? "text-red-600 dark:text-red-400" : undefined}>{(flow.error_rate * 100).toFixed(flow.error_rate > 0 && flow.error_rate < 0.1 ? 1 : 0)}% errors</span>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
