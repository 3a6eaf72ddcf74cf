import type { ReactNode } from "react";

/** A settings section in the style of the others: title, what it is for, its content. */
export function AccountSection({ id, title, intro, children }: { id: string; title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{intro}</p>
      </div>
      <div className="space-y-4 px-5 py-4">{children}</div>
    </section>
  );
}

export const fieldClass = "mt-1 h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/50 dark:border-zinc-700 dark:bg-zinc-950";
/**
 * A table of the account sections; an empty header is the actions column. Its frame scrolls
 * sideways on a narrow screen, so it takes focus (and a name) for keyboards to scroll it.
 */
export function AccountTable({ testId, label, headers, children }: { testId: string; label: string; headers: string[]; children: ReactNode }) {
  return (
    <div tabIndex={0} role="region" aria-label={label} className="overflow-x-auto rounded-md border border-zinc-200 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-800">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {headers.map((h) => (
              <th key={h || "actions"} scope="col" className="px-3 py-2 font-medium">
                {h || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export const bodyRow = "border-b border-zinc-100 last:border-0 dark:border-zinc-800/60";

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
      {message}
    </p>
  ) : null;
}
