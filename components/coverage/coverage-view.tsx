"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { SendTracesHint } from "@/components/traces/send-traces-hint";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, Skeleton, StaleDataNotice } from "@/components/ui/states";
import { CoverageSummary } from "./coverage-summary";
import { EndpointCoverageTable } from "./endpoint-coverage-table";
import { FlowCoverageTable } from "./flow-coverage-table";
import { useCoverage } from "./use-coverage";
import { WindowSelect } from "./window-select";

/** `?window_days=` when it is a whole number of days the API takes; otherwise the workspace's. */
function useWindowDays(): [number | null, (days: number | null) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = Number(params.get("window_days"));
  const windowDays = Number.isInteger(raw) && raw >= 1 && raw <= 365 ? raw : null;
  return [windowDays, (days) => router.replace(days === null ? pathname : `${pathname}?window_days=${days}`)];
}

export function CoverageView({ workspaceId }: { workspaceId: string }) {
  const [windowDays, setWindowDays] = useWindowDays();
  const query = useCoverage(workspaceId, windowDays);
  const coverage = query.data;

  return (
    <>
      <PageHeader
        title="Coverage"
        description="What your tests leave out: endpoints and flows without a passing test run in the window, riskiest first."
        actions={<WindowSelect value={windowDays} workspaceDays={windowDays === null ? (coverage?.window_days ?? null) : null} onChange={setWindowDays} />}
      />
      {query.isPending ? (
        <Skeleton label="Loading test coverage" rows={6} className="h-12" />
      ) : query.isError && !coverage ? (
        <ErrorState what="test coverage" error={query.error} onRetry={() => query.refetch()} />
      ) : coverage!.flows.length === 0 ? (
        <SendTracesHint workspaceId={workspaceId} title="No flows to cover yet" />
      ) : (
        <div className={`space-y-6 transition-opacity ${query.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={query.isPlaceholderData}>
          {query.isError ? <StaleDataNotice what="coverage" error={query.error} onRetry={() => query.refetch()} /> : null}
          <CoverageSummary workspaceId={workspaceId} coverage={coverage!} ownWindow={windowDays !== null} />
          <section aria-labelledby="endpoint-coverage-title" className="space-y-2">
            <h2 id="endpoint-coverage-title" className="text-sm font-semibold">
              Endpoints <span className="ml-1 font-normal text-zinc-600 tabular-nums dark:text-zinc-400">{coverage!.endpoints.length}</span>
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">An endpoint is covered when a test exported from a flow through it passed in the window.</p>
            {coverage!.endpoints.length === 0 ? (
              <p className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
                No flow passes through an HTTP endpoint (a span with <code>http.route</code>), so there is no endpoint to cover. The flows below are still covered by their own runs.
              </p>
            ) : (
              <EndpointCoverageTable workspaceId={workspaceId} coverage={coverage!} />
            )}
          </section>
          <section aria-labelledby="flow-coverage-title" className="space-y-2">
            <h2 id="flow-coverage-title" className="text-sm font-semibold">
              Flows <span className="ml-1 font-normal text-zinc-600 tabular-nums dark:text-zinc-400">{coverage!.flows.length}</span>
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Export an uncovered flow&apos;s test in one click and run it with <code className="font-mono text-xs">npx flowprint run</code>; once it passes, the flow and its endpoints count as covered.
            </p>
            <FlowCoverageTable workspaceId={workspaceId} coverage={coverage!} />
          </section>
        </div>
      )}
    </>
  );
}
