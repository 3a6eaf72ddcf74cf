import { NewerOlderPager } from "@/components/ui/newer-older-pager";
import { TRACE_PAGE_SIZE } from "./trace-list-params";

export function TracePager({ page, shown, total, onPage }: { page: number; shown: number; total: number; onPage: (page: number) => void }) {
  if (page === 1 && shown >= total) return null;
  return (
    <NewerOlderPager
      label="Trace pages"
      testId="trace-page-range"
      offset={(page - 1) * TRACE_PAGE_SIZE}
      shown={shown}
      total={total}
      onPrevious={() => onPage(page - 1)}
      onNext={() => onPage(page + 1)}
    />
  );
}
