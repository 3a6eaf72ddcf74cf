"use client";

import { useEffect, useState } from "react";
import { resolveDark, THEME_STORAGE_KEY, type ThemeChoice } from "@/lib/ui/theme";

const CHOICES: ThemeChoice[] = ["light", "system", "dark"];

export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>("system");
  useEffect(() => {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    if (stored === "light" || stored === "dark") setChoice(stored);
  }, []);
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
          onClick={() => {
            setChoice(c);
            if (c === "system") localStorage.removeItem(THEME_STORAGE_KEY);
            else localStorage.setItem(THEME_STORAGE_KEY, c);
          }}
          className={`flex-1 rounded px-2 py-1 capitalize ${choice === c ? "bg-zinc-200 font-medium dark:bg-zinc-700" : "text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
        >
          {c}
        </button>
      ))}
    </div>
  );
}
