import { formatPercent } from "@/lib/format/format-number";

/** A share of traffic (0..1) as a percentage over a small bar. */
export function TrafficShareBar({ share }: { share: number }) {
  return (
    <div className="inline-flex flex-col items-end gap-1">
      <span className="tabular-nums">{formatPercent(share)}</span>
      <span aria-hidden className="h-1 w-16 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
        <span className="block h-full rounded-full bg-orange-400" style={{ width: `${Math.min(100, Math.max(share > 0 ? 3 : 0, share * 100))}%` }} />
      </span>
    </div>
  );
}
