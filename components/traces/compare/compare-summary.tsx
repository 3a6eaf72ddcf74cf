import { StatCard } from "@/components/ui/card";
import type { TraceCompareResponse } from "@/lib/api/trace-compare.schemas";
import { deltaTone, formatDeltaPercent, formatDurationChange } from "@/lib/format/format-duration-delta";
import { formatCount } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";

/** How the whole request changed, and how many nodes changed in each way. */
export function CompareSummary({ summary }: { summary: TraceCompareResponse["summary"] }) {
  const tone = deltaTone(summary.duration_delta);
  const change =
    summary.duration_delta === null || tone === null
      ? "both took no time"
      : `${formatDeltaPercent(summary.duration_delta)} ${tone === "unchanged" ? "(unchanged)" : tone} · ${formatDurationChange(summary.a_duration_ms, summary.b_duration_ms)}`;
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="compare-summary">
      {/* Two times and an arrow need two columns' width to stay on one line. */}
      <div className="col-span-2 [&>div]:h-full">
        <StatCard
          label="Duration A → B"
          value={`${formatDuration(summary.a_duration_ms)} → ${formatDuration(summary.b_duration_ms)}`}
          hint={change}
          tone={tone === "slower" ? "danger" : undefined}
        />
      </div>
      <StatCard label="Added" value={formatCount(summary.added)} hint="only in B" />
      <StatCard label="Removed" value={formatCount(summary.removed)} hint="only in A" />
      <StatCard label="Moved" value={formatCount(summary.moved)} hint="order changed" />
      <StatCard label="Same" value={formatCount(summary.same)} hint="in the same place" />
    </div>
  );
}
