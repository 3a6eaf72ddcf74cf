"use client";

import Link from "next/link";
import { PageBreadcrumb } from "@/components/ui/breadcrumb";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader, StatCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { formatCount, formatPercent } from "@/lib/format/format-number";
import { flowHref, traceHref } from "@/components/traces/trace-links";
import { DriftKindBadge, DriftStateBadge } from "./drift-badges";
import { driftHref } from "./drift-links";
import { DriftReviewActions } from "./drift-review-actions";
import type { DriftAlert } from "./drift-types";
import { ExplanationText } from "./explanation-text";
import { PathDiffTable } from "./path-diff-table";
import { useDriftAlert } from "./use-drift-alert";
import { RelativeTime } from "@/components/ui/relative-time";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Breadcrumb({ workspaceId, current }: { workspaceId: string; current: string }) {
  return <PageBreadcrumb parentHref={driftHref(workspaceId)} parentLabel="Drift" current={current} />;
}

export function DriftAlertView({ workspaceId, alertId }: { workspaceId: string; alertId: string }) {
  const valid = UUID.test(alertId);
  const query = useDriftAlert(workspaceId, alertId, valid);

  if (!valid || query.data === null) {
    return (
      <>
        <Breadcrumb workspaceId={workspaceId} current="Alert not found" />
        <PageHeader title="Drift alert not found" />
        <EmptyState title="No such alert" id="alert-not-found">
          <p>
            This workspace has no drift alert <code className="break-all">{alertId}</code>. An alert is withdrawn when late spans show its traces took a known path after all, or
            when a missing path comes back.
          </p>
          <p>
            <Link href={driftHref(workspaceId)} className="text-indigo-700 underline dark:text-indigo-300">
              Back to drift alerts
            </Link>
          </p>
        </EmptyState>
      </>
    );
  }
  if (query.isPending) {
    return (
      <>
        <Breadcrumb workspaceId={workspaceId} current="Loading…" />
        <Skeleton label="Loading the drift alert" rows={6} className="h-14" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <Breadcrumb workspaceId={workspaceId} current="Alert" />
        <ErrorState what="the drift alert" error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  }
  return <AlertDetails workspaceId={workspaceId} alert={query.data} />;
}

function AlertDetails({ workspaceId, alert }: { workspaceId: string; alert: DriftAlert }) {
  const missing = alert.kind === "variant_missing";
  const entry = `${alert.entry_service} ${alert.entry_operation}`;
  const previousLabel = missing ? "Missing path" : "Baseline path";
  const currentLabel = missing ? "Path taken instead" : "New path";
  const changes = [
    alert.diff.added.length ? `${alert.diff.added.length} added` : "",
    alert.diff.removed.length ? `${alert.diff.removed.length} removed` : "",
    alert.diff.moved.length ? `${alert.diff.moved.length} moved` : "",
  ].filter(Boolean);

  return (
    <div className="space-y-5">
      <div>
        <Breadcrumb workspaceId={workspaceId} current={entry} />
        <PageHeader
          title={
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="text-zinc-500 dark:text-zinc-400">{alert.entry_service}</span>
              <span className="font-mono">{alert.entry_operation}</span>
            </span>
          }
          description={
            <span className="flex flex-wrap items-center gap-2">
              <DriftKindBadge kind={alert.kind} />
              <DriftStateBadge state={alert.state} />
              <span>
                {missing
                  ? "A path that used to carry a large share of this entry point's traffic has stopped appearing."
                  : "Requests to this entry point took a path that is not in its baseline."}
              </span>
            </span>
          }
          actions={
            alert.flow_id ? (
              <Link href={flowHref(workspaceId, alert.flow_id)} className={buttonClass("secondary")}>
                {missing ? "View the current flow" : "View the new path's flow"} <span aria-hidden>→</span>
              </Link>
            ) : null
          }
        />
      </div>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard
          label="Traffic share"
          value={formatPercent(alert.traffic_share)}
          tone={alert.traffic_share >= 0.2 ? "warning" : undefined}
          hint={missing ? "of the traffic the missing path used to carry" : "of the entry point's traffic since detection"}
        />
        <StatCard label="Occurrences" value={formatCount(alert.occurrences)} hint={missing ? "traces since detection, none on the missing path" : "traces on the new path"} />
        <StatCard label="Detected" value={<RelativeTime iso={alert.detected_at} />} hint={<time dateTime={alert.detected_at}>{alert.detected_at.replace("T", " ").replace(/\.\d+Z$/, " UTC")}</time>} />
      </div>

      {alert.explanation ? (
        <Card className="flex gap-3 border-indigo-200 bg-indigo-50/60 px-4 py-3 dark:border-indigo-900 dark:bg-indigo-950/40">
          <svg aria-hidden viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 shrink-0 text-indigo-600 dark:text-indigo-400" fill="currentColor">
            <path d="M10 2a6 6 0 0 0-3.5 10.9V15a1 1 0 0 0 1 1h5a1 1 0 0 0 1-1v-2.1A6 6 0 0 0 10 2Zm-2 16h4v-1H8v1Z" />
          </svg>
          <div className="text-sm">
            <h2 className="font-semibold text-indigo-900 dark:text-indigo-200">Why it happens</h2>
            <p className="mt-0.5 text-zinc-700 dark:text-zinc-300" data-testid="drift-explanation">
              <ExplanationText text={alert.explanation} />
            </p>
          </div>
        </Card>
      ) : null}

      <Card>
        <CardHeader
          title="How the path changed"
          id="path-diff-heading"
          actions={
            <ul className="flex flex-wrap items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Legend">
              <li className="flex items-center gap-1.5">
                <span aria-hidden className="h-2.5 w-2.5 rounded-sm bg-emerald-500" /> added
              </li>
              <li className="flex items-center gap-1.5">
                <span aria-hidden className="h-2.5 w-2.5 rounded-sm bg-red-500" /> removed
              </li>
              <li className="flex items-center gap-1.5">
                <span aria-hidden className="h-2.5 w-2.5 rounded-sm bg-amber-500" /> moved
              </li>
            </ul>
          }
        />
        <div className="px-1 py-3">
          <p className="mb-2 px-3 text-sm text-zinc-600 dark:text-zinc-400">{changes.length ? `${changes.join(", ")}.` : "Same steps; only the services behind them changed."}</p>
          <PathDiffTable alert={alert} previousLabel={previousLabel} currentLabel={currentLabel} />
        </div>
      </Card>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader title="Review" />
          <div className="px-4 py-4">
            <DriftReviewActions workspaceId={workspaceId} alert={alert} />
          </div>
        </Card>
        <Card>
          <CardHeader title="Example traces" />
          <div className="px-4 py-3">
            {alert.example_trace_ids.length === 0 ? (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">No example traces are kept for this path any more.</p>
            ) : (
              <ul className="space-y-1" data-testid="example-traces">
                {alert.example_trace_ids.map((id) => (
                  <li key={id}>
                    <Link
                      href={traceHref(workspaceId, id)}
                      className="group flex items-center justify-between gap-2 rounded px-1 py-1 font-mono text-xs text-indigo-700 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300 dark:hover:bg-zinc-800/60"
                    >
                      <span className="truncate">{id}</span>
                      <span aria-hidden className="font-sans text-zinc-400 group-hover:text-indigo-600">
                        →
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{missing ? "Recent traces on the path taken instead." : "Recent traces that took the new path."}</p>
          </div>
        </Card>
      </div>
    </div>
  );
}
