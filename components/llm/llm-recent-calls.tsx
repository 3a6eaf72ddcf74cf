import Link from "next/link";
import { traceHref } from "@/components/traces/trace-links";
import { formatCount } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { formatUsd } from "@/lib/format/format-usd";
import type { LlmCallView } from "./llm-types";
import { modelLabel } from "./model-colours";
import { CELL, HEAD_CELL, LINK, NUMBER_CELL, ROW, TABLE, THEAD } from "./table-styles";
import { RelativeTime } from "@/components/ui/relative-time";

const tokens = (n: number | null) => (n === null ? "–" : formatCount(n));

/** One page of calls, newest first, failures marked with their error type; each opens its trace. */
export function LlmRecentCalls({ workspaceId, calls, total, busy }: { workspaceId: string; calls: LlmCallView[]; total: number; busy: boolean }) {
  return (
    <div className={`overflow-x-auto transition-opacity ${busy ? "opacity-60" : ""}`} aria-busy={busy}>
      <table className={TABLE} data-testid="llm-calls">
        <caption className="sr-only">LLM calls, newest first, {total} in total</caption>
        <thead className={THEAD}>
          <tr>
            <th scope="col" className={HEAD_CELL}>Call</th>
            <th scope="col" className={HEAD_CELL}>Model</th>
            <th scope="col" className={`${HEAD_CELL} text-right`}>Tokens in / out</th>
            <th scope="col" className={`${HEAD_CELL} text-right`}>Est. cost</th>
            <th scope="col" className={`${HEAD_CELL} text-right`}>Duration</th>
            <th scope="col" className={HEAD_CELL}>Started</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => {
            const started = new Date(call.start_ms).toISOString();
            return (
              <tr key={`${call.trace_id}-${call.span_id}`} className={ROW} data-testid="llm-call-row" data-trace-id={call.trace_id}>
                <td className={`${CELL} max-w-96 min-w-56`}>
                  <div className="flex min-w-0 items-center gap-2">
                    <Link href={traceHref(workspaceId, call.trace_id)} className={`${LINK} truncate`} title={`Open trace ${call.trace_id}`}>
                      {call.name}
                    </Link>
                    {call.is_error ? (
                      <span className="max-w-40 shrink-0 truncate rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-300" title={call.error_type || "failed"}>
                        {call.error_type || "failed"}
                      </span>
                    ) : null}
                  </div>
                  <div className="truncate text-xs text-zinc-500 dark:text-zinc-400">
                    {call.service}
                    {call.operation ? ` · ${call.operation}` : ""}
                  </div>
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <div>{modelLabel(call.model)}</div>
                  {call.provider ? <div className="text-xs text-zinc-500 dark:text-zinc-400">{call.provider}</div> : null}
                </td>
                <td className={NUMBER_CELL}>
                  {tokens(call.input_tokens)} / {tokens(call.output_tokens)}
                </td>
                <td className={NUMBER_CELL}>{formatUsd(call.cost_usd)}</td>
                <td className={NUMBER_CELL}>{formatDuration(call.duration_ms)}</td>
                <td className={`${CELL} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                  <RelativeTime iso={started} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
