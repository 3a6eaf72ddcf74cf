import { Button } from "@/components/ui/button";
import { formatPageRange } from "@/lib/format/format-number";
import { PAGE_SIZE } from "./flow-list-params";

export function FlowPager({ page, shown, total, onPage }: { page: number; shown: number; total: number; onPage: (page: number) => void }) {
  const offset = (page - 1) * PAGE_SIZE;
  return (
    <nav aria-label="Flow pages" className="flex items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400">
      <p aria-live="polite" className="tabular-nums" data-testid="flow-page-range">
        {formatPageRange(offset, shown, total)}
      </p>
      <div className="flex gap-2">
        <Button size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <span aria-hidden>←</span> Previous
        </Button>
        <Button size="sm" disabled={offset + shown >= total} onClick={() => onPage(page + 1)}>
          Next <span aria-hidden>→</span>
        </Button>
      </div>
    </nav>
  );
}
