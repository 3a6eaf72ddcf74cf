"use client";

import Link from "next/link";
import { flowHref } from "@/components/flows/flow-links";
import { flowLabel, shortFlowId, useFlowName } from "./use-flow-name";

/** The flow the page is narrowed to, by name, with a button that widens it back to every flow. */
export function LlmFlowChip({ workspaceId, flowId, onRemove }: { workspaceId: string; flowId: string; onRemove: () => void }) {
  const flow = useFlowName(workspaceId, flowId);
  return (
    <div
      className="inline-flex h-9 max-w-full min-w-0 items-center gap-1 rounded-md border border-indigo-200 bg-indigo-50 pr-1 pl-3 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/60 dark:text-indigo-100"
      data-testid="llm-flow-chip"
      data-flow-id={flowId}
    >
      <span className="min-w-0 truncate" title={flow.state === "known" ? flow.name : flowId}>
        Flow:{" "}
        {flow.state === "known" ? (
          <Link href={flowHref(workspaceId, flowId)} className="font-medium underline-offset-2 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-indigo-500">
            {flow.name}
          </Link>
        ) : flow.state === "unknown" ? (
          // Flows age out with their traces; a stale link still filters, by an id nothing matches.
          <>
            <span className="font-medium">unknown flow</span> <code className="font-mono text-xs">{shortFlowId(flowId)}</code>
          </>
        ) : (
          <code className="font-mono text-xs" aria-busy={flow.state === "loading"}>
            {shortFlowId(flowId)}
          </code>
        )}
      </span>
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove the flow filter (${flowLabel(flow, flowId)})`}
        title="Show every flow's calls"
        className="flex h-7 w-7 shrink-0 items-center justify-center rounded text-indigo-800 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-200 dark:hover:bg-indigo-900"
      >
        <svg viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" aria-hidden>
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}
