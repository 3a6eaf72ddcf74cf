import { NodeTypeBadge } from "@/components/ui/badges";
import type { DriftAlert, DriftDiffRow } from "./drift-types";

type PathNodeView = DriftAlert["previous_nodes"][number];

const SIDE_STYLE = {
  added: "border-emerald-300 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950/50",
  removed: "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/50",
  moved: "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/50",
  same: "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900",
  ghost: "border-dashed border-amber-300 bg-transparent opacity-70 dark:border-amber-800",
} as const;

const MARK = {
  added: { sign: "+", text: "added", tone: "text-emerald-700 dark:text-emerald-400" },
  removed: { sign: "−", text: "removed", tone: "text-red-700 dark:text-red-400" },
  moved: { sign: "↕", text: "moved", tone: "text-amber-700 dark:text-amber-400" },
} as const;

function NodeCell({ node, position, style, note, kind }: { node: PathNodeView; position: number; style: keyof typeof SIDE_STYLE; note?: string; kind: DriftDiffRow["kind"] }) {
  const mark = kind === "same" ? null : MARK[kind];
  return (
    <div className={`flex min-h-11 items-center gap-2 rounded-md border px-2.5 py-1.5 ${SIDE_STYLE[style]}`} data-diff-kind={style === "ghost" ? "moved-away" : kind}>
      <span className="w-6 shrink-0 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400" title={`Position ${position}`}>
        {position}
      </span>
      <span aria-hidden className={`w-3 shrink-0 text-center font-bold ${mark?.tone ?? ""}`}>
        {mark?.sign}
      </span>
      <NodeTypeBadge type={node.type} />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-mono text-sm text-zinc-900 dark:text-zinc-100" title={node.identifier}>
          {node.identifier}
        </span>
        {node.service !== node.identifier ? <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">in {node.service}</span> : null}
      </span>
      {note ? <span className={`shrink-0 text-xs font-medium ${mark?.tone ?? ""}`}>{note}</span> : mark && style !== "ghost" ? <span className="sr-only">{mark.text}</span> : null}
    </div>
  );
}

function Gap({ label }: { label: string }) {
  return (
    <div className="flex min-h-11 items-center justify-center rounded-md border border-dashed border-zinc-200 text-xs text-zinc-400 dark:border-zinc-800 dark:text-zinc-500">
      <span className="sr-only">{label}</span>
    </div>
  );
}

/**
 * The previous and current path side by side, aligned by the diff's rows: unchanged steps face
 * each other, added steps are green on the current side, removed ones red on the previous side,
 * and a moved step is amber on both, at its old and its new position.
 */
export function PathDiffTable({ alert, previousLabel, currentLabel }: { alert: DriftAlert; previousLabel: string; currentLabel: string }) {
  const rows = alert.diff.rows;
  return (
    <table className="w-full table-fixed border-separate border-spacing-x-3 border-spacing-y-1.5 text-sm" data-testid="path-diff">
      <caption className="sr-only">
        {previousLabel} and {currentLabel}, side by side
      </caption>
      <thead>
        <tr>
          <th scope="col" className="px-1 pb-1 text-left text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            {previousLabel} <span className="font-normal normal-case">({alert.previous_nodes.length} steps)</span>
          </th>
          <th scope="col" className="px-1 pb-1 text-left text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            {currentLabel} <span className="font-normal normal-case">({alert.current_nodes.length} steps)</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const previousNode = row.previous_index === null ? null : (alert.previous_nodes[row.previous_index] ?? row.node);
          return (
            <tr key={i} data-testid="diff-row" data-kind={row.kind}>
              <td className="p-0 align-top">
                {row.kind === "added" || previousNode === null ? (
                  <Gap label="not in this path" />
                ) : row.kind === "moved" ? (
                  <NodeCell node={previousNode} position={row.previous_index! + 1} style="ghost" kind="moved" note={`moved to ${row.current_index! + 1}`} />
                ) : (
                  <NodeCell node={previousNode} position={row.previous_index! + 1} style={row.kind === "removed" ? "removed" : "same"} kind={row.kind} />
                )}
              </td>
              <td className="p-0 align-top">
                {row.kind === "removed" || row.current_index === null ? (
                  <Gap label="not in this path" />
                ) : (
                  <NodeCell
                    node={row.node}
                    position={row.current_index + 1}
                    style={row.kind}
                    kind={row.kind}
                    note={row.kind === "moved" ? `moved from position ${row.previous_index! + 1}` : undefined}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
