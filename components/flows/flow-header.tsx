import Link from "next/link";
import { DriftMark } from "@/components/ui/badges";
import { buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FlowRisk } from "./flow-risk";
import { driftAlertHref, flowExportHref, flowsHref } from "./flow-links";
import type { FlowView } from "./flow-types";
import { FlowLlmLink } from "./flow-llm-link";
import { FlowName } from "./flow-name";
import { RelativeTime } from "@/components/ui/relative-time";

export function FlowHeader({ workspaceId, flow }: { workspaceId: string; flow: FlowView }) {
  const drift = flow.drift_details;
  return (
    <header className="space-y-3">
      <Link href={flowsHref(workspaceId)} className="inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900 focus-visible:rounded focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:text-zinc-100">
        <span aria-hidden>←</span> All flows
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="truncate text-xl font-semibold tracking-tight">
              <FlowName flow={flow} />
            </h1>
            <FlowRisk level={flow.risk_level} score={flow.risk_score} />
            {drift ? (
              <Link href={driftAlertHref(workspaceId, drift.alert_id)} aria-label="Drifted: open its drift alert" className="rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
                <DriftMark />
              </Link>
            ) : null}
          </div>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
            <span>
              Enters at <span className="font-medium text-zinc-800 dark:text-zinc-200">{flow.entry_service}</span> <span className="font-mono text-xs">{flow.entry_operation}</span>
            </span>
            <span className="flex items-center gap-1.5">
              Fingerprint <code className="font-mono text-xs" title={flow.fingerprint}>{flow.fingerprint.slice(0, 12)}</code>
              <CopyButton text={flow.fingerprint} label="fingerprint" />
            </span>
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <FlowLlmLink workspaceId={workspaceId} flowId={flow.id} />
          <Link href={flowExportHref(workspaceId, flow.id)} aria-label={`Export ${flow.name}`} className={buttonClass("primary")}>
            Export as test
          </Link>
        </div>
      </div>
      {drift ? (
        <div role="note" aria-label="Drift" className="rounded-lg border border-orange-200 bg-orange-50 px-4 py-3 text-sm dark:border-orange-900/70 dark:bg-orange-950/40">
          <p className="font-medium text-orange-900 dark:text-orange-200">
            The path of this entry point changed <RelativeTime iso={drift.detected_at} />.{" "}
            <Link href={driftAlertHref(workspaceId, drift.alert_id)} className="underline underline-offset-2 hover:no-underline">
              Review the drift alert
            </Link>
          </p>
          <dl className="mt-2 grid gap-1 font-mono text-xs text-zinc-700 sm:grid-cols-[auto_1fr] sm:gap-x-3 dark:text-zinc-300">
            <dt className="font-sans text-zinc-500 dark:text-zinc-400">Before</dt>
            <dd className="break-words">{drift.previous_path}</dd>
            <dt className="font-sans text-zinc-500 dark:text-zinc-400">Now</dt>
            <dd className="break-words">{drift.current_path}</dd>
          </dl>
        </div>
      ) : null}
    </header>
  );
}
