"use client";

import { useSyncExternalStore } from "react";

// The theme lives in the `dark` class on <html> (lib/ui/theme.ts), set by a script and by the
// theme toggle; watching the class follows every way it can change.
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const isDark = () => document.documentElement.classList.contains("dark");

/** Whether the page is in dark mode, for widgets styled by props rather than by CSS. */
export function useIsDark(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}
