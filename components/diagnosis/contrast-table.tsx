import type { DiagnosisResponse } from "@/lib/api/diagnosis.schemas";
import { formatCount } from "@/lib/format/format-number";
import { ExampleTraceLinks } from "./example-trace-links";
import { ShareBars } from "./share-bars";

type ContrastSection = DiagnosisResponse["errors"];

/**
 * Attribute values that set a group of traces apart, or the honest statement that none does,
 * with the keys left out because they look like ids.
 */
export function ContrastTable({
  workspaceId,
  section,
  groupLabel,
  restLabel,
  testId,
}: {
  workspaceId: string;
  section: Pick<ContrastSection, "contrasts" | "left_out_keys" | "note">;
  groupLabel: string;
  restLabel: string;
  testId: string;
}) {
  return (
    <div data-testid={testId}>
      {section.contrasts.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400" data-testid={`${testId}-note`}>
          {section.note}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th className="px-4 py-2 font-medium">Attribute</th>
                <th className="px-4 py-2 font-medium">How often</th>
                <th className="px-4 py-2 text-right font-medium">Lift</th>
                <th className="px-4 py-2 text-right font-medium">Traces</th>
                <th className="px-4 py-2 font-medium">Examples</th>
              </tr>
            </thead>
            <tbody>
              {section.contrasts.map((contrast) => (
                <tr key={`${contrast.source}\u0000${contrast.key}\u0000${contrast.value}`} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/60" data-testid="diagnosis-contrast">
                  <td className="px-4 py-2 align-top">
                    <code className="break-all font-mono text-xs">
                      {contrast.key} = <strong>{contrast.value}</strong>
                    </code>
                    <div className="text-xs text-zinc-500 dark:text-zinc-400">{contrast.source === "entry" ? "on the entry span" : `on ${contrast.source}`}</div>
                  </td>
                  <td className="px-4 py-2 align-top">
                    <ShareBars group={contrast.group_share} rest={contrast.rest_share} groupLabel={groupLabel} restLabel={restLabel} />
                  </td>
                  <td className="px-4 py-2 text-right align-top tabular-nums">×{contrast.lift >= 100 ? formatCount(contrast.lift) : contrast.lift.toFixed(1)}</td>
                  <td className="px-4 py-2 text-right align-top tabular-nums">{formatCount(contrast.support)}</td>
                  <td className="px-4 py-2 align-top">
                    <ExampleTraceLinks workspaceId={workspaceId} traceIds={contrast.example_trace_ids} what={`with ${contrast.key} = ${contrast.value}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {section.left_out_keys.length > 0 ? (
        <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500 dark:border-zinc-800/60 dark:text-zinc-400">
          Left out, with too many distinct values to be a category (ids, times, payloads):{" "}
          {section.left_out_keys.slice(0, 8).map((key, i) => (
            <span key={`${key.source}\u0000${key.key}`}>
              {i > 0 ? ", " : ""}
              <code className="font-mono">{key.key}</code>
            </span>
          ))}
          {section.left_out_keys.length > 8 ? ` and ${section.left_out_keys.length - 8} more` : ""}.
        </p>
      ) : null}
    </div>
  );
}
