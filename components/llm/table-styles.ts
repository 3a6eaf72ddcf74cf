// The LLM page's tables share the traces and flows tables' look.
export const TABLE = "w-full text-left text-sm";
export const THEAD = "border-b border-zinc-200 bg-zinc-50/80 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400";
export const HEAD_CELL = "px-3 py-2 font-medium whitespace-nowrap first:pl-4 last:pr-4";
export const ROW = "border-b border-zinc-100 last:border-0 dark:border-zinc-800/70";
export const CELL = "px-3 py-2.5 first:pl-4 last:pr-4";
export const NUMBER_CELL = `${CELL} text-right whitespace-nowrap tabular-nums`;
export const LINK = "font-medium text-indigo-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300";
