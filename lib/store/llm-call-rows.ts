// The LLM call index, written inside a completion round's transaction: a trace that completes
// again (late spans reopened it) replaces its calls, so the index never counts a call twice.
import type { LlmCall } from "../genai/llm-call";
import { traceIdsByWorkspace, type TraceRef } from "./flow-repository";
import type { Prisma } from "./generated/sqlite/client";

type Tx = Prisma.TransactionClient;

export function llmCallRow(workspaceId: string, call: LlmCall) {
  return {
    workspaceId,
    traceId: call.traceId,
    spanId: call.spanId,
    service: call.service,
    name: call.name,
    operation: call.operation,
    model: call.model,
    provider: call.provider,
    startMs: BigInt(Math.round(call.startMs)),
    durationMs: call.durationMs,
    isError: call.isError,
    errorType: call.errorType,
    inputTokens: call.inputTokens,
    outputTokens: call.outputTokens,
    convention: call.convention,
  };
}

/** Trace ids per delete: one bound parameter each, well under SQLite's limit on them. */
const DELETE_CHUNK = 500;

export async function replaceLlmCalls(tx: Tx, traces: readonly { ref: TraceRef; llmCalls?: readonly LlmCall[] }[]): Promise<void> {
  if (traces.length === 0) return;
  for (const [workspaceId, traceIds] of traceIdsByWorkspace(traces.map((t) => t.ref))) {
    for (let i = 0; i < traceIds.length; i += DELETE_CHUNK) {
      await tx.llmCall.deleteMany({ where: { workspaceId, traceId: { in: traceIds.slice(i, i + DELETE_CHUNK) } } });
    }
  }
  const rows = traces.flatMap((t) => (t.llmCalls ?? []).map((call) => llmCallRow(t.ref.workspaceId, call)));
  if (rows.length > 0) await tx.llmCall.createMany({ data: rows });
}
