import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import type { TraceDetail } from "../trace-detail-types";
import { traceCompareHref } from "../trace-links";

/**
 * The trace page's way to the compare page: this trace beside the typical trace of its flow.
 * Shown disabled, with the reason, when the trace is that representative or its flow has none yet;
 * hidden for a trace not in a flow (the header says so already).
 */
export function CompareWithRepresentative({ workspaceId, trace }: { workspaceId: string; trace: Pick<TraceDetail, "trace_id" | "flow_id" | "representative_trace_id"> }) {
  if (!trace.flow_id) return null;
  const representative = trace.representative_trace_id;
  if (representative === null || representative === trace.trace_id) {
    const reason = representative === null ? "Its flow has no representative trace yet" : "This trace is its flow's representative";
    return (
      <Button disabled className="opacity-60" title={reason}>
        Compare with representative
        <span className="sr-only">: {reason}</span>
      </Button>
    );
  }
  return (
    <Link href={traceCompareHref(workspaceId, trace.trace_id, representative)} className={buttonClass("secondary")} title={`Compare with ${representative}, the typical trace of its flow`}>
      Compare with representative
    </Link>
  );
}
