import type { ReactNode } from "react";

export const CONTROL =
  "h-9 rounded-md border bg-white px-2.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-0 dark:bg-zinc-900 placeholder:text-zinc-500 dark:placeholder:text-zinc-400";

/** A control's border: red while its value is refused (by the parser here or by the server). */
export const controlTone = (invalid: boolean) =>
  invalid
    ? "border-red-500 focus-visible:outline-red-500/40 dark:border-red-500"
    : "border-zinc-300 focus-visible:border-indigo-500 focus-visible:outline-indigo-500/40 dark:border-zinc-700";

export const LABEL = "text-xs font-medium text-zinc-600 dark:text-zinc-400";

export type MessageTone = "error" | "hint";

/** The line under a field: why its value is refused, or what it will do. Polite: it changes as one types. */
export function FieldMessage({ id, tone, children }: { id: string; tone: MessageTone; children: ReactNode }) {
  return (
    <p id={id} aria-live="polite" className={`max-w-80 text-xs ${tone === "error" ? "text-red-700 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400"}`} data-testid={id}>
      {children}
    </p>
  );
}

/** One labelled field of the query bar, its message beneath. */
export function QueryField({ label, htmlFor, children, message }: { label: string; htmlFor: string; children: ReactNode; message?: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={htmlFor} className={LABEL}>
        {label}
      </label>
      {children}
      {message}
    </div>
  );
}
