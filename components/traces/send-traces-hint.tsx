"use client";

import { envSnippet } from "@/components/settings/trace-snippets";
import { demoCommand } from "@/lib/ui/demo-command";
import { useOrigin } from "@/lib/ui/use-origin";

// The empty state of every page: how a new user gets traces into this workspace.
export function SendTracesHint({ workspaceId, title = "No traces yet" }: { workspaceId: string; title?: string }) {
  const origin = useOrigin();
  const snippet = envSnippet({ origin, workspaceId, keysRequired: false });
  return (
    <section className="rounded-lg border border-dashed border-zinc-300 bg-white p-8 dark:border-zinc-700 dark:bg-zinc-900" aria-labelledby="no-traces">
      <h2 id="no-traces" className="text-lg font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Point any OpenTelemetry SDK or Collector at Flowprint over OTLP/HTTP. With the standard environment variables:
      </p>
      <pre className="mt-4 overflow-x-auto rounded-md bg-zinc-950 p-4 text-xs text-zinc-100"><code>{snippet}</code></pre>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
        The <a className="text-indigo-600 underline dark:text-indigo-400" href={`/w/${encodeURIComponent(workspaceId)}/settings`}>settings page</a> has snippets for a Collector and the Node.js SDK. Or send traffic from the demo services into this workspace, in a Flowprint checkout:
      </p>
      <pre className="mt-2 overflow-x-auto rounded-md bg-zinc-950 p-3 text-xs text-zinc-100" data-testid="demo-command"><code>{demoCommand(workspaceId, origin)}</code></pre>
    </section>
  );
}
