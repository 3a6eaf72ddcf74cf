// One tab of the app's ARIA tab lists (drift states, flow views): its role, selection, roving
// tab stop and look in one place.
import type { ReactNode } from "react";

export function TabButton({
  id,
  selected,
  controls,
  onSelect,
  buttonRef,
  testId,
  className = "",
  children,
}: {
  id: string;
  selected: boolean;
  /** The id of the tab panel it shows. */
  controls: string;
  onSelect: () => void;
  buttonRef: (element: HTMLButtonElement | null) => void;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      ref={buttonRef}
      id={id}
      type="button"
      role="tab"
      aria-selected={selected}
      aria-controls={controls}
      tabIndex={selected ? 0 : -1}
      onClick={onSelect}
      data-testid={testId}
      className={`-mb-px border-b-2 px-3 py-2 text-sm focus-visible:rounded-t focus-visible:outline-2 focus-visible:outline-indigo-500 ${className} ${
        selected
          ? "border-indigo-600 font-medium text-zinc-900 dark:border-indigo-400 dark:text-zinc-50"
          : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100"
      }`}
    >
      {children}
    </button>
  );
}
