"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { isDriftTab, type DriftTab } from "./drift-labels";

const PAGE_SIZE = 50;

/**
 * The drift list's tab and page from the URL (`?state=rare&page=2`), and a setter. The History
 * API, not the router: the list is fetched in the browser, so a tab needs no server render.
 */
export function useDriftTab() {
  const pathname = usePathname();
  const search = useSearchParams();
  const raw = search.get("state");
  const state: DriftTab = isDriftTab(raw) ? raw : "open";
  const pageNumber = Number(search.get("page"));
  const page = Number.isInteger(pageNumber) && pageNumber > 1 ? pageNumber : 1;
  const update = useCallback(
    (next: { state?: DriftTab; page?: number }) => {
      const params = new URLSearchParams();
      const nextState = next.state ?? state;
      const nextPage = next.state && next.state !== state ? 1 : (next.page ?? page);
      if (nextState !== "open") params.set("state", nextState);
      if (nextPage > 1) params.set("page", String(nextPage));
      const query = params.toString();
      window.history.replaceState(null, "", `${pathname}${query ? `?${query}` : ""}`);
    },
    [pathname, state, page],
  );
  return { state, page, pageSize: PAGE_SIZE, update };
}
