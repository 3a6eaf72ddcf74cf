import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { NODE_TYPE_STYLE } from "@/components/ui/badges";
import { formatPercent } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import type { PathNode } from "@/lib/traces/path-node";
import { errorTone } from "./error-tone";
import type { NodeStatView } from "./flow-types";

export type PathStepNode = Node<{ step: PathNode; stats: NodeStatView | undefined; first: boolean; last: boolean }, "step">;

export const STEP_WIDTH = 208;
/** The height a step renders at, for laying out rows; every step has the same four lines. */
export const STEP_HEIGHT = 104;

// Handles only anchor the chain's edges (nothing is connected by hand), so they are not shown.
const HANDLE = "!h-1 !w-1 !min-w-0 !border-0 !opacity-0";

export function FlowPathNode({ data }: NodeProps<PathStepNode>) {
  const { step, stats } = data;
  const style = NODE_TYPE_STYLE[step.type];
  return (
    <div style={{ width: STEP_WIDTH, height: STEP_HEIGHT }} className={`rounded-lg border-l-4 ${style.border} border-y border-r border-y-zinc-200 border-r-zinc-200 bg-white px-3 py-2 text-left shadow-sm dark:border-y-zinc-700 dark:border-r-zinc-700 dark:bg-zinc-900`} data-testid="path-node">
      {data.first ? null : <Handle type="target" position={Position.Left} className={HANDLE} isConnectable={false} />}
      <span className={`rounded px-1.5 py-px text-[10px] font-semibold tracking-wide uppercase ${style.badge}`}>{style.label}</span>
      <div className="mt-1 truncate text-sm font-medium text-zinc-900 dark:text-zinc-100" title={step.identifier}>
        {step.identifier}
      </div>
      <div className="truncate text-xs text-zinc-500 dark:text-zinc-400" title={step.service}>
        {step.service}
      </div>
      <div className="mt-1.5 flex gap-3 border-t border-zinc-100 pt-1.5 text-[11px] text-zinc-600 tabular-nums dark:border-zinc-800 dark:text-zinc-400">
        <span>p95 {stats ? formatDuration(stats.p95_duration_ms) : "–"}</span>
        <span className={stats ? errorTone(stats.error_rate) : ""}>err {stats ? formatPercent(stats.error_rate) : "–"}</span>
      </div>
      {data.last ? null : <Handle type="source" position={Position.Right} className={HANDLE} isConnectable={false} />}
    </div>
  );
}
