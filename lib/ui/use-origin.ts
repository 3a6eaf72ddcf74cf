"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * The address the browser reached this server at: what exporters on the same network use. The
 * server cannot know it, so it and the hydrating browser render README's default address.
 */
export function useOrigin(): string {
  return useSyncExternalStore(
    never,
    () => window.location.origin,
    () => "http://localhost:3000",
  );
}
