import { NodeTypeIcon } from "@/components/graph/node-type-icon";
import { NodeTypeBadge } from "@/components/ui/badges";
import type { ComparedSideView, TraceCompareResponse } from "@/lib/api/trace-compare.schemas";
import { formatCount } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { CompareStatusBadge } from "./compare-status-badge";
import { DurationDeltaCell } from "./duration-delta-cell";

type Row = TraceCompareResponse["rows"][number];

const ROW_TONE: Record<Row["status"], string> = {
  added: "bg-emerald-50/60 dark:bg-emerald-950/30",
  removed: "bg-red-50/60 dark:bg-red-950/30",
  moved: "bg-amber-50/60 dark:bg-amber-950/30",
  same: "",
};

// The node takes what the fixed columns leave, so a long route truncates instead of squeezing.
const COLUMNS = [
  ["Node", ""],
  ["Status", "w-28"],
  ["A", "w-28 text-right"],
  ["B", "w-28 text-right"],
  ["Change", "w-52"],
] as const;

// Deep traces would push the node off the table: indentation stops growing after 12 levels.
const indent = (depth: number) => `${Math.min(depth, 12) * 1.25}rem`;

function SideCell({ side, label }: { side: ComparedSideView | null; label: string }) {
  if (side === null) {
    return (
      <span className="text-xs text-zinc-400 dark:text-zinc-500">
        —<span className="sr-only">not in {label}</span>
      </span>
    );
  }
  return (
    <span className="flex flex-col items-end gap-0.5 tabular-nums">
      <span>
        {formatDuration(side.duration_ms)}
        {side.count > 1 ? (
          <span className="ml-1 text-xs text-zinc-500 dark:text-zinc-400" title={`${side.count} spans in a row here; the time is their sum`}>
            ×{formatCount(side.count)}
          </span>
        ) : null}
      </span>
      {side.error_count > 0 ? (
        <span className="text-xs font-medium text-red-700 dark:text-red-400" data-testid="compare-errors">
          {formatCount(side.error_count)} {side.error_count === 1 ? "error" : "errors"}
        </span>
      ) : null}
    </span>
  );
}

/** The aligned nodes of both traces, nested as in the span tree, with what changed at each. */
export function CompareTable({ rows }: { rows: Row[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full min-w-[48rem] table-fixed text-sm" data-testid="compare-table">
        <caption className="sr-only">Nodes of trace A and trace B, aligned</caption>
        <thead className="border-b border-zinc-200 text-left text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            {COLUMNS.map(([label, align]) => (
              <th key={label} scope="col" className={`px-3 py-2 ${align}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((row, i) => (
            <tr key={i} className={ROW_TONE[row.status]} data-testid="compare-row" data-status={row.status} data-key={row.key}>
              <td className="px-3 py-2">
                <div className="flex min-w-0 items-center gap-2" style={{ paddingLeft: indent(row.depth) }}>
                  <span className="shrink-0 text-zinc-500 dark:text-zinc-400">
                    <NodeTypeIcon type={row.node.type} />
                  </span>
                  <NodeTypeBadge type={row.node.type} />
                  <span className="min-w-0">
                    <span className="block truncate font-mono text-[13px] text-zinc-900 dark:text-zinc-100" title={row.node.identifier}>
                      {row.node.identifier}
                    </span>
                    {row.node.service !== row.node.identifier ? <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">in {row.node.service}</span> : null}
                  </span>
                </div>
              </td>
              <td className="px-3 py-2">
                <CompareStatusBadge status={row.status} />
              </td>
              <td className="px-3 py-2 text-right">
                <SideCell side={row.a} label="A" />
              </td>
              <td className="px-3 py-2 text-right">
                <SideCell side={row.b} label="B" />
              </td>
              <td className="px-3 py-2">
                <DurationDeltaCell delta={row.duration_delta} aMs={row.a?.duration_ms ?? null} bMs={row.b?.duration_ms ?? null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
