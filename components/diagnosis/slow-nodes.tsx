import { NodeTypeBadge } from "@/components/ui/badges";
import type { DiagnosisResponse } from "@/lib/api/diagnosis.schemas";
import { formatDuration } from "@/lib/format/format-time";
import { ExampleTraceLinks } from "./example-trace-links";
import { Bar } from "./share-bars";

type Latency = DiagnosisResponse["latency"];

/** Which node's own time grows in slow traces, and its share of the extra time. */
export function SlowNodes({ workspaceId, latency }: { workspaceId: string; latency: Latency }) {
  if (latency.nodes.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className="px-4 py-2 font-medium">Node</th>
            <th className="px-4 py-2 text-right font-medium">Own time, slow</th>
            <th className="px-4 py-2 text-right font-medium">Own time, rest</th>
            <th className="px-4 py-2 font-medium">Share of the extra time</th>
            <th className="px-4 py-2 font-medium">Examples</th>
          </tr>
        </thead>
        <tbody>
          {latency.nodes.map((entry) => (
            <tr key={`${entry.node.type}:${entry.node.identifier}`} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/60" data-testid="diagnosis-slow-node">
              <td className="px-4 py-2 align-top">
                <div className="flex items-center gap-2">
                  <NodeTypeBadge type={entry.node.type} />
                  <span className="font-mono text-xs">{entry.node.identifier}</span>
                </div>
                <div className="text-xs text-zinc-500 dark:text-zinc-400">{entry.node.service}</div>
              </td>
              <td className="px-4 py-2 text-right align-top tabular-nums">{formatDuration(entry.slow_median_ms)}</td>
              <td className="px-4 py-2 text-right align-top tabular-nums">{formatDuration(entry.rest_median_ms)}</td>
              <td className="px-4 py-2 align-top">
                <Bar share={entry.extra_share} label={`+${formatDuration(entry.extra_ms)}`} className="bg-amber-500 dark:bg-amber-400" />
              </td>
              <td className="px-4 py-2 align-top">
                <ExampleTraceLinks workspaceId={workspaceId} traceIds={entry.example_trace_ids} what={`slow at ${entry.node.identifier}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
