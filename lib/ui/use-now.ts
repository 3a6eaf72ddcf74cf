"use client";

import { useSyncExternalStore } from "react";
import { createClock } from "./clock";

const clock = createClock(10_000);

/**
 * The current time in epoch ms, refreshed every 10 s; null on the server and during hydration,
 * whose clocks differ from the browser's by however long the page took to arrive.
 */
export function useNow(): number | null {
  return useSyncExternalStore(clock.subscribe, clock.now, () => null);
}
