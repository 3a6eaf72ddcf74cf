import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { TraceDetail } from "../trace-detail-types";
import { traceCompareHref } from "../trace-links";

/**
 * The trace page's way to the compare page: this trace beside the typical trace of its flow.
 * In its place the reason there is none: the trace is that representative, or its flow has none
 * yet; nothing for a trace not in a flow (the header says so already).
 */
export function CompareWithRepresentative({ workspaceId, trace }: { workspaceId: string; trace: Pick<TraceDetail, "trace_id" | "flow_id" | "representative_trace_id"> }) {
  if (!trace.flow_id) return null;
  const representative = trace.representative_trace_id;
  if (representative === null || representative === trace.trace_id) {
    const [reason, hint] =
      representative === null
        ? ["Its flow has no representative trace yet", "Nothing to compare this trace with yet"]
        : ["The representative of its flow", "The flow's other traces can be compared with this one"];
    return (
      <span className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="compare-unavailable" title={hint}>
        {reason}
      </span>
    );
  }
  return (
    <Link href={traceCompareHref(workspaceId, trace.trace_id, representative)} className={buttonClass("secondary")} title={`Compare with ${representative}, the typical trace of its flow`}>
      Compare with representative
    </Link>
  );
}
