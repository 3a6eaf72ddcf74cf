import { NewerOlderPager } from "@/components/ui/newer-older-pager";
import { CALLS_PAGE_SIZE } from "./use-llm-data";

export function LlmCallsPager({ page, shown, total, onPage }: { page: number; shown: number; total: number; onPage: (page: number) => void }) {
  return (
    <NewerOlderPager
      label="Call pages"
      testId="llm-calls-range"
      offset={(page - 1) * CALLS_PAGE_SIZE}
      shown={shown}
      total={total}
      onPrevious={() => onPage(page - 1)}
      onNext={() => onPage(page + 1)}
      className="border-t border-zinc-200 px-4 py-2.5 dark:border-zinc-800"
    />
  );
}
