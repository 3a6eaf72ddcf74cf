"use client";

// The theme actually shown, read from the `dark` class on <html> (set by the theme script and
// the theme toggle), for components that cannot style themselves with `dark:` classes, such as
// React Flow's colorMode or SVG colours chosen in script.
import { useSyncExternalStore } from "react";

export type ColorMode = "light" | "dark";

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const read = (): ColorMode => (document.documentElement.classList.contains("dark") ? "dark" : "light");

export function useColorMode(): ColorMode {
  // The server cannot know; hydration renders "light" first, then the real mode.
  return useSyncExternalStore(subscribe, read, () => "light");
}
