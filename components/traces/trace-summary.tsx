"use client";

import Link from "next/link";
import { useMemo } from "react";
import { useEvalExport } from "@/components/llm/use-eval-export";
import { PageBreadcrumb } from "@/components/ui/breadcrumb";
import { Button, buttonClass } from "@/components/ui/button";
import { StatCard } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { workspaceApi } from "@/lib/api/query-keys";
import { formatCount } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { hasLlmSpans } from "./has-llm-spans";
import { TRACE_ID_PATTERN } from "./trace-detail-types";
import { TraceEvalExport } from "./trace-eval-export";
import { CompareWithRepresentative } from "./compare/compare-with-representative";
import { flowHref, tracesHref } from "./trace-links";
import { useTraceDetail } from "./use-trace-detail";
import { RelativeTime } from "@/components/ui/relative-time";

/** The trace page's header: what the trace did, how long it took, and where its flow is. */
export function TraceSummary({ workspaceId, traceId }: { workspaceId: string; traceId: string }) {
  const id = traceId.toLowerCase();
  const query = useTraceDetail(workspaceId, id, TRACE_ID_PATTERN.test(id));
  const trace = query.data ?? null;
  const services = useMemo(() => [...new Set(trace?.spans.map((s) => s.service) ?? [])], [trace]);
  const withLlmCalls = useMemo(() => trace !== null && hasLlmSpans(trace), [trace]);
  const evalExport = useEvalExport<void>(workspaceApi(workspaceId, `/telemetry/traces/${encodeURIComponent(id)}/eval-export`));

  const breadcrumb = (
    <PageBreadcrumb
      parentHref={tracesHref(workspaceId)}
      parentLabel="Traces"
      current={
        <span className="font-mono text-xs">
          {id.slice(0, 16)}
          {id.length > 16 ? "…" : ""}
        </span>
      }
    />
  );

  // Loading, failure and absence are told by the waterfall below; the header stays quiet.
  if (!trace) {
    return (
      <div>
        {breadcrumb}
        <PageHeader title={`Trace ${id.slice(0, 16)}`} />
      </div>
    );
  }

  return (
    <div>
      {breadcrumb}
      <PageHeader
        title={trace.root_operation ?? `Trace ${id.slice(0, 16)}`}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span>{trace.root_service ?? "Root span not received"}</span>
            <span aria-hidden>·</span>
            <span className="flex items-center gap-1.5">
              <code className="text-xs">{trace.trace_id}</code>
              <CopyButton text={trace.trace_id} label="trace id" />
            </span>
          </span>
        }
        actions={
          <>
            {withLlmCalls ? (
              <Button onClick={() => evalExport.mutate()} disabled={evalExport.isPending} title="The trace's LLM calls as replayable test cases">
                Export eval dataset
              </Button>
            ) : null}
            <CompareWithRepresentative workspaceId={workspaceId} trace={trace} />
            {trace.flow_id ? (
              <Link href={flowHref(workspaceId, trace.flow_id)} className={buttonClass("secondary")}>
                View its flow <span aria-hidden>→</span>
              </Link>
            ) : (
              <span className="text-xs text-zinc-500 dark:text-zinc-400" title="A trace joins a flow once it is complete and discovered">
                Not part of a flow yet
              </span>
            )}
          </>
        }
      />
      {trace.state !== "complete" ? (
        <p role="status" className="mb-3 flex items-center gap-2 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:bg-sky-950/60 dark:text-sky-200">
          <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-sky-500" />
          Spans may still arrive for this trace; the page refreshes until it completes.
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <StatCard label="Duration" value={formatDuration(trace.duration_ms)} />
        <StatCard label="Spans" value={formatCount(trace.span_count)} />
        <StatCard label="Services" value={formatCount(services.length)} hint={services.slice(0, 3).join(", ") + (services.length > 3 ? ", …" : "")} />
        <StatCard label="Errors" value={formatCount(trace.error_count)} tone={trace.error_count > 0 ? "danger" : undefined} hint={trace.error_count > 0 ? "spans with error status" : "no failing spans"} />
        <StatCard label="Started" value={<RelativeTime iso={trace.start_time} />} hint={<time dateTime={trace.start_time}>{trace.start_time.replace("T", " ").replace("Z", " UTC")}</time>} />
      </div>
      <TraceEvalExport exported={evalExport} />
    </div>
  );
}
