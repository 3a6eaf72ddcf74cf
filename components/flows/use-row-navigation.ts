"use client";

import { useEffect } from "react";

/**
 * `j` and `k` move the focus down and up a list's links (as in Gmail and Linear); Enter then
 * opens the focused one like any link. `selector` names the links.
 */
export function useRowNavigation(selector: string) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "j" && e.key !== "k") return;
      const target = e.target as HTMLElement | null;
      if (e.metaKey || e.ctrlKey || e.altKey || target?.closest("input, textarea, select, [contenteditable=true]")) return;
      const links = [...document.querySelectorAll<HTMLElement>(selector)];
      if (links.length === 0) return;
      e.preventDefault();
      const at = links.indexOf(document.activeElement as HTMLElement);
      const next = at === -1 ? (e.key === "j" ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + (e.key === "j" ? 1 : -1)));
      links[next].focus();
      links[next].scrollIntoView({ block: "nearest" });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selector]);
}
