"use client";

import { useEffect, useState } from "react";
import { SearchIcon, SlashKeyHint } from "@/components/ui/search-adornments";

const DEBOUNCE_MS = 300;

/**
 * The flow list's free-text search. Typing is debounced into `onCommit`; `replace` tells the
 * caller that a search is being refined, so one search is one history entry, not one per key.
 */
export function FlowSearchInput({ value, onCommit }: { value: string; onCommit: (q: string, replace: boolean) => void }) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [pending, setPending] = useState<string | null>(null);
  // The URL moved without typing (back button, "clear filters"): show where it went. The echo
  // of our own commit is ignored, since more may have been typed since.
  if (value !== seen) {
    setSeen(value);
    if (value === pending) setPending(null);
    else setDraft(value);
  }

  useEffect(() => {
    const q = draft.trim();
    if (q === value) return;
    const timer = setTimeout(() => {
      setPending(q);
      onCommit(q, value !== "");
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onCommit]);

  return (
    <div className="relative">
      <SearchIcon />
      <input
        type="search"
        data-page-search
        aria-label="Search flows"
        placeholder="Search flows…"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            setDraft("");
            e.currentTarget.blur();
          }
        }}
        className="h-9 w-72 rounded-md border border-zinc-300 bg-white pr-8 pl-8 text-sm placeholder:text-zinc-500 focus-visible:border-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-500/40 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400 [&::-webkit-search-cancel-button]:hidden"
      />
      <SlashKeyHint />
    </div>
  );
}
