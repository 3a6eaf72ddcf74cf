"use client";

import { useSession } from "./use-session";

/** Says so on every page when the instance runs without accounts (FLOWPRINT_AUTH=off). */
export function OpenInstanceBanner() {
  const session = useSession();
  if (session.data?.auth !== "off") return null;
  return (
    <div role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200" data-testid="open-instance-banner">
      This Flowprint runs without accounts (<code className="text-[12px]">FLOWPRINT_AUTH=off</code>): anyone who can reach it reads and changes everything.
    </div>
  );
}
