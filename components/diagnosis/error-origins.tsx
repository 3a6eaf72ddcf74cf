import type { DiagnosisResponse } from "@/lib/api/diagnosis.schemas";
import { formatCount, formatPercent } from "@/lib/format/format-number";
import { ExampleTraceLinks } from "./example-trace-links";
import { Bar } from "./share-bars";

type Errors = DiagnosisResponse["errors"];

const REASON_TEXT: Record<Errors["origins"][number]["reason"], string> = {
  leaf_error: "failed, nothing under it did",
  own_message: "failed with its own message",
  timeout_masked: "used the caller's whole time budget; the caller timed out",
};

/** Where errors start, grouped by service, operation and message, with their share of failing traces. */
export function ErrorOrigins({ workspaceId, errors }: { workspaceId: string; errors: Errors }) {
  if (errors.origins.length === 0) return <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">No failing traces in this window.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className="px-4 py-2 font-medium">Starts at</th>
            <th className="px-4 py-2 font-medium">Message</th>
            <th className="px-4 py-2 font-medium">Failing traces</th>
            <th className="px-4 py-2 font-medium">Examples</th>
          </tr>
        </thead>
        <tbody>
          {errors.origins.map((origin) => (
            <tr key={`${origin.role}\u0000${origin.service}\u0000${origin.operation}\u0000${origin.status_message}`} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/60" data-testid="diagnosis-origin">
              <td className="px-4 py-2 align-top">
                <div className="font-medium">
                  {origin.service} <span className="font-mono text-xs font-normal">{origin.operation}</span>
                </div>
                <div className="text-xs text-zinc-500 dark:text-zinc-400">
                  {origin.wraps_cause ? (
                    "passed the failure on with a message of its own"
                  ) : (
                    <>
                      {origin.role === "consequence" ? <span className="mr-1 rounded bg-zinc-100 px-1 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">later failure</span> : null}
                      {REASON_TEXT[origin.reason]}
                    </>
                  )}
                </div>
              </td>
              <td className="max-w-80 px-4 py-2 align-top">
                <span className="break-words text-red-700 dark:text-red-300">{origin.status_message || <span className="text-zinc-400">no message</span>}</span>
              </td>
              <td className="px-4 py-2 align-top">
                <Bar share={origin.share} label={formatCount(origin.traces)} className="bg-red-500 dark:bg-red-400" />
              </td>
              <td className="px-4 py-2 align-top">
                <ExampleTraceLinks workspaceId={workspaceId} traceIds={origin.example_trace_ids} what={`failing at ${origin.service} ${origin.operation}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How each cause travels up to the entry point, most common chains first. */
export function ErrorChains({ workspaceId, errors, failingSampled }: { workspaceId: string; errors: Errors; failingSampled: number }) {
  if (errors.chains.length === 0) return null;
  return (
    <ol className="space-y-2 px-4 py-3 text-sm">
      {errors.chains.map((chain, i) => (
        <li key={i} className="flex flex-wrap items-center gap-1.5" data-testid="diagnosis-chain">
          <span className="mr-1 text-xs tabular-nums text-zinc-500 dark:text-zinc-400">{formatPercent(failingSampled === 0 ? 0 : chain.traces / failingSampled)}</span>
          {chain.steps.map((step, j) => (
            <span key={j} className="flex items-center gap-1.5">
              {j > 0 ? <span aria-label="then fails" className="text-zinc-400">→</span> : null}
              <span
                className={`rounded px-1.5 py-0.5 text-xs ${step.status === "error" ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}
                title={step.status_message || undefined}
              >
                {step.service} <span className="font-mono">{step.operation}</span>
              </span>
            </span>
          ))}
          <ExampleTraceLinks workspaceId={workspaceId} traceIds={[chain.example_trace_id]} what="of this chain" />
        </li>
      ))}
    </ol>
  );
}
