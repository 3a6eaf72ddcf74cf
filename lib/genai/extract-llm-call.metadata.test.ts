// What extractLlmCall reads besides content: which spans are calls, model, provider, tokens,
// errors, timing, and which convention is named when several are recorded.
import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import type { Attributes, Span } from "../otlp/span";
import { extractLlmCall } from "./extract-llm-call";

const call = (attributes: Attributes, overrides: Partial<Span> = {}) => extractLlmCall(makeSpan({ attributes, ...overrides }));

describe("which spans are calls", () => {
  it("a span with no GenAI attributes is not", () => {
    expect(call({ "http.request.method": "POST" })).toBeNull();
  });

  it.each(["chat", "text_completion", "generate_content", "embeddings"])("operation %s is", (operation) => {
    expect(call({ "gen_ai.operation.name": operation })).not.toBeNull();
  });

  it.each(["invoke_agent", "create_agent", "execute_tool", "retrieval", "chain"])("operation %s is not, even with a model", (operation) => {
    expect(call({ "gen_ai.operation.name": operation, "gen_ai.request.model": "gpt-4o", "gen_ai.input.messages": "[]" })).toBeNull();
  });

  it("a model name alone makes a call", () => {
    expect(call({ "llm.model_name": "gpt-4o" })).not.toBeNull();
  });

  it("token counts alone do not: agent spans carry their calls' totals", () => {
    expect(call({ "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 5 })).toBeNull();
  });
});

describe("model and provider", () => {
  it("prefer the request model, then the response model, then llm.model_name", () => {
    // A failed call records only the requested model: it must group with its successes.
    expect(call({ "gen_ai.response.model": "gpt-4-0613", "gen_ai.request.model": "gpt-4", "llm.model_name": "x" })?.model).toBe("gpt-4");
    expect(call({ "gen_ai.response.model": "gpt-4-0613", "llm.model_name": "x" })?.model).toBe("gpt-4-0613");
    expect(call({ "llm.model_name": "x" })?.model).toBe("x");
    expect(call({ "gen_ai.operation.name": "chat" })?.model).toBe("");
  });

  it("prefer gen_ai.provider.name, then gen_ai.system, then llm.provider, then llm.system", () => {
    const all = { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "a", "gen_ai.system": "b", "llm.provider": "c", "llm.system": "d" };
    expect(call(all)?.provider).toBe("a");
    expect(call({ ...all, "gen_ai.provider.name": "" })?.provider).toBe("b");
    expect(call({ "gen_ai.operation.name": "chat", "llm.provider": "c", "llm.system": "d" })?.provider).toBe("c");
    expect(call({ "gen_ai.operation.name": "chat", "llm.system": "d" })?.provider).toBe("d");
    expect(call({ "gen_ai.operation.name": "chat" })?.provider).toBe("");
  });

  it("operation is gen_ai.operation.name, else empty", () => {
    expect(call({ "gen_ai.operation.name": "embeddings" })?.operation).toBe("embeddings");
    expect(call({ "llm.model_name": "x" })?.operation).toBe("");
  });
});

describe("token counts", () => {
  it("read input_tokens / output_tokens first", () => {
    const result = call({ "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": 97, "gen_ai.usage.prompt_tokens": 1, "gen_ai.usage.output_tokens": 52, "gen_ai.usage.completion_tokens": 1 });
    expect([result?.inputTokens, result?.outputTokens]).toEqual([97, 52]);
  });

  it("fall back to prompt_tokens / completion_tokens, then llm.token_count.*", () => {
    const legacy = call({ "gen_ai.operation.name": "chat", "gen_ai.usage.prompt_tokens": 7, "llm.token_count.prompt": 1, "gen_ai.usage.completion_tokens": 3 });
    expect([legacy?.inputTokens, legacy?.outputTokens]).toEqual([7, 3]);
    const openInference = call({ "llm.model_name": "x", "llm.token_count.prompt": 11, "llm.token_count.completion": 4 });
    expect([openInference?.inputTokens, openInference?.outputTokens]).toEqual([11, 4]);
  });

  it("accept numeric strings and tagged integers", () => {
    const result = call({ "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": "77", "gen_ai.usage.output_tokens": { $int: "86" } });
    expect([result?.inputTokens, result?.outputTokens]).toEqual([77, 86]);
  });

  it("are null when missing or not a whole count", () => {
    const result = call({ "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": "many", "gen_ai.usage.output_tokens": -1 });
    expect([result?.inputTokens, result?.outputTokens]).toEqual([null, null]);
  });
});

describe("errors", () => {
  const exception = { timeNs: 1500n, name: "exception", attributes: { "exception.type": "openai.RateLimitError" }, droppedAttributesCount: 0 };

  it("a call that did not fail has no error type", () => {
    expect(call({ "gen_ai.operation.name": "chat" }, { events: [exception] })).toMatchObject({ isError: false, errorType: "" });
  });

  it("error.type comes first, and marks the call failed even when the status was left unset", () => {
    expect(call({ "gen_ai.operation.name": "chat", "error.type": "timeout" }, { events: [exception] })).toMatchObject({ isError: true, errorType: "timeout" });
  });

  it("then the exception event's type, then the status message", () => {
    expect(call({ "gen_ai.operation.name": "chat" }, { status: "error", statusMessage: "429", events: [exception] })?.errorType).toBe("openai.RateLimitError");
    expect(call({ "gen_ai.operation.name": "chat" }, { status: "error", statusMessage: "429" })?.errorType).toBe("429");
  });
});

describe("identity and timing", () => {
  it("come from the span", () => {
    const span = makeSpan({ name: "chat gpt-4o", service: "agent", startNs: 1_746_700_001_000_000_123n, endNs: 1_746_700_003_500_000_123n, attributes: { "gen_ai.operation.name": "chat" } });
    expect(extractLlmCall(span)).toMatchObject({ traceId: span.traceId, spanId: span.spanId, service: "agent", name: "chat gpt-4o", startMs: 1_746_700_001_000, durationMs: 2500 });
  });
});

describe("convention", () => {
  it("is null when no content was recorded", () => {
    expect(call({ "gen_ai.operation.name": "chat" })).toMatchObject({ input: [], output: [], convention: null });
  });

  it("names the richest convention when several recorded the same call", () => {
    const result = call({
      "gen_ai.operation.name": "chat",
      "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Hi" }] }]),
      "gen_ai.prompt": "Hi (flat)",
      "gen_ai.prompt.0.content": "Hi (indexed)",
      "input.value": "Hi (raw)",
    });
    expect(result).toMatchObject({ convention: "otel_genai_messages", input: [{ role: "user", content: "Hi" }] });
  });

  it("is the completion's when only the completion was recorded", () => {
    expect(call({ "gen_ai.operation.name": "chat", "gen_ai.completion": "Hello." })?.convention).toBe("otel_genai_prompt");
  });
});
