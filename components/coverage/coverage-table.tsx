import type { ReactNode } from "react";

export const CELL = "px-2 py-2.5 align-top first:pl-4 last:pr-4";

/** The frame both coverage tables share: a caption for screen readers, plain column heads. */
export function CoverageTable({ caption, columns, testId, children }: { caption: string; columns: { label: string; srOnly?: boolean; className?: string }[]; testId: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50/80 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`px-2 py-2 font-medium whitespace-nowrap first:pl-4 last:pr-4 ${column.className ?? ""}`}>
                {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">{children}</tbody>
      </table>
    </div>
  );
}
