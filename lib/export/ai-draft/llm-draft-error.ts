// Why a model could not be asked: each reason has its own code and HTTP status, so the UI can
// say "try again later" to a rate limit and "check the endpoint" to an unreachable one.

export type LlmDraftFailure = "llm_unavailable" | "llm_timeout" | "llm_rate_limited";

export const LLM_FAILURE_STATUS: Record<LlmDraftFailure, number> = {
  // The endpoint answered wrongly or not at all: a bad gateway.
  llm_unavailable: 502,
  // It refused for load: ours to report as unavailable for now, not the caller's fault.
  llm_rate_limited: 503,
  llm_timeout: 504,
};

export class LlmDraftError extends Error {
  constructor(
    readonly code: LlmDraftFailure,
    message: string,
  ) {
    super(message);
    this.name = "LlmDraftError";
  }
}
