import Link from "next/link";
import { traceHref } from "@/components/traces/trace-links";

/** Links to a few example traces, numbered, each named in full for screen readers. */
export function ExampleTraceLinks({ workspaceId, traceIds, what }: { workspaceId: string; traceIds: readonly string[]; what: string }) {
  if (traceIds.length === 0) return <span className="text-zinc-400">–</span>;
  return (
    <span className="flex flex-wrap gap-1.5">
      {traceIds.map((traceId, i) => (
        <Link
          key={traceId}
          href={traceHref(workspaceId, traceId)}
          className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px] text-indigo-700 hover:underline dark:bg-zinc-800 dark:text-indigo-300"
          aria-label={`Example trace ${i + 1} ${what}: ${traceId}`}
          data-testid="diagnosis-example-trace"
        >
          {traceId.slice(0, 8)}
        </Link>
      ))}
    </span>
  );
}
