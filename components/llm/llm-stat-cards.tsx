import { StatCard } from "@/components/ui/card";
import { formatCount, formatPercent } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { formatUsd } from "@/lib/format/format-usd";
import type { UsageStats } from "./llm-types";
import { unpricedNotes } from "./unpriced-notes";

function costHint(totals: UsageStats, pricesAsOf: string) {
  return (
    <>
      list prices as of <time dateTime={pricesAsOf}>{pricesAsOf}</time>
      {/* The sum leaves these out, so the cost is at least the figure shown. */}
      {unpricedNotes(totals).map((note) => (
        <span key={note.key} className="block text-amber-700 dark:text-amber-400" title={note.title} data-testid="unpriced-calls">
          {note.text}
        </span>
      ))}
    </>
  );
}

export function LlmStatCards({ totals, pricesAsOf }: { totals: UsageStats; pricesAsOf: string }) {
  return (
    <section aria-label="LLM usage totals" className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6" data-testid="llm-totals">
      <StatCard label="Calls" value={formatCount(totals.calls)} hint={`${formatCount(totals.errors)} failed`} />
      <StatCard label="Input tokens" value={formatCount(totals.input_tokens)} />
      <StatCard label="Output tokens" value={formatCount(totals.output_tokens)} />
      <StatCard
        label="Estimated cost"
        value={formatUsd(totals.cost_usd)}
        hint={costHint(totals, pricesAsOf)}
      />
      <StatCard label="Latency p50" value={formatDuration(totals.p50_ms)} hint={`p95 ${formatDuration(totals.p95_ms)}`} />
      <StatCard label="Error rate" value={formatPercent(totals.error_rate)} tone={totals.error_rate >= 0.05 ? "danger" : totals.error_rate > 0 ? "warning" : undefined} />
    </section>
  );
}
