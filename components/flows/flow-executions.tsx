"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { RunCommand } from "@/components/export/run-command";
import { useFlowExport } from "@/components/export/use-flow-export";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { fetchJson } from "@/lib/api/fetch-json";
import { queryKeys, workspaceApi } from "@/lib/api/query-keys";
import { formatRelativeTime } from "@/lib/format/format-time";
import { describeRunDiagnosis } from "@/lib/validation/describe-run-diagnosis";
import type { RunDiagnosis } from "@/lib/validation/run-diagnosis";
import { ExplanationText } from "./explanation-text";

interface ExecutionSummary {
  id: string;
  test_name: string;
  trace_id: string;
  status: "running" | "passed" | "failed" | "inconclusive";
  started_at: string;
  result: null | {
    missing_nodes: unknown[];
    unexpected_nodes: unknown[];
    order_violations: unknown[];
    slow_spans: unknown[];
    error_spans: { expected: boolean }[];
    failed_assertions: unknown[];
    reasons: string[];
    /** Absent on runs validated before runs were diagnosed. */
    diagnosis?: RunDiagnosis | null;
  };
}

const STATUS_STYLE: Record<ExecutionSummary["status"], string> = {
  passed: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  inconclusive: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  running: "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
};

/** What went wrong, in a few words: the counts of each kind of finding. */
function findings(execution: ExecutionSummary): string {
  const r = execution.result;
  if (!r) return execution.status === "running" ? "waiting for the trace" : "";
  const parts = [
    [r.missing_nodes.length, "missing"],
    [r.unexpected_nodes.length, "unexpected"],
    [r.order_violations.length, "out of order"],
    [r.slow_spans.length, "slow"],
    [r.error_spans.filter((e) => !e.expected).length, "errors"],
    [r.failed_assertions.length, "assertions failed"],
  ].filter(([n]) => (n as number) > 0);
  if (parts.length > 0) return parts.map(([n, label]) => `${n} ${label}`).join(", ");
  return r.reasons[0] ?? "path, performance and assertions as expected";
}

/** Why a run failed, in the lines `flowprint run` prints: first divergence, error chain, slow nodes. */
function RunDiagnosisLines({ diagnosis }: { diagnosis: RunDiagnosis | null | undefined }) {
  const lines = describeRunDiagnosis(diagnosis);
  if (lines.length === 0) return null;
  return (
    <ul className="basis-full space-y-0.5 border-l-2 border-red-200 pl-2 text-xs text-zinc-700 dark:border-red-900 dark:text-zinc-300" aria-label="Why it failed" data-testid="execution-diagnosis">
      {lines.map((line, i) => (
        <li key={i} data-testid="execution-diagnosis-line" data-label={line.label}>
          <span className="font-medium text-zinc-900 dark:text-zinc-100">{line.label}:</span> <ExplanationText text={line.text} />
        </li>
      ))}
    </ul>
  );
}

/** Runs of the tests exported from this flow, newest first, and how to start one. */
export function FlowExecutions({ workspaceId, flowId }: { workspaceId: string; flowId: string }) {
  const executions = useQuery({
    queryKey: queryKeys.flowExecutions(workspaceId, flowId),
    queryFn: async () => {
      const list = await fetchJson<{ executions: Omit<ExecutionSummary, "result">[]; total: number }>(workspaceApi(workspaceId, `/telemetry/flows/${flowId}/executions?limit=10`));
      // The list omits results; the latest few are read one by one.
      const detailed = await Promise.all(list.executions.map((e) => fetchJson<ExecutionSummary>(workspaceApi(workspaceId, `/executions/${e.id}`))));
      return { executions: detailed, total: list.total };
    },
    refetchInterval: 10_000,
  });
  // The same export the Export page downloads: its file name and whether it needs --base-url.
  const exported = useFlowExport(workspaceId, flowId, "flowprint");

  return (
    <Card aria-labelledby="executions-title" data-testid="flow-executions">
      <CardHeader id="executions-title" title="Test executions" actions={executions.data ? <span className="text-xs text-zinc-500 dark:text-zinc-400">{executions.data.total} runs</span> : null} />
      <div className="space-y-3 px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">
        {executions.isPending ? (
          <Skeleton rows={3} label="Loading test executions" className="h-8" />
        ) : executions.isError ? (
          <ErrorState what="test executions" error={executions.error} onRetry={() => executions.refetch()} />
        ) : executions.data.executions.length === 0 ? (
          <p>No test runs yet. Export this flow as a test and run it against your system; its runs appear here.</p>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Recent test runs">
            {executions.data.executions.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-testid="execution-row" data-status={e.status}>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[e.status]}`}>{e.status}</span>
                <span className="font-medium text-zinc-900 dark:text-zinc-100">{e.test_name}</span>
                <span className="text-xs">{findings(e)}</span>
                <span className="ml-auto flex items-center gap-3 text-xs">
                  <span title={e.started_at}>{formatRelativeTime(e.started_at)}</span>
                  <Link className="font-mono text-indigo-700 underline dark:text-indigo-300" href={`/w/${encodeURIComponent(workspaceId)}/traces/${e.trace_id}`}>
                    trace {e.trace_id.slice(0, 8)}
                  </Link>
                </span>
                <RunDiagnosisLines diagnosis={e.result?.diagnosis} />
              </li>
            ))}
          </ul>
        )}
        {exported.data ? <RunCommand workspaceId={workspaceId} exported={exported.data} /> : exported.isPending ? <Skeleton rows={1} label="Loading the run command" className="h-8" /> : null}
      </div>
    </Card>
  );
}
