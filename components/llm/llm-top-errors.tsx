import Link from "next/link";
import { traceHref } from "@/components/traces/trace-links";
import { formatCount } from "@/lib/format/format-number";
import type { ErrorGroup } from "./llm-types";
import { modelLabel } from "./model-colours";
import { CELL, HEAD_CELL, LINK, NUMBER_CELL, ROW, TABLE, THEAD } from "./table-styles";
import { RelativeTime } from "@/components/ui/relative-time";

/** The most frequent failures, by model and error type, each with its latest call to open. */
export function LlmTopErrors({ workspaceId, errors }: { workspaceId: string; errors: ErrorGroup[] }) {
  if (errors.length === 0) return <p className="px-4 py-6 text-sm text-zinc-600 dark:text-zinc-400">No failed calls in this range.</p>;
  return (
    <div className="overflow-x-auto">
      <table className={TABLE} data-testid="llm-top-errors">
        <caption className="sr-only">Most frequent error types by model</caption>
        <thead className={THEAD}>
          <tr>
            <th scope="col" className={HEAD_CELL}>Error type</th>
            <th scope="col" className={`${HEAD_CELL} text-right`}>Count</th>
            <th scope="col" className={`${HEAD_CELL} text-right`}>Latest</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => {
            const seen = new Date(e.last_seen_ms).toISOString();
            return (
              <tr key={`${e.model}-${e.error_type}`} className={ROW} data-testid="llm-error-row">
                <td className={`${CELL} max-w-72`}>
                  <div className="truncate font-mono text-xs font-medium text-red-700 dark:text-red-400" title={e.error_type}>
                    {e.error_type || <span className="font-sans italic text-zinc-500 dark:text-zinc-400">no error type recorded</span>}
                  </div>
                  <div className="truncate text-xs text-zinc-500 dark:text-zinc-400">{modelLabel(e.model)}</div>
                </td>
                <td className={NUMBER_CELL}>{formatCount(e.count)}</td>
                <td className={NUMBER_CELL}>
                  <Link href={traceHref(workspaceId, e.latest.trace_id)} className={LINK} aria-label={`Open the latest ${e.error_type || "failed"} call of ${modelLabel(e.model)}`}>
                    <RelativeTime iso={seen} />
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
