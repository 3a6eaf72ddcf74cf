"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { endpointRowId } from "./system-links";

/**
 * The endpoint whose details are open lives in the URL (`?endpoint=ep-…`), so a link can open
 * it. Opening it from an entity card also scrolls its row into view.
 */
export function useOpenEndpoint(known: (id: string) => boolean): { openId: string | null; open: (id: string | null, options?: { scroll?: boolean }) => void } {
  const params = useSearchParams();
  const wanted = params.get("endpoint");
  const openId = wanted !== null && known(wanted) ? wanted : null;
  const scrollTo = useRef<string | null>(null);

  const open = useCallback((id: string | null, options: { scroll?: boolean } = {}) => {
    const url = new URL(window.location.href);
    if (id === null) url.searchParams.delete("endpoint");
    else url.searchParams.set("endpoint", id);
    window.history.replaceState(null, "", url);
    scrollTo.current = options.scroll && id !== null ? id : null;
  }, []);

  useEffect(() => {
    if (openId === null || scrollTo.current !== openId) return;
    scrollTo.current = null;
    const row = document.getElementById(endpointRowId(openId));
    row?.scrollIntoView({ block: "start", behavior: "smooth" });
    row?.querySelector<HTMLButtonElement>("button[aria-expanded]")?.focus({ preventScroll: true });
  }, [openId]);

  return { openId, open };
}
