import Link from "next/link";
import type { ReactNode } from "react";

/** "Parent / current" above a page's title; the parent is a link back. */
export function PageBreadcrumb({ parentHref, parentLabel, current }: { parentHref: string; parentLabel: string; current: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
      <ol className="flex items-center gap-1.5">
        <li>
          <Link href={parentHref} className="hover:text-zinc-900 hover:underline dark:hover:text-zinc-100">
            {parentLabel}
          </Link>
        </li>
        <li aria-hidden>/</li>
        <li aria-current="page" className="truncate">
          {current}
        </li>
      </ol>
    </nav>
  );
}
