import Link from "next/link";
import type { ReactNode } from "react";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-6">
          <Link href={`/w/${workspaceId}/traces`} className="flex items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-indigo-500 to-cyan-400" />
            Flowprint
          </Link>
          <nav aria-label="Main" className="flex items-center gap-4 text-sm">
            <Link href={`/w/${workspaceId}/traces`} className="font-medium text-zinc-900 dark:text-zinc-100">
              Traces
            </Link>
          </nav>
          <span className="ml-auto rounded-md border border-zinc-200 px-2 py-1 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-300" data-testid="workspace-name">
            Workspace: <span className="font-mono">{workspaceId}</span>
          </span>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-6 py-6">{children}</main>
    </div>
  );
}
