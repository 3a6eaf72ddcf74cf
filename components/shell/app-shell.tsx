"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { AccountMenu } from "@/components/account/account-menu";
import { OpenInstanceBanner } from "@/components/account/open-instance-banner";
import { ThemeToggle } from "./theme-toggle";
import { WorkspaceSwitcher } from "./workspace-switcher";

const NAV = [
  { section: "flows", label: "Flows", key: "f" },
  { section: "graph", label: "Service graph", key: "g" },
  { section: "system", label: "System", key: "y" },
  { section: "drift", label: "Drift", key: "d" },
  { section: "coverage", label: "Coverage", key: "c" },
  { section: "traces", label: "Traces", key: "t" },
  { section: "llm", label: "LLM calls", key: "l" },
  { section: "settings", label: "Settings", key: "s" },
] as const;

/** `g` then a letter goes to a page (as in Linear and GitHub); `/` focuses the page's search. */
function useKeyboardNavigation(workspaceId: string) {
  const router = useRouter();
  useEffect(() => {
    let pendingG = 0;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.metaKey || e.ctrlKey || e.altKey || target?.closest("input, textarea, select, [contenteditable=true]")) return;
      if (e.key === "/") {
        const search = document.querySelector<HTMLInputElement>("[data-page-search]");
        if (search) {
          e.preventDefault();
          search.focus();
        }
        return;
      }
      // A second g within the second is `g g`, the graph, not a fresh start.
      if (e.key === "g" && Date.now() - pendingG >= 1_000) {
        pendingG = Date.now();
        return;
      }
      const item = NAV.find((n) => n.key === e.key);
      if (item && Date.now() - pendingG < 1_000) {
        pendingG = 0;
        router.push(`/w/${encodeURIComponent(workspaceId)}/${item.section}`);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, workspaceId]);
}

export function AppShell({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname.split("/")[3] ?? "flows";
  useKeyboardNavigation(workspaceId);
  const openDrift = useQuery({
    queryKey: queryKeys.drift(workspaceId, { state: "open", limit: 1 }),
    queryFn: () => fetchJson<{ total: number }>(workspaceApi(workspaceId, "/telemetry/drift?state=open&limit=1")),
    refetchInterval: 15_000,
  });

  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
        Skip to content
      </a>
      {/* The border and background run the page's full height; the contents stay in view. */}
      <aside className="w-56 shrink-0 border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="sticky top-0 flex h-screen flex-col gap-5 px-3 py-4">
        <Link href={`/w/${encodeURIComponent(workspaceId)}/flows`} className="flex items-center gap-2 px-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-indigo-500 to-cyan-400" />
          Flowprint
        </Link>
        <WorkspaceSwitcher workspaceId={workspaceId} />
        <nav aria-label="Main" className="flex flex-col gap-0.5 text-sm">
          {NAV.map((item) => {
            const active = current === item.section;
            return (
              <Link
                key={item.section}
                href={`/w/${encodeURIComponent(workspaceId)}/${item.section}`}
                aria-current={active ? "page" : undefined}
                className={`flex items-center justify-between rounded-md px-2 py-1.5 ${
                  active ? "bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50" : "text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100"
                }`}
              >
                <span>{item.label}</span>
                {item.section === "drift" && (openDrift.data?.total ?? 0) > 0 ? (
                  <span className="rounded-full bg-orange-100 px-1.5 text-[11px] font-semibold text-orange-900 tabular-nums dark:bg-orange-900 dark:text-orange-100" aria-label={`${openDrift.data!.total} open drift alerts`} data-testid="open-drift-count">
                    {openDrift.data!.total}
                  </span>
                ) : (
                  <kbd className="hidden text-[10px] text-zinc-600 lg:inline dark:text-zinc-400" aria-hidden>
                    g {item.key}
                  </kbd>
                )}
              </Link>
            );
          })}
        </nav>
        <div className="mt-auto space-y-2 px-1">
          <AccountMenu />
          <ThemeToggle />
          <p className="text-[11px] text-zinc-500 dark:text-zinc-400">
            <kbd>/</kbd> search · <kbd>g</kbd> then a letter to navigate
          </p>
        </div>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-8 py-6">
        <OpenInstanceBanner />
        {children}
      </main>
    </div>
  );
}
