import type { ModelCountedValue } from "@/lib/api/model.types";
import { formatCount } from "@/lib/format/format-number";

export function statusTone(status: number): string {
  if (status >= 500) return "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950 dark:text-red-300 dark:ring-red-400/30";
  if (status >= 400) return "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-400/30";
  if (status >= 300) return "bg-sky-50 text-sky-800 ring-sky-600/20 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-400/30";
  return "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-400/30";
}

/** `201 ×12` chips, one per status code seen in the sampled traces. */
export function StatusCodes({ codes }: { codes: ModelCountedValue<number>[] }) {
  if (codes.length === 0) return <span className="text-xs text-zinc-500 dark:text-zinc-400">none recorded</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Status codes">
      {codes.map((c) => (
        <li key={c.value} className={`rounded px-1.5 py-0.5 text-[11px] font-medium tabular-nums ring-1 ring-inset ${statusTone(c.value)}`} title={`${c.value} in ${formatCount(c.count)} sampled ${c.count === 1 ? "request" : "requests"}`}>
          {c.value} <span className="font-normal">×{formatCount(c.count)}</span>
        </li>
      ))}
    </ul>
  );
}
