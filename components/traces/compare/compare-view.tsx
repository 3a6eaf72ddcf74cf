"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { TraceCompareResponse } from "@/lib/api/trace-compare.schemas";
import { parseTraceIdInput } from "../parse-trace-id-input";
import { traceCompareHref, tracesHref } from "../trace-links";
import { CompareSummary } from "./compare-summary";
import { CompareTable } from "./compare-table";
import { CompareTraceInputs } from "./compare-trace-inputs";
import { ComparedTraceCard } from "./compared-trace-card";
import { useTraceComparison } from "./use-trace-comparison";

/** The compare page below its title: the two ids (from the URL), then what differs between them. */
export function CompareView({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const search = useSearchParams();
  const rawA = search.get("a") ?? "";
  const rawB = search.get("b") ?? "";
  const a = parseTraceIdInput(rawA);
  const b = parseTraceIdInput(rawB);
  const ready = a.kind === "id" && b.kind !== "invalid";
  const idA = a.kind === "id" ? a.traceId : "";
  const idB = b.kind === "id" ? b.traceId : "";
  const query = useTraceComparison(workspaceId, idA, idB, ready);
  const compared = query.data?.kind === "compared" ? query.data.comparison : null;

  return (
    <div className="space-y-4">
      <CompareTraceInputs
        a={rawA}
        b={rawB}
        resolvedB={compared?.b.trace_id ?? null}
        onCompare={(nextA, nextB) => router.push(traceCompareHref(workspaceId, nextA, nextB || undefined))}
      />
      {!ready ? (
        <EmptyState title={rawA === "" ? "Choose two traces" : "Not a trace id"} id="compare-choose">
          {rawA === "" ? (
            <p>
              Paste the id of trace A, and of trace B or nothing to compare A with the typical trace of its flow. A trace page&apos;s <strong>Compare with representative</strong> opens
              this page for that trace.
            </p>
          ) : (
            <p>Trace ids are 32 hexadecimal characters, as the trace page and the traces list show them.</p>
          )}
          <p>
            <Link href={tracesHref(workspaceId)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-400">
              Browse recent traces
            </Link>
          </p>
        </EmptyState>
      ) : query.isPending ? (
        <Skeleton label="Comparing traces" rows={8} className="h-10" />
      ) : query.isError ? (
        <ErrorState what="the comparison" error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.kind === "not_found" ? (
        <EmptyState title="Cannot compare these traces" id="compare-not-found">
          <p>{query.data.message}</p>
          <p>Traces may belong to another workspace, be older than the retention period, or still be on their way.</p>
        </EmptyState>
      ) : (
        <ComparedTraces workspaceId={workspaceId} comparison={query.data.comparison} />
      )}
    </div>
  );
}

function ComparedTraces({ workspaceId, comparison }: { workspaceId: string; comparison: TraceCompareResponse }) {
  const { a, b, summary, rows } = comparison;
  return (
    <>
      <div className="grid gap-3 md:grid-cols-2">
        <ComparedTraceCard workspaceId={workspaceId} side="A" trace={a} durationMs={summary.a_duration_ms} />
        <ComparedTraceCard workspaceId={workspaceId} side="B" trace={b} durationMs={summary.b_duration_ms} note={comparison.b_source === "representative" ? "flow representative" : undefined} />
      </div>
      <CompareSummary summary={summary} />
      <CompareTable rows={rows} />
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Nodes are aligned by where they sit in each span tree; calls repeated in a row are one row (×count, their times summed). Change is (B − A) ÷ the longer of the two:
        +50% means B took twice as long, −50% half as long.
      </p>
    </>
  );
}
