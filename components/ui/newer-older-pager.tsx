import { Button } from "@/components/ui/button";
import { formatPageRange } from "@/lib/format/format-number";

/** "1–50 of 312" with Newer / Older: paging of lists newest first; a null total ("1–50") when the list is not counted and more follow. */
export function NewerOlderPager({ label, testId, offset, shown, total, onPrevious, onNext, className = "" }: { label: string; testId: string; offset: number; shown: number; total: number | null; onPrevious: () => void; onNext: () => void; className?: string }) {
  return (
    <nav aria-label={label} className={`flex items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400 ${className}`}>
      <p aria-live="polite" className="tabular-nums" data-testid={testId}>
        {total === null ? `${offset + 1}–${offset + shown}` : formatPageRange(offset, shown, total)}
      </p>
      <div className="flex gap-2">
        <Button size="sm" disabled={offset <= 0} onClick={onPrevious}>
          <span aria-hidden>←</span> Newer
        </Button>
        <Button size="sm" disabled={total !== null && offset + shown >= total} onClick={onNext}>
          Older <span aria-hidden>→</span>
        </Button>
      </div>
    </nav>
  );
}
