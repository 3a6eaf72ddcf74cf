"use client";

import Link from "next/link";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { TRACE_ID_PATTERN } from "./trace-detail-types";
import { useTraceDetail } from "./use-trace-detail";
import { WaterfallView } from "./waterfall-view";

/** The spans of one trace on a shared time axis, with a details panel for the selected span. */
export function TraceWaterfall({ workspaceId, traceId }: { workspaceId: string; traceId: string }) {
  const id = traceId.toLowerCase();
  const valid = TRACE_ID_PATTERN.test(id);
  const query = useTraceDetail(workspaceId, id, valid);
  const tracesHref = `/w/${encodeURIComponent(workspaceId)}/traces`;

  if (!valid) {
    return (
      <EmptyState title="Not a trace id" id="waterfall-invalid">
        <p>
          <code className="break-all">{traceId}</code> is not a trace id: trace ids are 32 hexadecimal characters.
        </p>
      </EmptyState>
    );
  }
  if (query.isPending) return <Skeleton label="Loading spans" rows={10} className="h-6" />;
  if (query.isError) return <ErrorState what="the trace's spans" error={query.error} onRetry={() => query.refetch()} />;
  if (query.data === null) {
    return (
      <EmptyState title="Trace not found" id="waterfall-not-found">
        <p>
          No trace <code className="break-all">{id}</code> in this workspace. It may belong to another workspace, or be older than the retention period.
        </p>
        <p>
          <Link href={tracesHref} className="text-indigo-700 underline dark:text-indigo-300">
            Back to recent traces
          </Link>
        </p>
      </EmptyState>
    );
  }
  if (query.data.spans.length === 0) {
    return (
      <EmptyState title="No spans" id="waterfall-no-spans">
        <p>This trace has no stored spans; they may have been removed by retention.</p>
      </EmptyState>
    );
  }
  return <WaterfallView trace={query.data} workspaceId={workspaceId} />;
}
