import { RiskBadge, type RiskLevel } from "@/components/ui/badges";
import { formatScore } from "@/lib/format/format-number";

/** The risk badge with its score beside it, in text that keeps its contrast in both themes. */
export function FlowRisk({ level, score }: { level: RiskLevel; score: number }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" title={`Risk score ${score.toFixed(3)}`}>
      <RiskBadge level={level} />
      <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{formatScore(score)}</span>
    </span>
  );
}
