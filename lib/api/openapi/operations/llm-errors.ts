// The errors of every route that asks the configured model (AI drafts, diagnosis summaries),
// by the statuses lib/export/ai-draft/llm-draft-error.ts maps its failures to.
import { LLM_FAILURE_STATUS, type LlmDraftFailure } from "../../../export/ai-draft/llm-draft-error";
import { errorResponse, type ApiResponse } from "../operation";

const WHY: Record<LlmDraftFailure, string> = {
  llm_unavailable: "The model's endpoint answered wrongly or not at all (code llm_unavailable).",
  llm_rate_limited: "The model's endpoint refused for load; try again later (code llm_rate_limited).",
  llm_timeout: "The model took longer than FLOWPRINT_LLM_TIMEOUT_MS (code llm_timeout).",
};

export const LLM_ERRORS: Record<number, ApiResponse> = {
  409: errorResponse("No model is configured: set FLOWPRINT_LLM_BASE_URL (code llm_not_configured)."),
  ...Object.fromEntries(Object.entries(WHY).map(([code, why]) => [LLM_FAILURE_STATUS[code as LlmDraftFailure], errorResponse(why)])),
};
