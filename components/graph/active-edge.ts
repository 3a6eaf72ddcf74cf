// The edge under the pointer or keyboard focus: the one edge whose numbers are shown on the
// canvas. Kept outside React state so a hover re-renders the two edges it concerns, not all.
import { useSyncExternalStore } from "react";

let active: string | null = null;
const listeners = new Set<() => void>();

export function setActiveEdge(id: string | null): void {
  if (active === id) return;
  active = id;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useIsActiveEdge(id: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => active === id,
    () => false,
  );
}
