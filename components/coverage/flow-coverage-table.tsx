import Link from "next/link";
import { flowHref } from "@/components/flows/flow-links";
import { RiskBadge } from "@/components/ui/badges";
import type { CoverageResponse } from "@/lib/api/coverage.schemas";
import { CoverageBadge } from "./coverage-badge";
import { CELL, CoverageTable } from "./coverage-table";
import { ExportTestButton } from "./export-test-button";
import { LastRun } from "./last-run";

const COLUMNS = [{ label: "Coverage" }, { label: "Flow", className: "w-full" }, { label: "Risk" }, { label: "Endpoints", className: "text-right" }, { label: "Last passing run" }, { label: "Last run" }, { label: "Actions", srOnly: true }];

export function FlowCoverageTable({ workspaceId, coverage }: { workspaceId: string; coverage: CoverageResponse }) {
  return (
    <CoverageTable caption={`Flows, ${coverage.flows.length} in total, riskiest first`} columns={COLUMNS} testId="flow-coverage">
      {coverage.flows.map((flow) => (
        <tr key={flow.id} data-testid="flow-coverage-row" data-covered={flow.covered}>
          <td className={CELL}>
            <CoverageBadge mark={flow.covered ? "covered" : "uncovered"} />
          </td>
          <td className={`${CELL} max-w-0 min-w-52`}>
            <Link href={flowHref(workspaceId, flow.id)} title={flow.name} className="block truncate font-medium text-zinc-900 hover:text-indigo-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-100 dark:hover:text-indigo-300">
              {flow.name}
            </Link>
            <div className="mt-0.5 truncate text-xs text-zinc-600 dark:text-zinc-400">
              {flow.entry_service} · <span className="font-mono">{flow.entry_operation}</span>
            </div>
          </td>
          <td className={CELL}>
            <RiskBadge level={flow.risk_level} score={flow.risk} />
          </td>
          <td className={`${CELL} text-right tabular-nums`}>{flow.endpoint_count}</td>
          <td className={`${CELL} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
            <LastRun iso={flow.last_passing_run_at} />
          </td>
          <td className={`${CELL} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
            <LastRun iso={flow.last_run_at} />
          </td>
          <td className={`${CELL} text-right`}>{flow.covered ? null : <ExportTestButton workspaceId={workspaceId} flow={flow} />}</td>
        </tr>
      ))}
    </CoverageTable>
  );
}
