"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useOptimistic, useTransition } from "react";
import { readLlmParams, writeLlmParams, type LlmUrlParams } from "./llm-params";

/**
 * The LLM page's range, model and flow from the URL, and a setter that writes them back. Controls
 * show a change at once; the URL follows when the navigation commits.
 */
export function useLlmParams() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const fromUrl = useMemo(() => readLlmParams(new URLSearchParams(search.toString())), [search]);
  const [params, setParams] = useOptimistic(fromUrl);
  const [, startTransition] = useTransition();
  const update = useCallback(
    (patch: Partial<LlmUrlParams>) => {
      const next = { ...params, ...patch };
      startTransition(() => {
        setParams(next);
        router.push(`${pathname}${writeLlmParams(next)}`, { scroll: false });
      });
    },
    [params, pathname, router, setParams],
  );
  return { params, update };
}
