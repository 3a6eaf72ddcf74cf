"use client";

import type { ReactNode } from "react";
import { Button } from "./button";

/** Loading placeholder rows; `label` names what is loading for screen readers. */
export function Skeleton({ rows = 6, label, className = "h-10" }: { rows?: number; label: string; className?: string }) {
  return (
    <div className="space-y-2" aria-busy="true" aria-label={label} role="status">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`animate-pulse rounded-md bg-zinc-200/70 dark:bg-zinc-800 ${className}`} />
      ))}
    </div>
  );
}

export function ErrorState({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      <p className="font-medium">Could not load {what}.</p>
      <p className="mt-1 opacity-90">{error.message}</p>
      <Button variant="danger" size="sm" className="mt-3" onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}

export function EmptyState({ title, children, id = "empty-state" }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section className="rounded-lg border border-dashed border-zinc-300 bg-white p-8 dark:border-zinc-700 dark:bg-zinc-900" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-1 space-y-3 text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
    </section>
  );
}

/** A refresh failed while older data is still on screen: say so, keep the data, offer a retry. */
export function StaleDataNotice({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  return (
    <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      Could not refresh the {what} ({error.message}); showing the last ones loaded.{" "}
      <button type="button" className="font-medium underline" onClick={onRetry}>
        Retry
      </button>
    </p>
  );
}
