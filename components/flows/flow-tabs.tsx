"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useRef, type KeyboardEvent } from "react";
import { TabButton } from "@/components/ui/tab-button";

export const FLOW_TABS = ["overview", "diagnosis"] as const;
export type FlowTab = (typeof FLOW_TABS)[number];
const LABEL: Record<FlowTab, string> = { overview: "Overview", diagnosis: "Diagnosis" };
export const FLOW_TAB_PANEL_ID = "flow-tab-panel";
export const flowTabId = (tab: FlowTab) => `flow-tab-${tab}`;

/** The flow page's tab from the URL (`?tab=diagnosis`), and a setter that keeps it there. */
export function useFlowTab() {
  const pathname = usePathname();
  const search = useSearchParams();
  const tab: FlowTab = search.get("tab") === "diagnosis" ? "diagnosis" : "overview";
  const setTab = useCallback(
    (next: FlowTab) => {
      window.history.replaceState(null, "", next === "overview" ? pathname : `${pathname}?tab=${next}`);
    },
    [pathname],
  );
  return { tab, setTab };
}

/** ARIA tabs: arrow keys move and select, one tab stop. */
export function FlowTabs({ tab, onChange }: { tab: FlowTab; onChange: (tab: FlowTab) => void }) {
  const refs = useRef<Partial<Record<FlowTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    e.preventDefault();
    const next = FLOW_TABS[(FLOW_TABS.indexOf(tab) + 1) % FLOW_TABS.length]!;
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Flow views" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800" onKeyDown={onKeyDown}>
      {FLOW_TABS.map((value) => {
        const selected = value === tab;
        return (
          <TabButton
            key={value}
            buttonRef={(el) => {
              refs.current[value] = el;
            }}
            id={flowTabId(value)}
            selected={selected}
            controls={FLOW_TAB_PANEL_ID}
            onSelect={() => onChange(value)}
          >
            {LABEL[value]}
          </TabButton>
        );
      })}
    </div>
  );
}
