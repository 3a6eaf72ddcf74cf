"use client";

import { useCallback, useLayoutEffect, useState, type RefObject } from "react";

/**
 * Which fixed-height rows of a scroll container to mount: those in view plus `overscan` either
 * side, so a trace of thousands of spans mounts a few dozen rows. The window only moves when
 * the view gets within reach of its edge, so scrolling re-renders once per `overscan` rows, not
 * once per scroll event. `scrollToIndex` brings one row into view.
 */
export function useVirtualWindow(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 16) {
  const [range, setRange] = useState({ first: 0, last: Math.min(count, 2 * overscan + 24) });

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const inViewFirst = Math.floor(element.scrollTop / rowHeight);
      const inViewLast = Math.min(count, Math.ceil((element.scrollTop + element.clientHeight) / rowHeight));
      setRange((r) => {
        const covered = inViewFirst >= r.first && inViewLast <= r.last && r.last <= count && (r.first === 0 || inViewFirst - r.first >= overscan / 4) && (r.last === count || r.last - inViewLast >= overscan / 4);
        return covered ? r : { first: Math.max(0, inViewFirst - overscan), last: Math.min(count, inViewLast + overscan) };
      });
    };
    measure();
    element.addEventListener("scroll", measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      element.removeEventListener("scroll", measure);
      observer.disconnect();
    };
  }, [ref, count, rowHeight, overscan]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = ref.current;
      if (!element) return;
      const top = index * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
    },
    [ref, rowHeight],
  );

  return { first: range.first, last: Math.min(range.last, count), scrollToIndex };
}
