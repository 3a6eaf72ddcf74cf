"use client";

import { useRef, type KeyboardEvent } from "react";
import { TabButton } from "@/components/ui/tab-button";
import { formatCount } from "@/lib/format/format-number";
import { DRIFT_TABS, STATE_LABEL, type DriftTab } from "./drift-labels";

export const tabId = (state: DriftTab) => `drift-tab-${state}`;
export const DRIFT_PANEL_ID = "drift-tab-panel";

/** The state tabs (ARIA tabs: arrow keys move and select, one tab stop), each with its count. */
export function DriftStateTabs({ state, counts, onChange }: { state: DriftTab; counts: Partial<Record<DriftTab, number>>; onChange: (state: DriftTab) => void }) {
  const refs = useRef<Partial<Record<DriftTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    const at = DRIFT_TABS.indexOf(state);
    const next = e.key === "ArrowRight" ? (at + 1) % DRIFT_TABS.length : e.key === "ArrowLeft" ? (at + DRIFT_TABS.length - 1) % DRIFT_TABS.length : e.key === "Home" ? 0 : e.key === "End" ? DRIFT_TABS.length - 1 : -1;
    if (next === -1) return;
    e.preventDefault();
    onChange(DRIFT_TABS[next]);
    refs.current[DRIFT_TABS[next]]?.focus();
  };
  return (
    <div role="tablist" aria-label="Drift alerts by state" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800" onKeyDown={onKeyDown}>
      {DRIFT_TABS.map((tab) => {
        const selected = tab === state;
        const count = counts[tab];
        return (
          <TabButton
            key={tab}
            buttonRef={(el) => {
              refs.current[tab] = el;
            }}
            id={tabId(tab)}
            selected={selected}
            controls={DRIFT_PANEL_ID}
            onSelect={() => onChange(tab)}
            testId={`drift-tab-${tab}`}
            className="flex items-center gap-2"
          >
            {STATE_LABEL[tab]}
            {count === undefined ? null : (
              <span
                className={`min-w-5 rounded-full px-1.5 text-center text-[11px] font-semibold tabular-nums ${
                  tab === "open" && count > 0 ? "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
                }`}
                data-testid={`drift-count-${tab}`}
              >
                {formatCount(count)}
              </span>
            )}
          </TabButton>
        );
      })}
    </div>
  );
}
