// One span → the LLM call it records, under whichever attribute convention its instrumentation
// library followed. Pure: the span is the only input.
import type { Span } from "../otlp/span";
import { isLlmSpan } from "./is-llm-span";
import type { ChatMessage, ContentConvention, LlmCall } from "./llm-call";
import { firstCount, firstString, readString } from "./read-attribute";
import { readError } from "./read-error-type";
import { readFlatPrompt } from "./read-flat-prompt";
import { readGenAiEvents } from "./read-genai-events";
import { readOpenInferenceMessages } from "./read-openinference-messages";
import { readOpenInferenceValues } from "./read-openinference-values";
import { readOpenLlmetryMessages } from "./read-openllmetry-messages";
import { readOtelGenAiMessages, readSystemInstructions } from "./read-otel-genai-messages";
import type { RecordedMessages } from "./recorded-messages";

/**
 * Readers from the richest convention to the plainest. Structured messages keep roles and tool
 * calls; flat values (a whole prompt in one string, a provider's raw request body) only
 * sometimes do. Instrumentations often write several at once (OpenInference records both
 * `llm.input_messages` and `input.value`), and each side takes the first that recorded it.
 */
const READERS: readonly [ContentConvention, (span: Span) => RecordedMessages][] = [
  ["otel_genai_messages", (span) => readOtelGenAiMessages(span.attributes)],
  ["openinference_messages", (span) => readOpenInferenceMessages(span.attributes)],
  ["openllmetry", (span) => readOpenLlmetryMessages(span.attributes)],
  ["otel_genai_events", (span) => readGenAiEvents(span)],
  ["otel_genai_prompt", (span) => readFlatPrompt(span.attributes)],
  ["openinference_value", (span) => readOpenInferenceValues(span.attributes)],
];

interface Side {
  messages: ChatMessage[];
  convention: ContentConvention | null;
}

function readContent(span: Span): { input: Side; output: Side } {
  const input: Side = { messages: [], convention: null };
  const output: Side = { messages: [], convention: null };
  for (const [convention, read] of READERS) {
    if (input.convention !== null && output.convention !== null) break;
    const recorded = read(span);
    if (input.convention === null && recorded.input.length > 0) Object.assign(input, { messages: recorded.input, convention });
    if (output.convention === null && recorded.output.length > 0) Object.assign(output, { messages: recorded.output, convention });
  }
  return { input, output };
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();

/**
 * System instructions lead the input. Some instrumentations (Microsoft Agent Framework) record
 * the instructions both there and as the first input message; they are kept once.
 */
function withInstructions(instructions: ChatMessage[], input: ChatMessage[]): ChatMessage[] {
  const repeated = instructions.length > 0 && instructions.every((m, i) => input[i]?.role === m.role && sameText(input[i].content, m.content));
  return repeated ? input : [...instructions, ...input];
}

export function extractLlmCall(span: Span): LlmCall | null {
  if (!isLlmSpan(span)) return null;
  const { attributes } = span;
  const { input, output } = readContent(span);
  const instructions = readSystemInstructions(attributes);
  const { isError, errorType } = readError(span);
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    service: span.service,
    name: span.name,
    operation: readString(attributes["gen_ai.operation.name"]),
    // The requested model first: a failed call records no response model, and grouping by the
    // dated response name would split one model into a row of successes and a row of errors.
    model: firstString(attributes, ["gen_ai.request.model", "gen_ai.response.model", "llm.model_name"]),
    provider: firstString(attributes, ["gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system"]),
    // Microsecond precision: nanoseconds since the epoch overflow a double's exact range.
    startMs: Number(span.startNs / 1000n) / 1000,
    durationMs: Number(span.endNs - span.startNs) / 1e6,
    isError,
    errorType,
    inputTokens: firstCount(attributes, ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt"]),
    outputTokens: firstCount(attributes, ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.token_count.completion"]),
    input: withInstructions(instructions, input.messages),
    output: output.messages,
    // The input's convention names the call; a call that recorded only a completion is named by it.
    convention: input.convention ?? output.convention ?? (instructions.length > 0 ? "otel_genai_messages" : null),
  };
}
