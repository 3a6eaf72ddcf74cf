"use client";

import { memo } from "react";
import { formatDuration } from "@/lib/format/format-time";
import { ERROR_COLOR } from "./service-colors";
import type { RowDiagnosis } from "./waterfall-diagnosis-model";
import { hasChildren, type WaterfallSpan } from "./waterfall-model";

export const ROW_HEIGHT = 30;
/** Name column, then the timeline; the header, gridlines and rows share it so they line up. */
export const WATERFALL_COLUMNS = "minmax(13rem, 38%) minmax(0, 1fr)";
/** Room right of the timeline for the duration label of a span that ends with the trace. */
export const LABEL_GUTTER = "4.5rem";
const INDENT_PX = 14;
const FULL_INDENT_LEVELS = 8;

// Past a few levels each level indents less, so a chain hundreds deep still leaves room for names.
const indentOf = (depth: number) => INDENT_PX * Math.min(depth, FULL_INDENT_LEVELS) + 3 * Math.max(0, depth - FULL_INDENT_LEVELS);

interface WaterfallRowProps {
  row: WaterfallSpan;
  /** Position among the visible rows. */
  slot: number;
  color: string;
  axisMs: number;
  selected: boolean;
  active: boolean;
  collapsed: boolean;
  matched: boolean;
  /** Critical-path sections, error chain and origin of this span, if any. */
  diagnosis: RowDiagnosis | undefined;
  showCriticalPath: boolean;
  onToggle: (index: number) => void;
  onSelect: (index: number) => void;
}

// Memoised with stable callbacks: scrolling or selecting re-renders only the rows that changed.
export const WaterfallRow = memo(function WaterfallRow({ row, slot, color, axisMs, selected, active, collapsed, matched, diagnosis, showCriticalPath, onToggle, onSelect }: WaterfallRowProps) {
  const { span } = row;
  const path = showCriticalPath && diagnosis && diagnosis.path.length > 0 ? diagnosis : null;
  const pathNote = path ? `On the critical path for ${formatDuration(path.pathMs)}` : undefined;
  const parent = hasChildren(row);
  const left = axisMs > 0 ? (row.offsetMs / axisMs) * 100 : 0;
  const width = axisMs > 0 ? (row.durationMs / axisMs) * 100 : 0;
  const barColor = row.isError ? ERROR_COLOR : color;
  const hidden = row.subtreeEnd - row.index - 1;

  return (
    <div
      role="treeitem"
      aria-level={row.depth + 1}
      aria-setsize={row.siblings}
      aria-posinset={row.position}
      aria-expanded={parent ? !collapsed : undefined}
      aria-selected={selected}
      tabIndex={active ? 0 : -1}
      data-index={row.index}
      data-span-id={span.span_id}
      data-testid="waterfall-row"
      onClick={() => onSelect(row.index)}
      className={`absolute inset-x-0 grid cursor-pointer items-center border-b border-zinc-100 text-xs outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 dark:border-zinc-800/70 ${
        selected ? "bg-indigo-50 dark:bg-indigo-500/15" : matched ? "bg-amber-50 dark:bg-amber-400/10" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/50"
      }`}
      style={{ top: slot * ROW_HEIGHT, height: ROW_HEIGHT, gridTemplateColumns: WATERFALL_COLUMNS }}
    >
      {diagnosis?.chain ? (
        <span
          aria-hidden
          data-testid="error-chain-marker"
          title={diagnosis.chain === "cause" ? "On the way the first failure travelled up to the root" : "On the way a later failure travelled up to the root"}
          className={`absolute inset-y-0 left-0 w-1 ${diagnosis.chain === "cause" ? "bg-red-600 dark:bg-red-500" : "bg-red-300 dark:bg-red-800"}`}
        />
      ) : null}
      <div className="flex min-w-0 items-center gap-1 pr-2" style={{ paddingLeft: `calc(0.5rem + min(${indentOf(row.depth)}px, 35%))` }}>
        {parent ? (
          // Not a separate tab stop: ArrowLeft/ArrowRight fold rows from the keyboard (the ARIA tree pattern).
          <span
            aria-hidden
            onClick={(e) => {
              e.stopPropagation();
              onToggle(row.index);
            }}
            className="flex h-5 w-4 shrink-0 items-center justify-center rounded text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
            title={collapsed ? "Expand" : "Collapse"}
          >
            <svg viewBox="0 0 12 12" className={`h-3 w-3 transition-transform ${collapsed ? "" : "rotate-90"}`} fill="currentColor">
              <path d="M4 2.5l4 3.5-4 3.5z" />
            </svg>
          </span>
        ) : (
          <span aria-hidden className="w-4 shrink-0" />
        )}
        <span aria-hidden className="h-2.5 w-1 shrink-0 rounded-full" style={{ background: color }} />
        <span className="min-w-0 truncate" title={`${span.service} · ${span.name} (depth ${row.depth})`}>
          <span className="text-zinc-600 dark:text-zinc-400">{span.service}</span> <span className="font-medium text-zinc-900 dark:text-zinc-100">{span.name}</span>
        </span>
        {row.isError ? (
          <span className="shrink-0 rounded bg-red-100 px-1 text-[10px] font-semibold text-red-700 dark:bg-red-950 dark:text-red-300">error</span>
        ) : null}
        {diagnosis?.origin ? <OriginBadge origin={diagnosis.origin} /> : null}
        {diagnosis?.chain && !diagnosis.origin ? <span className="sr-only">, on an error&apos;s path</span> : null}
        {pathNote ? <span className="sr-only">, {pathNote.toLowerCase()}</span> : null}
        {collapsed && hidden > 0 ? (
          <span className="shrink-0 rounded bg-zinc-100 px-1 text-[10px] text-zinc-600 tabular-nums dark:bg-zinc-800 dark:text-zinc-300" title={`${hidden} spans folded`}>
            +{hidden}
          </span>
        ) : null}
      </div>
      <div className="relative h-full" style={{ marginRight: LABEL_GUTTER }} title={pathNote}>
        <div aria-hidden className="absolute top-1/2 h-3 -translate-y-1/2 rounded-sm" style={{ left: `${left}%`, width: `max(2px, ${width}%)`, background: barColor }} />
        {path?.path.map((section) => (
          <div
            key={section.offsetMs}
            aria-hidden
            data-testid="critical-path-section"
            className="absolute top-1/2 h-1 -translate-y-1/2 rounded-full bg-zinc-950/80 dark:bg-white/85"
            style={{ left: `${axisMs > 0 ? (section.offsetMs / axisMs) * 100 : 0}%`, width: `max(2px, ${axisMs > 0 ? (section.durationMs / axisMs) * 100 : 0}%)` }}
          />
        ))}
        <span className="absolute top-1/2 -translate-y-1/2 pl-1.5 whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-300" style={{ left: `${Math.min(left + width, 100)}%` }}>
          {formatDuration(row.durationMs)}
        </span>
      </div>
    </div>
  );
});

/** Where an error starts: loud for the trace's first failure, quiet for later ones. */
function OriginBadge({ origin }: { origin: NonNullable<RowDiagnosis["origin"]> }) {
  const cause = origin.role === "cause";
  const why =
    origin.reason === "timeout_masked"
      ? "It was still running when its caller gave up waiting (a timeout), so the failure is here though this span reports none."
      : origin.reason === "own_message"
        ? "It failed with a message of its own, unlike the failures beneath it."
        : "Nothing it called failed.";
  return (
    <span
      data-testid="error-origin-badge"
      data-role={origin.role}
      title={`${cause ? "The trace's first failure starts here." : "A later failure, after the first one, starts here."} ${why}${origin.status_message ? ` Message: ${origin.status_message}` : ""}`}
      className={`shrink-0 rounded px-1 text-[10px] font-semibold whitespace-nowrap ${
        cause ? "bg-red-600 text-white dark:bg-red-500 dark:text-white" : "bg-red-50 text-red-700 ring-1 ring-red-200 ring-inset dark:bg-red-950/60 dark:text-red-300 dark:ring-red-900"
      }`}
    >
      {cause ? "Error starts here" : "Later failure"}
    </span>
  );
}
