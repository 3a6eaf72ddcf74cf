"use client";

/** Finds nodes by name, service or type; Enter jumps to the first match. `/` focuses it. */
export function GraphSearch({
  value,
  onChange,
  matchCount,
  total,
  onPickFirst,
}: {
  value: string;
  onChange: (value: string) => void;
  matchCount: number;
  total: number;
  onPickFirst: () => void;
}) {
  const searching = value.trim() !== "";
  return (
    <div className="flex min-w-72 flex-1 flex-wrap items-center gap-3">
      <div className="relative w-full max-w-xs">
        <label htmlFor="graph-search" className="sr-only">
          Find a node
        </label>
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-zinc-500">
          <circle cx="9" cy="9" r="5.5" />
          <path d="m13 13 4 4" />
        </svg>
        <input
          id="graph-search"
          type="search"
          data-page-search
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              onPickFirst();
            } else if (e.key === "Escape" && value !== "") {
              e.preventDefault();
              onChange("");
            }
          }}
          placeholder="Find a node"
          aria-describedby="graph-search-hint"
          autoComplete="off"
          className="h-9 w-full rounded-md border border-zinc-300 bg-white pr-10 pl-8 text-sm placeholder:text-zinc-500 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/40 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-500"
        />
        <kbd aria-hidden className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 rounded border border-zinc-300 px-1.5 text-[10px] text-zinc-500 dark:border-zinc-700">
          /
        </kbd>
      </div>
      <p id="graph-search-hint" className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {searching ? (
          <>
            <span className="font-medium tabular-nums">{matchCount}</span> of {total} nodes match{matchCount > 0 ? " · Enter shows the first" : ""}
          </>
        ) : null}
      </p>
    </div>
  );
}
