// One LLM call read from one span, whatever instrumentation library wrote it. Everything after
// extraction (eval export, usage statistics, the LLM page) works with this shape only.

/** Which attribute convention supplied a call's prompt and completion text. */
export type ContentConvention =
  /** `gen_ai.input.messages` / `gen_ai.output.messages` (JSON) and `gen_ai.system_instructions`. */
  | "otel_genai_messages"
  /** Span events `gen_ai.content.prompt` / `gen_ai.content.completion` (or the per-message `gen_ai.*.message` events). */
  | "otel_genai_events"
  /** Flat `gen_ai.prompt` / `gen_ai.completion` attributes. */
  | "otel_genai_prompt"
  /** OpenLLMetry: `gen_ai.prompt.N.content` / `gen_ai.completion.N.content`. */
  | "openllmetry"
  /** OpenInference: `llm.input_messages.N.message.*` / `llm.output_messages.N.message.*`. */
  | "openinference_messages"
  /** OpenInference: `input.value` / `output.value`. */
  | "openinference_value";

export interface ChatMessage {
  /** system | user | assistant | tool | developer, as recorded. */
  role: string;
  /** The message's text parts joined with "\n"; "" when it holds only tool calls or media. */
  content: string;
  /** Tool calls an assistant message requested, when recorded. */
  toolCalls?: { id?: string; name: string; arguments?: string }[];
  /** The id of the tool call a tool message answers, when recorded. */
  toolCallId?: string;
}

export interface LlmCall {
  traceId: string;
  spanId: string;
  service: string;
  /** The span name, e.g. "chat gpt-4o". */
  name: string;
  /** `gen_ai.operation.name` when recorded (chat, text_completion, embeddings, ...), else "". */
  operation: string;
  /** Request model, else response model, else `llm.model_name`; "" when none is recorded. */
  model: string;
  /** `gen_ai.provider.name`, else `gen_ai.system`, else `llm.provider`/`llm.system`; "" when none. */
  provider: string;
  startMs: number;
  durationMs: number;
  isError: boolean;
  /** `error.type`, else the exception event's `exception.type`, else the status message; "" when not an error. */
  errorType: string;
  /** null when the span did not record the count. */
  inputTokens: number | null;
  outputTokens: number | null;
  /** System instructions and input messages in order; empty when content was not recorded. */
  input: ChatMessage[];
  /** Output (completion) messages; empty when not recorded. */
  output: ChatMessage[];
  /** Which convention supplied input/output text; null when no content was recorded. */
  convention: ContentConvention | null;
}
