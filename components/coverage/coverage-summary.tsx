import Link from "next/link";
import { StatCard } from "@/components/ui/card";
import type { CoverageResponse } from "@/lib/api/coverage.schemas";
import { formatPercent } from "@/lib/format/format-number";

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

export function CoverageSummary({ workspaceId, coverage, ownWindow }: { workspaceId: string; coverage: CoverageResponse; ownWindow: boolean }) {
  const endpointCount = coverage.covered_count + coverage.uncovered_count;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="coverage-summary">
      <StatCard
        label="Endpoints covered"
        value={<span data-testid="coverage-ratio">{coverage.coverage_ratio === null ? "–" : formatPercent(coverage.coverage_ratio)}</span>}
        hint={endpointCount === 0 ? "no flow has an endpoint yet" : `${coverage.covered_count} of ${endpointCount} endpoints`}
      />
      <StatCard label="Not covered" value={coverage.uncovered_count} hint={coverage.uncovered_count === 1 ? "endpoint without a passing run" : "endpoints without a passing run"} tone={coverage.uncovered_count > 0 ? "warning" : undefined} />
      <StatCard label="Flows covered" value={`${coverage.covered_flow_count} of ${coverage.flows.length}`} hint="with a passing run of their test" />
      <StatCard
        label="Window"
        value={days(coverage.window_days)}
        hint={
          ownWindow ? (
            "for this page only"
          ) : (
            <>
              the workspace&apos;s{" "}
              <Link href={`/w/${encodeURIComponent(workspaceId)}/settings`} className="text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300">
                coverage window
              </Link>
            </>
          )
        }
      />
    </div>
  );
}
