// The look of a tab in the app's ARIA tab lists (drift states, flow views): one place to change it.
export function tabClass(selected: boolean, extra = ""): string {
  return `-mb-px border-b-2 px-3 py-2 text-sm focus-visible:rounded-t focus-visible:outline-2 focus-visible:outline-indigo-500 ${extra} ${
    selected
      ? "border-indigo-600 font-medium text-zinc-900 dark:border-indigo-400 dark:text-zinc-50"
      : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100"
  }`;
}
