import Link from "next/link";
import { traceHref } from "@/components/traces/trace-links";
import { formatCount } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import type { SlowOperation } from "./llm-types";
import { modelLabel } from "./model-colours";
import { CELL, HEAD_CELL, LINK, NUMBER_CELL, ROW, TABLE, THEAD } from "./table-styles";

/** The operations with the worst p95, each with its slowest call to open. */
export function LlmSlowestOperations({ workspaceId, operations }: { workspaceId: string; operations: SlowOperation[] }) {
  if (operations.length === 0) return <p className="px-4 py-6 text-sm text-zinc-600 dark:text-zinc-400">No calls in this range.</p>;
  return (
    <div className="overflow-x-auto">
      <table className={TABLE} data-testid="llm-slowest-operations">
        <caption className="sr-only">Slowest operations by p95 latency</caption>
        <thead className={THEAD}>
          <tr>
            <th scope="col" className={HEAD_CELL}>Operation</th>
            <th scope="col" className={`${HEAD_CELL} text-right`}>Calls</th>
            <th scope="col" className={`${HEAD_CELL} text-right`}>P95</th>
            <th scope="col" className={`${HEAD_CELL} text-right`}>Slowest</th>
          </tr>
        </thead>
        <tbody>
          {operations.map((op) => (
            <tr key={`${op.service}-${op.name}-${op.model}`} className={ROW}>
              <td className={`${CELL} max-w-72`}>
                <div className="truncate font-medium text-zinc-900 dark:text-zinc-100" title={op.name}>
                  {op.name}
                </div>
                <div className="truncate text-xs text-zinc-500 dark:text-zinc-400">
                  {op.service} · {modelLabel(op.model)}
                </div>
              </td>
              <td className={NUMBER_CELL}>{formatCount(op.count)}</td>
              <td className={NUMBER_CELL}>{formatDuration(op.p95_ms)}</td>
              <td className={NUMBER_CELL}>
                <Link href={traceHref(workspaceId, op.slowest.trace_id)} className={LINK} aria-label={`Open the slowest ${op.name} call, ${formatDuration(op.max_ms)}`}>
                  {formatDuration(op.max_ms)}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
