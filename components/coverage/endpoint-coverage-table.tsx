import Link from "next/link";
import { flowHref } from "@/components/flows/flow-links";
import { RiskBadge } from "@/components/ui/badges";
import type { CoverageResponse } from "@/lib/api/coverage.schemas";
import { CoverageBadge } from "./coverage-badge";
import { CELL, CoverageTable } from "./coverage-table";
import { LastRun } from "./last-run";

/** Flows named per endpoint before the rest are counted. */
const FLOWS_SHOWN = 3;

const COLUMNS = [{ label: "Coverage" }, { label: "Endpoint", className: "w-full" }, { label: "Risk" }, { label: "Last passing run" }, { label: "Last run" }, { label: "Flows through it" }];

export function EndpointCoverageTable({ workspaceId, coverage }: { workspaceId: string; coverage: CoverageResponse }) {
  const names = new Map(coverage.flows.map((f) => [f.id, f.name]));
  return (
    <CoverageTable caption={`Endpoints, ${coverage.endpoints.length} in total, riskiest first`} columns={COLUMNS} testId="endpoint-coverage">
      {coverage.endpoints.map((endpoint) => {
        const label = `${endpoint.method === null ? "" : `${endpoint.method} `}${endpoint.route}`;
        return (
          <tr key={`${endpoint.service}\n${label}`} data-testid="endpoint-coverage-row" data-covered={endpoint.covered}>
            <td className={CELL}>
              <CoverageBadge mark={endpoint.covered ? "covered" : "uncovered"} />
            </td>
            <td className={`${CELL} max-w-0 min-w-52`}>
              <div className="truncate font-mono text-[13px] text-zinc-900 dark:text-zinc-100" title={label}>
                {endpoint.method !== null ? <span className="mr-1.5 rounded bg-emerald-50 px-1 text-[11px] font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">{endpoint.method}</span> : null}
                {endpoint.route}
              </div>
              <div className="mt-0.5 truncate text-xs text-zinc-600 dark:text-zinc-400">{endpoint.service}</div>
            </td>
            <td className={CELL}>
              <RiskBadge level={endpoint.risk_level} score={endpoint.risk} />
            </td>
            <td className={`${CELL} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
              <LastRun iso={endpoint.last_passing_run_at} />
            </td>
            <td className={`${CELL} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
              <LastRun iso={endpoint.last_run_at} />
            </td>
            <td className={CELL}>
              <ul className="min-w-48 space-y-0.5 text-xs">
                {endpoint.flows.slice(0, FLOWS_SHOWN).map((id) => (
                  <li key={id} className="max-w-64 truncate">
                    <Link href={flowHref(workspaceId, id)} className="text-indigo-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300">
                      {names.get(id) ?? id}
                    </Link>
                  </li>
                ))}
                {endpoint.flows.length > FLOWS_SHOWN ? <li className="text-zinc-600 dark:text-zinc-400">and {endpoint.flows.length - FLOWS_SHOWN} more</li> : null}
              </ul>
            </td>
          </tr>
        );
      })}
    </CoverageTable>
  );
}
