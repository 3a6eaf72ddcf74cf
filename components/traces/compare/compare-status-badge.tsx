import type { TraceCompareResponse } from "@/lib/api/trace-compare.schemas";

export type CompareStatus = TraceCompareResponse["rows"][number]["status"];

// The drift diff's colours and signs: green added, red removed, amber moved.
const STATUS: Record<CompareStatus, { sign: string; label: string; title: string; style: string }> = {
  added: { sign: "+", label: "added", title: "Only in B", style: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" },
  removed: { sign: "−", label: "removed", title: "Only in A", style: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300" },
  moved: { sign: "↕", label: "moved", title: "In both, in another order", style: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300" },
  same: { sign: "", label: "same", title: "In both, in the same place", style: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300" },
};

export function CompareStatusBadge({ status }: { status: CompareStatus }) {
  const { sign, label, title, style } = STATUS[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${style}`} title={title} data-testid="compare-status">
      {sign ? <span aria-hidden>{sign}</span> : null}
      {label}
    </span>
  );
}
