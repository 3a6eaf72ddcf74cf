import { describe, expect, it } from "vitest";
import { ChatCompletionError } from "../../eval/chat-client";
import { toLlmDraftError } from "./chat-with-endpoint";
import { LlmDraftError } from "./llm-draft-error";

describe("toLlmDraftError", () => {
  it("names a timeout, a rate limit and every other failure by its own code", () => {
    const timeout = toLlmDraftError(new ChatCompletionError("POST http://m/v1/chat/completions timed out after 50 ms", "timeout"), 50);
    expect(timeout).toBeInstanceOf(LlmDraftError);
    expect(timeout).toMatchObject({ code: "llm_timeout", message: expect.stringContaining("within 50 ms (FLOWPRINT_LLM_TIMEOUT_MS)") });
    expect(toLlmDraftError(new ChatCompletionError("answered 429", "http", 429, 20_000), 50)).toMatchObject({ code: "llm_rate_limited", message: expect.stringContaining("wait 20 s") });
    for (const error of [new ChatCompletionError("answered 500", "http", 500), new ChatCompletionError("answered 401", "http", 401), new ChatCompletionError("refused", "network"), new ChatCompletionError("not JSON", "response", 200)]) {
      expect(toLlmDraftError(error, 50)).toMatchObject({ code: "llm_unavailable", message: expect.stringContaining(error.message) });
    }
  });

  it("passes other errors as they are", () => {
    const bug = new TypeError("x is undefined");
    expect(toLlmDraftError(bug, 50)).toBe(bug);
  });
});
