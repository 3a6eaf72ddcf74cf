"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** The one time a secret is visible, with a copy button; `testId` names it and (with -value) its field. */
export function OneTimeSecret({ title, note, secret, label, testId, onDone }: { title: string; note: ReactNode; secret: string; label: string; testId: string; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  // Screen-reader and keyboard users land on the secret instead of having to find it.
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500 dark:border-amber-700/60 dark:bg-amber-950/40"
      data-testid={testId}
    >
      <h3 id={`${id}-title`} className="flex items-center gap-2 text-sm font-semibold text-amber-900 dark:text-amber-200">
        <svg viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor" aria-hidden>
          <path d="M10 2.5 1.5 17h17L10 2.5Zm-.75 5h1.5v5h-1.5v-5Zm0 6.25h1.5v1.5h-1.5v-1.5Z" />
        </svg>
        {title}
      </h3>
      <p className="mt-1 text-sm text-amber-900/90 dark:text-amber-200/90">{note}</p>
      <div className="mt-3 flex items-center gap-2">
        <label htmlFor={`${id}-value`} className="sr-only">
          {label[0].toUpperCase() + label.slice(1)}
        </label>
        <input
          id={`${id}-value`}
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-2.5 font-mono text-sm text-zinc-900 dark:border-amber-700/60 dark:bg-zinc-950 dark:text-zinc-100"
          data-testid={`${testId}-value`}
        />
        <CopyButton text={secret} label={label} size="md" />
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
