"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False on the server and while React hydrates this component, true from the render after.
 * Whatever only the browser knows (its clock, time zone, address, cached query data) must wait
 * for it, or the first client render differs from the server's HTML and hydration fails.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
