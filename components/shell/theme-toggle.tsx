"use client";

import { useEffect, useSyncExternalStore } from "react";
import { resolveDark, THEME_STORAGE_KEY, type ThemeChoice } from "@/lib/ui/theme";

const CHOICES: ThemeChoice[] = ["light", "system", "dark"];
const CHANGED = "flowprint-theme-changed";

function readChoice(): ThemeChoice {
  const stored = localStorage.getItem(THEME_STORAGE_KEY);
  return stored === "light" || stored === "dark" ? stored : "system";
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

function choose(choice: ThemeChoice): void {
  if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
  else localStorage.setItem(THEME_STORAGE_KEY, choice);
  window.dispatchEvent(new Event(CHANGED));
}

export function ThemeToggle() {
  // The server renders "system"; hydration then switches to the stored choice without a mismatch.
  const choice = useSyncExternalStore(subscribe, readChoice, () => "system" as ThemeChoice);
  useEffect(() => {
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () => document.documentElement.classList.toggle("dark", resolveDark(choice, media.matches));
    apply();
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, [choice]);

  return (
    <div role="radiogroup" aria-label="Colour theme" className="flex rounded-md border border-zinc-200 p-0.5 text-xs dark:border-zinc-700">
      {CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={choice === c}
          onClick={() => choose(c)}
          className={`flex-1 rounded px-2 py-1 capitalize ${choice === c ? "bg-zinc-200 font-medium dark:bg-zinc-700" : "text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
        >
          {c}
        </button>
      ))}
    </div>
  );
}
