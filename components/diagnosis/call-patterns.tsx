import type { DiagnosisResponse } from "@/lib/api/diagnosis.schemas";
import { formatPercent } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { ExampleTraceLinks } from "./example-trace-links";

type Pattern = DiagnosisResponse["patterns"][number];

const KIND_LABEL: Record<Pattern["kind"], string> = { n_plus_one: "N+1 calls", serial_calls: "Serial calls" };

/** N+1 loops and serial calls that could run in parallel, with what they cost. */
export function CallPatterns({ workspaceId, patterns }: { workspaceId: string; patterns: DiagnosisResponse["patterns"] }) {
  if (patterns.length === 0)
    return <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">No N+1 calls and no serial calls that could run in parallel in the sampled traces.</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800/60">
      {patterns.map((pattern) => (
        <li key={`${pattern.kind}\u0000${pattern.service}\u0000${pattern.operation}\u0000${pattern.caller}`} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" data-testid="diagnosis-pattern">
          <div>
            <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${pattern.kind === "n_plus_one" ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}>
              {KIND_LABEL[pattern.kind]}
            </span>
            {pattern.kind === "n_plus_one" ? (
              <>
                <strong>{pattern.median_calls}</strong> calls, one after another, to {pattern.service} <span className="font-mono text-xs">{pattern.operation}</span>
              </>
            ) : (
              <>
                {pattern.median_calls} calls in a row ({pattern.service} <span className="font-mono text-xs">{pattern.operation}</span>)
              </>
            )}
            {pattern.caller ? <span className="text-zinc-500 dark:text-zinc-400"> from {pattern.caller}</span> : null}
            <div className="text-xs text-zinc-500 dark:text-zinc-400">
              In {formatPercent(pattern.share)} of sampled traces; running them in parallel would save about {formatDuration(pattern.median_cost_ms)} per trace.
            </div>
          </div>
          <ExampleTraceLinks workspaceId={workspaceId} traceIds={[pattern.example_trace_id]} what="with this pattern" />
        </li>
      ))}
    </ul>
  );
}
