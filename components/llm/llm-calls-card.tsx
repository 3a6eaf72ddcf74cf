"use client";

import { useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { formatCount } from "@/lib/format/format-number";
import { LlmCallsPager } from "./llm-calls-pager";
import type { LlmPageParams } from "./llm-params";
import { LlmRecentCalls } from "./llm-recent-calls";
import { useLlmCalls } from "./use-llm-data";

/** The range's calls, newest first, a page at a time. Keyed by the selection, so a new one starts at page 1. */
export function LlmCallsCard({ workspaceId, params }: { workspaceId: string; params: LlmPageParams }) {
  const [page, setPage] = useState(1);
  const calls = useLlmCalls(workspaceId, params, page);
  const data = calls.data;
  return (
    <Card aria-labelledby="llm-calls-title">
      <CardHeader id="llm-calls-title" title="Recent calls" actions={data ? <span className="text-xs text-zinc-500 dark:text-zinc-400">{formatCount(data.total)} in range</span> : null} />
      {data ? (
        <>
          <LlmRecentCalls workspaceId={workspaceId} calls={data.calls} total={data.total} busy={calls.isPlaceholderData} />
          <LlmCallsPager page={page} shown={data.calls.length} total={data.total} onPage={setPage} />
        </>
      ) : (
        <div className="p-4">
          {calls.isError ? <ErrorState what="LLM calls" error={calls.error} onRetry={() => calls.refetch()} /> : <Skeleton label="Loading LLM calls" rows={5} className="h-8" />}
        </div>
      )}
    </Card>
  );
}
