// LLM calls as the extractor hands them over, for the dataset builder's tests.
import type { LlmCall } from "../genai/llm-call";

export const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

export function llmCall(overrides: Partial<LlmCall> = {}): LlmCall {
  return {
    traceId: TRACE_ID,
    spanId: "00f067aa0ba902b7",
    service: "support-bot",
    name: "chat gpt-4o",
    operation: "chat",
    model: "gpt-4o-2024-08-06",
    provider: "openai",
    startMs: 1_700_000_000_000,
    durationMs: 812,
    isError: false,
    errorType: "",
    inputTokens: 42,
    outputTokens: 17,
    input: [
      { role: "system", content: "You are a support agent for Acme. Answer briefly." },
      { role: "user", content: "Where is my order?" },
      { role: "assistant", content: "Could you give me the order number?" },
      { role: "user", content: "It is A-1042." },
    ],
    output: [{ role: "assistant", content: "Order A-1042 shipped yesterday and arrives Friday." }],
    convention: "otel_genai_messages",
    ...overrides,
  };
}
