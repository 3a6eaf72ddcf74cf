"use client";

import Link from "next/link";
import { useSession } from "@/components/account/use-session";
import { CopyButton } from "@/components/ui/copy-button";
import { runCommandParts } from "@/lib/runner/build-run-command";
import type { ExportResponse } from "./use-flow-export";

/**
 * The command that runs an exported test, as it works when pasted: against the file's own
 * base_url, this page's Flowprint and workspace. Rendered only in the browser (after the export
 * loaded), so the origin is the one the user reached the dashboard at.
 */
export function RunCommand({ workspaceId, exported }: { workspaceId: string; exported: Pick<ExportResponse, "file_name" | "base_url"> }) {
  const parts = runCommandParts({ fileName: exported.file_name, fileBaseUrl: exported.base_url, server: window.location.origin, workspace: workspaceId });
  const command = parts.join(" \\\n    ");
  const session = useSession();
  return (
    <div className="space-y-1.5">
      <div className="flex items-start gap-2">
        <pre className="min-w-0 flex-1 overflow-x-auto rounded-md bg-zinc-950 px-3 py-2 text-xs text-zinc-100 dark:bg-black/60" tabIndex={0} aria-label="Run command" data-testid="run-command">
          <code>{command}</code>
        </pre>
        <CopyButton text={command} label="the run command" />
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {exported.base_url
          ? `Runs against ${exported.base_url}, the system the trace came from (the file's base_url); add --base-url <url> to test another one.`
          : "The trace did not record where its request went: replace the --base-url value with your system's URL."}{" "}
        Run it in a Flowprint checkout, where <code className="font-mono">npx flowprint</code> finds the CLI.
      </p>
      {session.data?.auth === "on" ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="run-command-token">
          This Flowprint has accounts on: export <code className="font-mono">FLOWPRINT_API_TOKEN</code> first, set to a token with the write scope from{" "}
          <Link href={`/w/${encodeURIComponent(workspaceId)}/settings#api-tokens-title`} className="underline underline-offset-2">
            Settings → Your API tokens
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}
