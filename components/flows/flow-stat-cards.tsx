import { StatCard } from "@/components/ui/card";
import { formatCount, formatPercent, formatScore } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import type { FlowView } from "./flow-types";
import { RelativeTime } from "@/components/ui/relative-time";

const day = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function FlowStatCards({ flow }: { flow: FlowView }) {
  return (
    <section aria-label="Flow statistics" className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      <StatCard label="Occurrences" value={formatCount(flow.occurrence_count)} hint="traces" />
      <StatCard label="Avg duration" value={formatDuration(flow.avg_duration_ms)} />
      <StatCard label="P95 duration" value={formatDuration(flow.p95_duration_ms)} />
      <StatCard label="Error rate" value={formatPercent(flow.error_rate)} tone={flow.error_rate >= 0.05 ? "danger" : flow.error_rate > 0 ? "warning" : undefined} />
      <StatCard label="Risk score" value={formatScore(flow.risk_score)} hint={`${flow.risk_level} risk`} tone={flow.risk_level === "high" ? "danger" : flow.risk_level === "medium" ? "warning" : undefined} />
      <StatCard
        label="Last seen"
        value={<RelativeTime iso={flow.last_seen_at} />}
        hint={
          <>
            first seen <time dateTime={flow.first_seen_at}>{day(flow.first_seen_at)}</time>
          </>
        }
      />
    </section>
  );
}
