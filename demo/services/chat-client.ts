// The assistant's client for an OpenAI-compatible chat API, traced the way GenAI
// instrumentations record a model call: one CLIENT span `chat {model}` per request with the
// OpenTelemetry GenAI attributes, prompt and completion included (what Flowprint's LLM page and
// eval export read). Content is recorded unconditionally: the demo shows what it is for.
import { context, propagation, SpanKind, SpanStatusCode, type Tracer } from "@opentelemetry/api";
import { suppressTracing } from "@opentelemetry/core";
import { ATTR_ERROR_TYPE, ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from "@opentelemetry/semantic-conventions";
import { requestJson } from "../http-client";
import { ATTR_PEER_SERVICE } from "../telemetry";

// Incubating GenAI semconv keys, copied rather than imported from `/incubating`.
const ATTR_GEN_AI_OPERATION_NAME = "gen_ai.operation.name";
const ATTR_GEN_AI_PROVIDER_NAME = "gen_ai.provider.name";
const ATTR_GEN_AI_REQUEST_MODEL = "gen_ai.request.model";
const ATTR_GEN_AI_REQUEST_TEMPERATURE = "gen_ai.request.temperature";
const ATTR_GEN_AI_REQUEST_MAX_TOKENS = "gen_ai.request.max_tokens";
const ATTR_GEN_AI_RESPONSE_MODEL = "gen_ai.response.model";
const ATTR_GEN_AI_RESPONSE_ID = "gen_ai.response.id";
const ATTR_GEN_AI_RESPONSE_FINISH_REASONS = "gen_ai.response.finish_reasons";
const ATTR_GEN_AI_USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";
const ATTR_GEN_AI_USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
const ATTR_GEN_AI_SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";
const ATTR_GEN_AI_INPUT_MESSAGES = "gen_ai.input.messages";
const ATTR_GEN_AI_OUTPUT_MESSAGES = "gen_ai.output.messages";

/** Semconv's value for an error without a better name. */
const OTHER_ERROR_TYPE = "_OTHER";

export interface ChatRequest {
  /** Base URL of the API, e.g. `http://127.0.0.1:4108`; `/v1/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  systemInstruction: string;
  userMessage: string;
  temperature: number;
  maxTokens: number;
  /** End-user id passed on to the provider for abuse monitoring, as OpenAI's `user` field. */
  user: string;
}

export interface ChatReply {
  content: string;
  /** The model that answered, as the server names it. */
  model: string;
}

interface ChatCompletion {
  id?: string;
  model?: string;
  choices?: { message?: { content?: string }; finish_reason?: string }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
  error?: { message?: string; code?: string };
}

/** A non-2xx answer of the API; `code` is the provider's error code (`rate_limit_exceeded`). */
export class ChatApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ChatApiError";
  }
}

/** A text message in the GenAI semconv "parts" format. */
const textParts = (content: string) => [{ type: "text", content }];

export function chat(tracer: Tracer, request: ChatRequest): Promise<ChatReply> {
  const url = new URL("/v1/chat/completions", request.baseUrl);
  return tracer.startActiveSpan(
    `chat ${request.model}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [ATTR_GEN_AI_OPERATION_NAME]: "chat",
        [ATTR_GEN_AI_PROVIDER_NAME]: "openai",
        [ATTR_GEN_AI_REQUEST_MODEL]: request.model,
        [ATTR_GEN_AI_REQUEST_TEMPERATURE]: request.temperature,
        [ATTR_GEN_AI_REQUEST_MAX_TOKENS]: request.maxTokens,
        [ATTR_SERVER_ADDRESS]: url.hostname,
        [ATTR_SERVER_PORT]: Number(url.port),
        [ATTR_PEER_SERVICE]: "model-server",
        [ATTR_GEN_AI_SYSTEM_INSTRUCTIONS]: JSON.stringify(textParts(request.systemInstruction)),
        [ATTR_GEN_AI_INPUT_MESSAGES]: JSON.stringify([{ role: "user", parts: textParts(request.userMessage) }]),
      },
    },
    async (span) => {
      const headers: Record<string, string> = {};
      propagation.inject(context.active(), headers);
      try {
        const body = {
          model: request.model,
          messages: [
            { role: "system", content: request.systemInstruction },
            { role: "user", content: request.userMessage },
          ],
          temperature: request.temperature,
          max_tokens: request.maxTokens,
          user: request.user,
        };
        // The HTTP instrumentation would add a second client span for the same call.
        const response = await context.with(suppressTracing(context.active()), () =>
          requestJson<ChatCompletion | undefined>(url.href, { method: "POST", headers, body, timeoutMs: 30_000 }),
        );
        const completion = response.body ?? {};
        if (response.status !== 200) {
          const error = new ChatApiError(response.status, completion.error?.code ?? String(response.status), `${response.status} ${completion.error?.message ?? "no error message"}`);
          span.setAttribute(ATTR_ERROR_TYPE, error.code);
          span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
          throw error;
        }
        const choice = completion.choices?.[0];
        const content = choice?.message?.content ?? "";
        const finishReason = choice?.finish_reason ?? "stop";
        const model = completion.model ?? request.model;
        const { usage } = completion;
        span.setAttributes({
          [ATTR_GEN_AI_RESPONSE_MODEL]: model,
          [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: [finishReason],
          [ATTR_GEN_AI_OUTPUT_MESSAGES]: JSON.stringify([{ role: "assistant", parts: textParts(content), finish_reason: finishReason }]),
          // Absent rather than 0 when the server did not say: unknown usage is not free usage.
          ...(completion.id ? { [ATTR_GEN_AI_RESPONSE_ID]: completion.id } : {}),
          ...(usage?.prompt_tokens !== undefined ? { [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: usage.prompt_tokens } : {}),
          ...(usage?.completion_tokens !== undefined ? { [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: usage.completion_tokens } : {}),
        });
        return { content, model };
      } catch (error) {
        if (!(error instanceof ChatApiError)) {
          // No answer at all (refused, timed out): the transport failed, not the API.
          span.recordException(error as Error);
          span.setAttribute(ATTR_ERROR_TYPE, OTHER_ERROR_TYPE);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        }
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
