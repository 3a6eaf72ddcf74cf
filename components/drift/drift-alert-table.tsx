"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { formatCount } from "@/lib/format/format-number";
import { DriftKindBadge } from "./drift-badges";
import { driftAlertHref } from "./drift-links";
import type { DriftAlert } from "./drift-types";
import { ExplanationText } from "./explanation-text";
import { PathChangeSummary } from "./path-change-summary";
import { TrafficShareBar } from "./traffic-share-bar";
import { RelativeTime } from "@/components/ui/relative-time";

const CELL = "px-3 py-3 align-top first:pl-4 last:pr-4";

export function DriftAlertTable({ workspaceId, alerts, caption, busy }: { workspaceId: string; alerts: DriftAlert[]; caption: string; busy: boolean }) {
  const router = useRouter();
  return (
    <div className={`overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm transition-opacity dark:border-zinc-800 dark:bg-zinc-900 ${busy ? "opacity-60" : ""}`} aria-busy={busy}>
      <table className="w-full text-left text-sm" data-testid="drift-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50/80 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className={`${CELL} py-2 font-medium`}>Entry point and change</th>
            <th scope="col" className={`${CELL} py-2 font-medium`}>Detected</th>
            <th scope="col" className={`${CELL} py-2 text-right font-medium`}>Occurrences</th>
            <th scope="col" className={`${CELL} py-2 text-right font-medium`}>Traffic share</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((alert) => {
            const href = driftAlertHref(workspaceId, alert.id);
            return (
              <tr
                key={alert.id}
                data-testid="drift-row"
                data-alert-id={alert.id}
                onClick={(e) => {
                  // The whole row opens the diff for a mouse; keyboards use the entry point's link.
                  if ((e.target as HTMLElement).closest("a, button") || window.getSelection()?.toString()) return;
                  router.push(href);
                }}
                className="group cursor-pointer border-b border-zinc-100 last:border-0 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-800/40"
              >
                <td className={`${CELL} min-w-72`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <DriftKindBadge kind={alert.kind} />
                    <Link
                      href={href}
                      data-drift-link
                      className="font-medium text-zinc-900 group-hover:text-indigo-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-100 dark:group-hover:text-indigo-300"
                    >
                      <span className="text-zinc-500 dark:text-zinc-400">{alert.entry_service}</span> <span className="font-mono">{alert.entry_operation}</span>
                    </Link>
                  </div>
                  <div className="mt-1.5">
                    <PathChangeSummary diff={alert.diff} />
                  </div>
                  {alert.explanation ? (
                    <p className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                      <ExplanationText text={alert.explanation} />
                    </p>
                  ) : null}
                </td>
                <td className={`${CELL} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                  <RelativeTime iso={alert.detected_at} />
                </td>
                <td className={`${CELL} text-right tabular-nums`}>{formatCount(alert.occurrences)}</td>
                <td className={`${CELL} text-right`}>
                  <TrafficShareBar share={alert.traffic_share} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
