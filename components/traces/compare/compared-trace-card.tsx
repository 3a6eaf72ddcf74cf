import Link from "next/link";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ComparedTraceView } from "@/lib/api/trace-compare.schemas";
import { formatCount } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { traceHref } from "../trace-links";

/** One side of the comparison: which trace it is, with a link to it. */
export function ComparedTraceCard({ workspaceId, side, trace, durationMs, note }: { workspaceId: string; side: "A" | "B"; trace: ComparedTraceView; durationMs: number; note?: string }) {
  return (
    <Card className="min-w-0 px-4 py-3" data-testid={`compared-trace-${side.toLowerCase()}`}>
      <div className="flex items-center gap-2">
        <span className="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-zinc-900 text-xs font-bold text-white dark:bg-zinc-100 dark:text-zinc-900" aria-hidden>
          {side}
        </span>
        <span className="sr-only">Trace {side}:</span>
        <span className="min-w-0 truncate font-medium">{trace.root_operation ?? "Root span not received"}</span>
        {note ? <span className="shrink-0 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300">{note}</span> : null}
      </div>
      <Link href={traceHref(workspaceId, trace.trace_id)} className="mt-1 block truncate font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-400" title={`Open trace ${trace.trace_id}`}>
        {trace.trace_id}
      </Link>
      <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-zinc-500 dark:text-zinc-400">
        <span>{trace.root_service ?? "unknown service"}</span>
        <span className="tabular-nums">{formatDuration(durationMs)}</span>
        <span>{formatCount(trace.span_count)} spans</span>
        {trace.error_count > 0 ? <span className="text-red-700 dark:text-red-400">{formatCount(trace.error_count)} failed</span> : null}
        <RelativeTime iso={trace.start_time} />
      </p>
    </Card>
  );
}
