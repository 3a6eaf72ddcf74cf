// The draft's model calls go through the eval client (timeouts, error bodies read, the key
// never echoed), without its retries: someone is waiting on the answer, and a rate-limited
// endpoint is better reported at once than waited out.
import { ChatCompletionError, requestChatCompletion } from "../../eval/chat-client";
import type { ChatFunction } from "./draft-types";
import { LlmDraftError } from "./llm-draft-error";

export interface LlmEndpointConfig {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

/** A ChatCompletionError as the draft's error; anything else is not the endpoint's doing and passes as is. */
export function toLlmDraftError(error: unknown, timeoutMs: number): unknown {
  if (!(error instanceof ChatCompletionError)) return error;
  if (error.failure === "timeout") return new LlmDraftError("llm_timeout", `The model endpoint did not answer within ${timeoutMs} ms (FLOWPRINT_LLM_TIMEOUT_MS): ${error.message}`);
  if (error.failure === "http" && error.status === 429) {
    const wait = error.retryAfterMs !== null ? ` It asks to wait ${Math.ceil(error.retryAfterMs / 1000)} s.` : "";
    return new LlmDraftError("llm_rate_limited", `The model endpoint is rate-limiting requests; try again later.${wait} ${error.message}`);
  }
  return new LlmDraftError("llm_unavailable", `The model endpoint could not draft the test: ${error.message}`);
}

export function chatWithEndpoint(config: LlmEndpointConfig): ChatFunction {
  return async (messages) => {
    try {
      const reply = await requestChatCompletion({ baseUrl: config.baseUrl, apiKey: config.apiKey, timeoutMs: config.timeoutMs, retries: 0 }, { model: config.model, messages });
      return { content: reply.content, promptTokens: reply.inputTokens, completionTokens: reply.outputTokens };
    } catch (error) {
      throw toLlmDraftError(error, config.timeoutMs);
    }
  };
}
