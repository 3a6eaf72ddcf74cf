import { formatPercent } from "@/lib/format/format-number";

/** Two shares side by side (a group against the rest), as bars with their figures in text. */
export function ShareBars({ group, rest, groupLabel, restLabel }: { group: number; rest: number; groupLabel: string; restLabel: string }) {
  return (
    <div className="min-w-40 space-y-1">
      <Bar share={group} label={groupLabel} className="bg-red-500 dark:bg-red-400" />
      <Bar share={rest} label={restLabel} className="bg-zinc-400 dark:bg-zinc-500" />
    </div>
  );
}

export function Bar({ share, label, className }: { share: number; label: string; className: string }) {
  const percent = Math.max(0, Math.min(1, share)) * 100;
  return (
    <div className="flex items-center gap-2 text-xs">
      <span className="w-14 shrink-0 text-zinc-500 dark:text-zinc-400">{label}</span>
      <span className="h-2 w-24 shrink-0 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800" aria-hidden>
        <span className={`block h-full rounded-full ${className}`} style={{ width: `${percent}%` }} />
      </span>
      <span className="tabular-nums">{formatPercent(share)}</span>
    </div>
  );
}
