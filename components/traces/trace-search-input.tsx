"use client";

import { useId, useState } from "react";
import { parseTraceIdInput } from "./parse-trace-id-input";
import { SearchIcon, SlashKeyHint } from "@/components/ui/search-adornments";

/**
 * Search by trace id. A complete id filters the list at once (pasting is the usual way in) and
 * Enter opens it; anything else explains what a trace id looks like instead of finding nothing.
 */
export function TraceSearchInput({ value, onSearch, onOpen }: { value: string; onSearch: (traceId: string) => void; onOpen: (traceId: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [insisted, setInsisted] = useState(false);
  const hintId = useId();
  // The URL moved without typing here (back button, "clear filters"): show where it went.
  if (value !== seen) {
    setSeen(value);
    const typed = parseTraceIdInput(draft);
    // Our own commit echoes back: keep what was typed (a traceparent stays a traceparent).
    if ((typed.kind === "id" ? typed.traceId : "") !== value) setDraft(value);
  }

  const parsed = parseTraceIdInput(draft);
  // Half-typed ids are not scolded until the user leaves the box or presses Enter.
  const showError = parsed.kind === "invalid" && (!parsed.incomplete || insisted);

  const change = (text: string) => {
    setDraft(text);
    setInsisted(false);
    const next = parseTraceIdInput(text);
    if (next.kind === "id" && next.traceId !== value) onSearch(next.traceId);
    if (next.kind !== "id" && value !== "") onSearch("");
  };

  return (
    <div className="relative">
      <SearchIcon top="top-[1.125rem]" />
      <input
        type="search"
        data-page-search
        aria-label="Search by trace id"
        aria-describedby={hintId}
        aria-invalid={showError || undefined}
        placeholder="Trace id (32 hex characters)…"
        spellCheck={false}
        autoComplete="off"
        value={draft}
        onChange={(e) => change(e.target.value)}
        onBlur={() => setInsisted(true)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            setInsisted(true);
            if (parsed.kind === "id") onOpen(parsed.traceId);
          } else if (e.key === "Escape") {
            change("");
            e.currentTarget.blur();
          }
        }}
        className={`h-9 w-80 rounded-md border bg-white pr-8 pl-8 font-mono text-sm placeholder:font-sans placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-offset-0 dark:bg-zinc-900 dark:placeholder:text-zinc-400 [&::-webkit-search-cancel-button]:hidden ${
          showError
            ? "border-red-500 focus-visible:outline-red-500/40 dark:border-red-500"
            : "border-zinc-300 focus-visible:border-indigo-500 focus-visible:outline-indigo-500/40 dark:border-zinc-700"
        }`}
      />
      <SlashKeyHint top="top-[1.125rem]" />
      <p id={hintId} aria-live="polite" className={`mt-1 text-xs ${showError ? "text-red-700 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400"} ${showError || parsed.kind === "id" ? "" : "sr-only"}`}>
        {showError ? parsed.message : parsed.kind === "id" ? "Press Enter to open this trace." : "Paste a trace id or a traceparent header; Enter opens the trace."}
      </p>
    </div>
  );
}
