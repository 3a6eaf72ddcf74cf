// Rebuilds the LLM call index from stored spans, for traces completed before the index existed
// (or after a change to how calls are read). Completed traces are taken in trace id order, a
// page at a time, each page in one transaction, so it can run beside a live server.
import type { LlmCall } from "../genai/llm-call";
import type { Store } from "./db";
import { replaceLlmCalls } from "./llm-call-rows";
import { tracesLlmCalls } from "./llm-queries";

export interface ReindexProgress {
  traces: number;
  calls: number;
}

export async function reindexLlmCalls(store: Store, workspaceId: string, options: { pageSize?: number; onPage?: (progress: ReindexProgress) => void } = {}): Promise<ReindexProgress> {
  const pageSize = options.pageSize ?? 500;
  const progress: ReindexProgress = { traces: 0, calls: 0 };
  let after = "";
  for (;;) {
    const traces = await store.prisma.trace.findMany({
      where: { workspaceId, state: "complete", isTestGenerated: false, traceId: { gt: after } },
      select: { traceId: true },
      orderBy: { traceId: "asc" },
      take: pageSize,
    });
    if (traces.length === 0) return progress;
    after = traces[traces.length - 1].traceId;
    const byTrace = new Map<string, LlmCall[]>(traces.map((t) => [t.traceId, []]));
    for (const call of await tracesLlmCalls(store, workspaceId, [...byTrace.keys()])) byTrace.get(call.traceId)?.push(call);
    await store.prisma.$transaction((tx) => replaceLlmCalls(tx, [...byTrace].map(([traceId, llmCalls]) => ({ ref: { workspaceId, traceId }, llmCalls }))));
    progress.traces += traces.length;
    progress.calls += [...byTrace.values()].reduce((n, calls) => n + calls.length, 0);
    options.onPage?.({ ...progress });
  }
}
