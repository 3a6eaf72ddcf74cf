import type { PathNodeType } from "@/lib/traces/path-node";

export type RiskLevel = "high" | "medium" | "low";

const RISK: Record<RiskLevel, string> = {
  high: "bg-red-100 text-red-800 ring-red-600/20 dark:bg-red-950 dark:text-red-300 dark:ring-red-400/30",
  medium: "bg-amber-100 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-400/30",
  low: "bg-emerald-100 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-400/30",
};

export function RiskBadge({ level, score }: { level: RiskLevel; score?: number }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${RISK[level]}`}
      title={score === undefined ? undefined : `Risk score ${score.toFixed(3)}`}
      data-testid="risk-badge"
    >
      {level}
      {score === undefined ? null : <span className="tabular-nums">{score.toFixed(2)}</span>}
    </span>
  );
}

/** Node types keep one colour everywhere: badges, graph nodes, diffs. */
export const NODE_TYPE_STYLE: Record<PathNodeType, { label: string; badge: string; border: string; dot: string }> = {
  service: { label: "service", badge: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300", border: "border-indigo-400 dark:border-indigo-500", dot: "bg-indigo-500" },
  api_endpoint: { label: "endpoint", badge: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300", border: "border-emerald-400 dark:border-emerald-500", dot: "bg-emerald-500" },
  database: { label: "database", badge: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300", border: "border-amber-400 dark:border-amber-500", dot: "bg-amber-500" },
  topic: { label: "topic", badge: "bg-fuchsia-100 text-fuchsia-800 dark:bg-fuchsia-950 dark:text-fuchsia-300", border: "border-fuchsia-400 dark:border-fuchsia-500", dot: "bg-fuchsia-500" },
};

export function NodeTypeBadge({ type }: { type: PathNodeType }) {
  const style = NODE_TYPE_STYLE[type];
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-[11px] font-medium ${style.badge}`}>{style.label}</span>;
}

export function DriftMark() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-orange-100 px-2 py-0.5 text-xs font-medium text-orange-800 dark:bg-orange-950 dark:text-orange-300" title="Its entry point's path changed" data-testid="drift-mark">
      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-orange-500" />
      drifted
    </span>
  );
}
