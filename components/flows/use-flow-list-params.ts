"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useOptimistic, useTransition } from "react";
import { readFlowListParams, writeFlowListParams, type FlowListParams } from "./flow-list-params";

/**
 * The flow list's state from the URL, and a setter that writes it back. Any change but the
 * page's own starts again at page 1, so a new filter never lands on a page past its end.
 * Controls show a change at once; the URL follows when the navigation commits.
 */
export function useFlowListParams() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const fromUrl = useMemo(() => readFlowListParams(new URLSearchParams(search.toString())), [search]);
  const [params, setParams] = useOptimistic(fromUrl);
  const [, startTransition] = useTransition();
  const update = useCallback(
    (patch: Partial<FlowListParams>, options: { replace?: boolean } = {}) => {
      const next = { ...params, page: 1, ...patch };
      const href = `${pathname}${writeFlowListParams(next)}`;
      startTransition(() => {
        setParams(next);
        if (options.replace) router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [params, pathname, router, setParams],
  );
  return { params, update };
}
