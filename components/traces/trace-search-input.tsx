"use client";

import { useId, useState } from "react";
import { parseTraceIdInput } from "./parse-trace-id-input";

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
      <svg aria-hidden viewBox="0 0 20 20" className="pointer-events-none absolute top-[1.125rem] left-2.5 h-4 w-4 -translate-y-1/2 text-zinc-400" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="9" cy="9" r="6" />
        <path d="m14 14 4 4" strokeLinecap="round" />
      </svg>
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
      <kbd aria-hidden className="pointer-events-none absolute top-[1.125rem] right-2 -translate-y-1/2 rounded border border-zinc-300 px-1.5 text-[10px] leading-4 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
        /
      </kbd>
      <p id={hintId} aria-live="polite" className={`mt-1 text-xs ${showError ? "text-red-700 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400"} ${showError || parsed.kind === "id" ? "" : "sr-only"}`}>
        {showError ? parsed.message : parsed.kind === "id" ? "Press Enter to open this trace." : "Paste a trace id or a traceparent header; Enter opens the trace."}
      </p>
    </div>
  );
}
