"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { SpanDetails } from "./span-details";
import { serviceColors } from "./service-colors";
import type { TraceDetail } from "./trace-detail-types";
import { useVirtualWindow } from "./use-virtual-window";
import { WaterfallAxis, WaterfallGridlines } from "./waterfall-axis";
import { WaterfallDiagnosis } from "./waterfall-diagnosis";
import { buildRowDiagnoses } from "./waterfall-diagnosis-model";
import { ancestorIds, buildWaterfallModel, hasChildren, nearestShown, timeTicks, visibleRows } from "./waterfall-model";
import { ROW_HEIGHT, WaterfallRow } from "./waterfall-row";
import { WaterfallToolbar } from "./waterfall-toolbar";

const NO_COLOR = "#a1a1aa";

export function WaterfallView({ trace, workspaceId }: { trace: TraceDetail; workspaceId: string }) {
  const model = useMemo(() => buildWaterfallModel(trace.spans), [trace.spans]);
  const colors = useMemo(() => serviceColors(model.services), [model.services]);
  const { ticks, axisMs } = useMemo(() => timeTicks(model.totalMs), [model.totalMs]);
  const diagnoses = useMemo(() => buildRowDiagnoses(trace, model.startNs), [trace, model.startNs]);
  const [criticalPath, setCriticalPath] = useState(true);

  // Selection, focus and folds are kept by span id: an open trace is refetched as spans arrive,
  // and new spans shift the tree-order indices.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [find, setFind] = useState("");
  const deferredFind = useDeferredValue(find);

  const indexOf = useMemo(() => new Map(model.spans.map((row) => [row.span.span_id, row.index])), [model]);
  const rows = useMemo(() => visibleRows(model, collapsed), [model, collapsed]);
  const slotOf = useMemo(() => {
    const slots = new Int32Array(model.spans.length).fill(-1);
    rows.forEach((index, slot) => (slots[index] = slot));
    return slots;
  }, [model, rows]);

  const matches = useMemo(() => {
    const needle = deferredFind.trim().toLowerCase();
    if (!needle) return [];
    return model.spans
      .filter(({ span }) => span.name.toLowerCase().includes(needle) || span.service.toLowerCase().includes(needle) || span.span_id.startsWith(needle))
      .map((row) => row.index);
  }, [model, deferredFind]);
  const matchSet = useMemo(() => new Set(matches), [matches]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  const { first, last, scrollToIndex } = useVirtualWindow(scrollRef, rows.length, ROW_HEIGHT);

  // A folded subtree cannot keep the active row: it passes to the folded ancestor.
  const activeIndex = nearestShown(model, (activeId === null ? undefined : indexOf.get(activeId)) ?? 0, slotOf);
  const selected = selectedId === null ? null : (indexOf.get(selectedId) ?? null);
  const activeSlot = Math.max(0, slotOf[activeIndex]);

  // A row to bring into view (and focus, when the keyboard moved there) once the rows that
  // show it are laid out: unfolding ancestors changes the rows first.
  const pending = useRef<{ index: number; focus: boolean } | null>(null);
  useEffect(() => {
    const target = pending.current;
    if (!target || slotOf[target.index] === -1) return;
    pending.current = null;
    scrollToIndex(slotOf[target.index]);
    if (target.focus) treeRef.current?.querySelector<HTMLElement>(`[data-index="${target.index}"]`)?.focus({ preventScroll: true });
  });

  const moveTo = useCallback(
    (index: number) => {
      setActiveId(model.spans[index].span.span_id);
      pending.current = { index, focus: true };
    },
    [model],
  );

  const toggle = useCallback(
    (index: number) => {
      const id = model.spans[index].span.span_id;
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      });
    },
    [model],
  );

  const select = useCallback(
    (index: number) => {
      const id = model.spans[index].span.span_id;
      setSelectedId(id);
      setActiveId(id);
    },
    [model],
  );

  const closeDetails = useCallback(() => {
    setSelectedId(null);
    treeRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus();
  }, [activeIndex]);

  const reveal = useCallback(
    (index: number) => {
      const hiddenBy = ancestorIds(model, index).filter((id) => collapsed.has(id));
      if (hiddenBy.length > 0) {
        setCollapsed((prev) => {
          const next = new Set(prev);
          for (const id of hiddenBy) next.delete(id);
          return next;
        });
      }
      setActiveId(model.spans[index].span.span_id);
      pending.current = { index, focus: false };
    },
    [model, collapsed],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>("[data-index]");
    if (!target) return;
    const index = Number(target.dataset.index);
    const slot = slotOf[index];
    const row = model.spans[index];
    let handled = true;
    switch (e.key) {
      case "ArrowDown":
      case "j":
        if (slot + 1 < rows.length) moveTo(rows[slot + 1]);
        break;
      case "ArrowUp":
      case "k":
        if (slot > 0) moveTo(rows[slot - 1]);
        break;
      case "Home":
        moveTo(rows[0]);
        break;
      case "End":
        moveTo(rows[rows.length - 1]);
        break;
      case "PageDown":
        moveTo(rows[Math.min(rows.length - 1, slot + 15)]);
        break;
      case "PageUp":
        moveTo(rows[Math.max(0, slot - 15)]);
        break;
      case "ArrowRight":
        if (hasChildren(row) && collapsed.has(row.span.span_id)) toggle(index);
        else if (hasChildren(row)) moveTo(index + 1);
        break;
      case "ArrowLeft":
        if (hasChildren(row) && !collapsed.has(row.span.span_id)) toggle(index);
        else if (row.parentIndex !== -1) moveTo(row.parentIndex);
        break;
      case "Enter":
      case " ":
        select(index);
        break;
      case "Escape":
        if (selected !== null) setSelectedId(null);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const setAll = useCallback(
    (fold: boolean) => {
      setCollapsed(fold ? new Set(model.spans.filter((r) => r.depth >= 1 && hasChildren(r)).map((r) => r.span.span_id)) : new Set());
      if (fold) setActiveId(null);
    },
    [model],
  );

  const show = useCallback(
    (index: number) => {
      reveal(index);
      setSelectedId(model.spans[index].span.span_id);
    },
    [reveal, model],
  );

  const expandAll = useCallback(() => setAll(false), [setAll]);
  const collapseAll = useCallback(() => setAll(true), [setAll]);

  // The active row stays mounted even when scrolled away, so keyboard focus is never lost.
  const mounted = useMemo(() => {
    const slots: number[] = [];
    for (let s = first; s < last; s++) slots.push(s);
    if (activeSlot < first || activeSlot >= last) slots.push(activeSlot);
    return slots;
  }, [first, last, activeSlot]);

  const selectedRow = selected === null ? null : model.spans[selected];
  const height = rows.length * ROW_HEIGHT;

  return (
    // A container query, not a viewport one: the waterfall is also embedded in narrower pages.
    <div className="@container">
      <div className={selectedRow ? "grid items-start gap-4 @4xl:grid-cols-[minmax(0,1fr)_22rem]" : ""}>
        <div className="min-w-0 overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <WaterfallToolbar
            model={model}
            colors={colors}
            visible={rows.length}
            find={find}
            onFind={setFind}
            matches={matches}
            activeIndex={activeIndex}
            onReveal={reveal}
            onExpandAll={expandAll}
            onCollapseAll={collapseAll}
            criticalPath={criticalPath}
            onCriticalPath={setCriticalPath}
            hasErrorChain={trace.error_chains.length > 0}
          />
          <WaterfallDiagnosis trace={trace} model={model} diagnoses={diagnoses} indexOf={indexOf} criticalPath={criticalPath} onShow={show} />
          <WaterfallAxis ticks={ticks} axisMs={axisMs} />
          <div ref={scrollRef} className="max-h-[70vh] overflow-y-auto [scrollbar-gutter:stable]">
            <div
              ref={treeRef}
              role="tree"
              aria-label={`Spans of trace ${trace.trace_id}`}
              aria-multiselectable={false}
              onKeyDown={onKeyDown}
              className="relative"
              style={{ height }}
            >
              <WaterfallGridlines ticks={ticks} axisMs={axisMs} height={height} />
              {mounted.map((slot) => {
                const index = rows[slot];
                const row = model.spans[index];
                return (
                  <WaterfallRow
                    key={row.span.span_id}
                    row={row}
                    slot={slot}
                    color={colors.get(row.span.service) ?? NO_COLOR}
                    axisMs={axisMs}
                    selected={selected === index}
                    active={activeIndex === index}
                    collapsed={collapsed.has(row.span.span_id)}
                    matched={matchSet.has(index)}
                    diagnosis={diagnoses.get(row.span.span_id)}
                    showCriticalPath={criticalPath}
                    onToggle={toggle}
                    onSelect={select}
                  />
                );
              })}
            </div>
          </div>
          <p className="border-t border-zinc-200 px-3 py-1.5 text-[11px] text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
            <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>←</kbd> <kbd>→</kbd> fold and unfold · <kbd>Enter</kbd> details · <kbd>Esc</kbd> close
          </p>
        </div>
        {selectedRow ? (
          <div className="@4xl:sticky @4xl:top-4">
            <SpanDetails row={selectedRow} color={colors.get(selectedRow.span.service) ?? NO_COLOR} workspaceId={workspaceId} onClose={closeDetails} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
