import { Button } from "@/components/ui/button";
import { formatPageRange } from "@/lib/format/format-number";
import { TRACE_PAGE_SIZE } from "./trace-list-params";

export function TracePager({ page, shown, total, onPage }: { page: number; shown: number; total: number; onPage: (page: number) => void }) {
  const offset = (page - 1) * TRACE_PAGE_SIZE;
  if (page === 1 && shown >= total) return null;
  return (
    <nav aria-label="Trace pages" className="flex items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400">
      <p aria-live="polite" className="tabular-nums" data-testid="trace-page-range">
        {formatPageRange(offset, shown, total)}
      </p>
      <div className="flex gap-2">
        <Button size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <span aria-hidden>←</span> Newer
        </Button>
        <Button size="sm" disabled={offset + shown >= total} onClick={() => onPage(page + 1)}>
          Older <span aria-hidden>→</span>
        </Button>
      </div>
    </nav>
  );
}
