"use client";

import { memo, useId } from "react";
import { Button } from "@/components/ui/button";
import { ERROR_COLOR } from "./service-colors";
import type { WaterfallModel } from "./waterfall-model";

interface ToolbarProps {
  model: WaterfallModel;
  colors: Map<string, string>;
  visible: number;
  find: string;
  onFind: (value: string) => void;
  matches: number[];
  activeIndex: number;
  onReveal: (index: number) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  /** Whether critical-path sections are drawn on the bars. */
  criticalPath: boolean;
  onCriticalPath: (shown: boolean) => void;
  /** The trace has an error origin, so rows on its way to the root are marked. */
  hasErrorChain: boolean;
}

/** Above the waterfall: the service legend, find-in-trace, fold and unfold everything. */
export const WaterfallToolbar = memo(function WaterfallToolbar({
  model,
  colors,
  visible,
  find,
  onFind,
  matches,
  activeIndex,
  onReveal,
  onExpandAll,
  onCollapseAll,
  criticalPath,
  onCriticalPath,
  hasErrorChain,
}: ToolbarProps) {
  const findId = useId();
  const hasErrors = model.spans.some((r) => r.isError);
  // Enter walks the matches from the active row on, wrapping round.
  const nextMatch = (backwards: boolean) => {
    if (matches.length === 0) return;
    const next = backwards ? [...matches].reverse().find((i) => i < activeIndex) ?? matches[matches.length - 1] : matches.find((i) => i > activeIndex) ?? matches[0];
    onReveal(next);
  };
  const current = matches.indexOf(activeIndex);

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <ul className="flex min-w-0 flex-1 flex-wrap items-center gap-x-3 gap-y-1 text-xs" aria-label="Services">
        {model.services.map((service) => (
          <li key={service} className="flex items-center gap-1.5 text-zinc-700 dark:text-zinc-300">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: colors.get(service) }} />
            {service}
          </li>
        ))}
        {hasErrors ? (
          <li className="flex items-center gap-1.5 text-zinc-700 dark:text-zinc-300">
            <span aria-hidden className="h-2.5 w-2.5 rounded-sm" style={{ background: ERROR_COLOR }} />
            error
          </li>
        ) : null}
        {criticalPath ? (
          <li className="flex items-center gap-1.5 text-zinc-700 dark:text-zinc-300">
            <span aria-hidden className="h-1 w-3 rounded-full bg-zinc-950/80 dark:bg-white/85" />
            critical path
          </li>
        ) : null}
        {hasErrorChain ? (
          <li className="flex items-center gap-1.5 text-zinc-700 dark:text-zinc-300">
            <span aria-hidden className="h-3 w-1 bg-red-600 dark:bg-red-500" />
            error&apos;s path
          </li>
        ) : null}
      </ul>
      <div className="flex items-center gap-2">
        <label htmlFor={findId} className="sr-only">
          Find spans by name, service or span id
        </label>
        <input
            id={findId}
            type="search"
            value={find}
            onChange={(e) => onFind(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                nextMatch(e.shiftKey);
              }
            }}
            placeholder="Find span…"
            className="h-7 w-44 rounded-md border border-zinc-300 bg-white px-2 text-xs placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-950 dark:placeholder:text-zinc-400"
          />
        {find.trim() ? (
          <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400" role="status">
            {matches.length === 0 ? "no match" : current === -1 ? `${matches.length} found` : `${current + 1} of ${matches.length}`}
          </span>
        ) : null}
        <Button
          size="sm"
          variant="ghost"
          aria-pressed={criticalPath}
          onClick={() => onCriticalPath(!criticalPath)}
          title="Mark the spans the request waited on, from its start to its end"
          className={criticalPath ? "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100" : ""}
        >
          Critical path
        </Button>
        <Button size="sm" variant="ghost" onClick={onExpandAll} disabled={visible === model.spans.length}>
          Expand all
        </Button>
        <Button size="sm" variant="ghost" onClick={onCollapseAll}>
          Collapse all
        </Button>
      </div>
    </div>
  );
});
