import { NewerOlderPager } from "@/components/ui/newer-older-pager";
import { TRACE_PAGE_SIZE } from "./trace-list-params";

/** `total` is known only for searches that count cheaply; otherwise `hasMore` says whether Older leads anywhere. */
export function TracePager({ page, shown, total, hasMore, onPage }: { page: number; shown: number; total: number | null; hasMore: boolean; onPage: (page: number) => void }) {
  if (page === 1 && !hasMore) return null;
  const offset = (page - 1) * TRACE_PAGE_SIZE;
  return (
    <NewerOlderPager
      label="Trace pages"
      testId="trace-page-range"
      offset={offset}
      shown={shown}
      total={total ?? (hasMore ? null : offset + shown)}
      onPrevious={() => onPage(page - 1)}
      onNext={() => onPage(page + 1)}
    />
  );
}
