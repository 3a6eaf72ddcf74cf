import { Button } from "@/components/ui/button";
import { LocalTime } from "./local-time";

/**
 * The search spent its scan bound before it filled the page: every trace from `searchedBackTo` on
 * was examined, older ones were not. Tempo's "search further": the same search, before that time.
 */
export function SearchedBackNotice({ searchedBackTo, onSearchFurther }: { searchedBackTo: string; onSearchFurther: () => void }) {
  return (
    <div
      role="status"
      data-testid="searched-back-notice"
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-md border border-zinc-200 bg-zinc-50 px-4 py-2.5 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-300"
    >
      <p>
        Searched traces back to <LocalTime iso={searchedBackTo} />. Older traces were not searched yet.
      </p>
      <Button size="sm" onClick={onSearchFurther}>
        Search further back
      </Button>
    </div>
  );
}
