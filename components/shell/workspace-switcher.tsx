"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/api/query-keys";

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Lists known workspaces; any valid id can be typed to open (and so create) a workspace. */
export function WorkspaceSwitcher({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [draft, setDraft] = useState("");
  const workspaces = useQuery({
    queryKey: queryKeys.workspaces(),
    queryFn: () => fetchJson<{ workspaces: { id: string; name: string }[] }>("/api/v1/workspaces"),
  });
  const ids = [...new Set([workspaceId, ...(workspaces.data?.workspaces.map((w) => w.id) ?? [])])].sort();
  // Stay on the same page in the other workspace, but not on one object of this workspace.
  const section = pathname.split("/")[3] ?? "";
  const go = (id: string) => router.push(`/w/${encodeURIComponent(id)}/${section}`);

  return (
    <div className="space-y-1.5">
      <label htmlFor="workspace-switcher" className="text-[11px] font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        value={workspaceId}
        onChange={(e) => go(e.target.value)}
        className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        data-testid="workspace-switcher"
      >
        {ids.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (WORKSPACE_ID.test(draft)) go(draft);
        }}
      >
        <label htmlFor="workspace-open" className="sr-only">
          Open another workspace by id
        </label>
        <input
          id="workspace-open"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="Open workspace…"
          pattern="[A-Za-z0-9_\-]{1,64}"
          className="w-full rounded-md border border-zinc-200 bg-transparent px-2 py-1 text-xs placeholder:text-zinc-400 dark:border-zinc-800"
        />
      </form>
    </div>
  );
}
