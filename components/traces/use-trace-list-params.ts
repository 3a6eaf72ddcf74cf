"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { readTraceListParams, writeTraceListParams, type TraceListParams } from "./trace-list-params";

/**
 * The traces list's state from the URL and a setter that writes it back. A new filter starts
 * again at page 1, so it never lands on a page past its end, and from the newest traces: a `to`
 * from "Search further back" bounded the scan of the previous search, not of this one. The
 * History API, not the router: the list is fetched in the browser, so a filter change needs no
 * server render.
 */
export function useTraceListParams() {
  const pathname = usePathname();
  const search = useSearchParams();
  const params = useMemo(() => readTraceListParams(new URLSearchParams(search.toString())), [search]);
  const update = useCallback(
    (patch: Partial<TraceListParams>, options: { replace?: boolean } = {}) => {
      const next = "page" in patch ? { ...params, ...patch } : { ...params, page: 1, to: "", ...patch };
      const href = `${pathname}${writeTraceListParams(next)}`;
      if (options.replace) window.history.replaceState(null, "", href);
      else window.history.pushState(null, "", href);
    },
    [params, pathname],
  );
  return { params, update };
}
