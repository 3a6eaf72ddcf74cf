import { deltaTone, formatDeltaPercent, formatDurationChange } from "@/lib/format/format-duration-delta";

const TONE = {
  slower: { bar: "bg-red-500 dark:bg-red-400", text: "text-red-700 dark:text-red-400" },
  faster: { bar: "bg-emerald-500 dark:bg-emerald-400", text: "text-emerald-700 dark:text-emerald-400" },
  unchanged: { bar: "bg-zinc-400", text: "text-zinc-500 dark:text-zinc-400" },
} as const;

/**
 * A change in duration as a bar from the middle (left and green: faster; right and red: slower),
 * the percentage, and the words, so it reads without colour too.
 */
export function DurationDeltaCell({ delta, aMs, bMs }: { delta: number | null; aMs: number | null; bMs: number | null }) {
  const tone = deltaTone(delta);
  if (delta === null || tone === null || aMs === null || bMs === null) {
    return <span className="text-xs text-zinc-400 dark:text-zinc-500">{aMs === null || bMs === null ? "—" : "no time"}</span>;
  }
  const style = TONE[tone];
  const half = Math.min(Math.abs(delta), 1) * 50;
  return (
    <div className="flex items-center gap-2" data-testid="duration-delta" data-tone={tone}>
      <div className="relative h-2 w-20 shrink-0 rounded-full bg-zinc-100 dark:bg-zinc-800" aria-hidden>
        <span className="absolute inset-y-0 left-1/2 w-px bg-zinc-300 dark:bg-zinc-600" />
        <span className={`absolute inset-y-0 rounded-full ${style.bar}`} style={delta >= 0 ? { left: "50%", width: `${half}%` } : { right: "50%", width: `${half}%` }} />
      </div>
      <span className={`text-xs tabular-nums ${style.text}`}>
        <span className="font-semibold">{formatDeltaPercent(delta)}</span> {tone}
        <span className="block text-[11px] text-zinc-500 dark:text-zinc-400">{formatDurationChange(aMs, bMs)}</span>
      </span>
    </div>
  );
}
