// The magnifier and the `/` shortcut hint inside a page's search box. `top` places them on the
// input's middle line (the input may have a hint below it).

export function SearchIcon({ top = "top-1/2" }: { top?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className={`pointer-events-none absolute ${top} left-2.5 h-4 w-4 -translate-y-1/2 text-zinc-400`} fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="9" cy="9" r="6" />
      <path d="m14 14 4 4" strokeLinecap="round" />
    </svg>
  );
}

export function SlashKeyHint({ top = "top-1/2" }: { top?: string }) {
  return (
    <kbd aria-hidden className={`pointer-events-none absolute ${top} right-2 -translate-y-1/2 rounded border border-zinc-300 px-1.5 text-[10px] leading-4 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400`}>
      /
    </kbd>
  );
}
