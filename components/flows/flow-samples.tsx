import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { traceHref } from "./flow-links";

/** The flow's most recent traces, newest first. */
export function FlowSamples({ workspaceId, traceIds, representativeId }: { workspaceId: string; traceIds: string[]; representativeId: string | null }) {
  return (
    <Card aria-labelledby="samples-title">
      <CardHeader id="samples-title" title="Recent traces" />
      {traceIds.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">No traces are kept for this flow.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="flow-samples">
          {traceIds.map((id) => (
            <li key={id} className="flex items-center gap-2 px-4 py-1.5">
              <Link href={traceHref(workspaceId, id)} className="min-w-0 truncate font-mono text-xs text-indigo-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300">
                {id}
              </Link>
              {id === representativeId ? <span className="shrink-0 rounded bg-zinc-100 px-1.5 text-[11px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">representative</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
