// POST .../flows/:flowId/export/ai-draft and .../entities/:entityName/journey/ai-draft share
// their configuration check, their model client and how a draft's outcome becomes a response.
import type { LlmDraftConfig } from "../config/server-config";
import { chatWithEndpoint } from "../export/ai-draft/chat-with-endpoint";
import type { ChatFunction, DraftOutcome, DraftSpan } from "../export/ai-draft/draft-types";
import { LLM_FAILURE_STATUS, LlmDraftError } from "../export/ai-draft/llm-draft-error";
import type { Store } from "../store/db";
import { getTraceWithTree } from "../store/trace-queries";
import type { AiDraftResponse } from "./ai-draft.types";
import { ApiError } from "./errors";

export function requireLlmDraft(config: LlmDraftConfig | null): { config: LlmDraftConfig; chat: ChatFunction } {
  if (!config) {
    throw new ApiError(409, "llm_not_configured", "AI drafts and summaries are off: set FLOWPRINT_LLM_BASE_URL (an OpenAI-compatible endpoint such as http://localhost:11434/v1), and FLOWPRINT_LLM_API_KEY and FLOWPRINT_LLM_MODEL as it needs, then restart Flowprint.");
  }
  return { config, chat: chatWithEndpoint(config) };
}

/** A representative trace's spans in tree order, as the draft reads them; none when it is gone. */
export async function loadDraftSpans(store: Store, workspaceId: string, traceId: string | null): Promise<DraftSpan[]> {
  const trace = traceId ? await getTraceWithTree(store, workspaceId, traceId) : null;
  return (trace?.spans ?? []).map((s) => ({
    depth: s.depth,
    service: s.service,
    name: s.name,
    kind: s.kind,
    status: s.status,
    statusMessage: s.status_message || undefined,
    durationMs: s.duration_ms,
    attributes: (s.attributes ?? {}) as Record<string, unknown>,
  }));
}

/** Runs a draft; the model's failures become their API errors, a draft that fails the checks a 422. */
export async function draftResponse(draft: () => Promise<DraftOutcome>, fileName: string): Promise<AiDraftResponse> {
  let outcome: DraftOutcome;
  try {
    outcome = await draft();
  } catch (error) {
    if (error instanceof LlmDraftError) throw new ApiError(LLM_FAILURE_STATUS[error.code], error.code, error.message);
    throw error;
  }
  if (!outcome.ok) {
    const summary = outcome.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join("; ");
    throw new ApiError(422, "draft_invalid", `The model's draft failed Flowprint's checks ${outcome.attempts} times; the last one: ${summary}${outcome.issues.length > 3 ? ` (and ${outcome.issues.length - 3} more)` : ""}.`, outcome.issues);
  }
  return { yaml: outcome.yaml, file_name: fileName, warnings: outcome.warnings, usage: outcome.usage, attempts: outcome.attempts };
}

/** `orders-post-orders-1a2b3c4d.yaml` → `orders-post-orders-1a2b3c4d.ai-draft.yaml`. */
export function draftFileName(fileName: string): string {
  return fileName.replace(/(\.ya?ml)?$/, ".ai-draft.yaml");
}
