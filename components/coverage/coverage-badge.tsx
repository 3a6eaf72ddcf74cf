import type { CoverageMark } from "@/lib/diagnosis/mark-graph-coverage";

// A mark and a word, never colour alone: covered (a tick), partly (half a disc), not (a ring).
const STYLE: Record<CoverageMark, { label: string; className: string }> = {
  covered: { label: "covered", className: "bg-emerald-100 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-400/30" },
  partial: { label: "partly covered", className: "bg-amber-100 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-400/30" },
  uncovered: { label: "not covered", className: "bg-zinc-100 text-zinc-700 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-500/40" },
};

export function CoverageIcon({ mark, className = "h-3 w-3" }: { mark: CoverageMark; className?: string }) {
  return (
    <svg viewBox="0 0 12 12" className={`shrink-0 ${className}`} aria-hidden>
      {mark === "covered" ? (
        <>
          <circle cx="6" cy="6" r="6" className="fill-emerald-600 dark:fill-emerald-400" />
          <path d="M3.4 6.2 5.2 8l3.4-3.8" fill="none" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" className="stroke-white dark:stroke-zinc-900" />
        </>
      ) : mark === "partial" ? (
        <>
          <circle cx="6" cy="6" r="5.2" fill="none" strokeWidth="1.6" className="stroke-amber-600 dark:stroke-amber-400" />
          <path d="M6 0.8a5.2 5.2 0 0 1 0 10.4z" className="fill-amber-600 dark:fill-amber-400" />
        </>
      ) : (
        <circle cx="6" cy="6" r="5.2" fill="none" strokeWidth="1.6" strokeDasharray="2.2 1.6" className="stroke-zinc-500 dark:stroke-zinc-400" />
      )}
    </svg>
  );
}

export function coverageLabel(mark: CoverageMark): string {
  return STYLE[mark].label;
}

export function CoverageBadge({ mark }: { mark: CoverageMark }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${STYLE[mark].className}`} data-testid="coverage-badge" data-coverage={mark}>
      <CoverageIcon mark={mark} />
      {STYLE[mark].label}
    </span>
  );
}
