// One chat completion from an OpenAI-compatible endpoint (OpenAI, Azure OpenAI's v1 API, vLLM,
// Ollama, LiteLLM, ...): `POST {baseUrl}/chat/completions`. Every way it can go wrong becomes a
// ChatCompletionError whose message says what the endpoint did, never the key.
import { z } from "zod";
import { describeFetchError } from "../runner/describe-fetch-error";
import type { EvalMessage } from "./eval-dataset.schema";

export interface ChatEndpoint {
  /** e.g. `https://api.openai.com/v1`, `http://localhost:11434/v1`. */
  baseUrl: string;
  /** Sent as a bearer token; null for endpoints without authentication. */
  apiKey: string | null;
  timeoutMs?: number;
  /** Retries of a call refused for load (429, 5xx) or cut off on the way; default 3. */
  retries?: number;
  /** First wait before a retry, doubled each time, unless the endpoint says (Retry-After); default 1000. */
  retryDelayMs?: number;
}

export interface ChatRequest {
  model: string;
  messages: readonly EvalMessage[];
  temperature?: number;
}

export interface ChatReply {
  /** The first choice's text; "" when it answered with tool calls only. */
  content: string;
  inputTokens: number | null;
  outputTokens: number | null;
  latencyMs: number;
}

export type ChatFailure = "network" | "timeout" | "http" | "response";

export class ChatCompletionError extends Error {
  readonly failure: ChatFailure;
  /** The HTTP status when the endpoint answered. */
  readonly status: number | null;
  /** How long the endpoint asked to wait (Retry-After), when it did. */
  readonly retryAfterMs: number | null;

  constructor(message: string, failure: ChatFailure, status: number | null = null, retryAfterMs: number | null = null) {
    super(message);
    this.name = "ChatCompletionError";
    this.failure = failure;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Rate limits and overloaded servers pass; a timeout already waited long enough. */
export function isRetryable(error: ChatCompletionError): boolean {
  if (error.failure === "network") return true;
  return error.failure === "http" && error.status !== null && (error.status === 429 || error.status >= 500);
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** Longest wait between attempts, whatever the endpoint asks. */
const MAX_RETRY_DELAY_MS = 30_000;

/** Model calls are slow; this only catches an endpoint that stopped answering. */
export const DEFAULT_CHAT_TIMEOUT_MS = 120_000;

export function chatCompletionsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/chat/completions`;
}

const contentPart = z.object({ type: z.string().optional(), text: z.string().optional() });

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          // Some servers answer with content parts instead of a string.
          content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
        }),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() })
    .nullish(),
});

function wireMessage(message: EvalMessage): Record<string, unknown> {
  const wire: Record<string, unknown> = { role: message.role, content: message.content };
  if (message.tool_calls) {
    wire.tool_calls = message.tool_calls.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments ?? "{}" } }));
  }
  if (message.tool_call_id !== undefined) wire.tool_call_id = message.tool_call_id;
  return wire;
}

const clip = (text: string, width = 200) => (text.length > width ? `${text.slice(0, width)}…` : text);

/** The endpoint's own words for an error: OpenAI's `{error: {message}}` and its common variants. */
function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown; detail?: unknown };
    const error = parsed.error;
    if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") return (error as { message: string }).message;
    for (const value of [error, parsed.message, parsed.detail]) if (typeof value === "string") return value;
  } catch {
    // Not JSON: the text itself is the best there is.
  }
  return clip(body.trim().replace(/\s+/g, " "));
}

function contentOf(content: string | { text?: string }[] | null | undefined): string {
  if (typeof content === "string") return content;
  return (content ?? []).map((part) => part.text ?? "").join("");
}

/** One completion, retried with backoff while the endpoint is rate-limiting or overloaded. */
export async function requestChatCompletion(endpoint: ChatEndpoint, request: ChatRequest): Promise<ChatReply> {
  const retries = endpoint.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    try {
      return await requestOnce(endpoint, request);
    } catch (error) {
      if (!(error instanceof ChatCompletionError) || !isRetryable(error) || attempt >= retries) throw error;
      const backoff = (endpoint.retryDelayMs ?? 1_000) * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_RETRY_DELAY_MS, error.retryAfterMs ?? backoff)));
    }
  }
}

async function requestOnce(endpoint: ChatEndpoint, request: ChatRequest): Promise<ChatReply> {
  const url = chatCompletionsUrl(endpoint.baseUrl);
  const timeoutMs = endpoint.timeoutMs ?? DEFAULT_CHAT_TIMEOUT_MS;
  const where = `POST ${url}`;
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
  const body = JSON.stringify({
    model: request.model,
    messages: request.messages.map(wireMessage),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
  });
  const started = performance.now();
  let status = 0;
  let text: string;
  try {
    const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
    status = response.status;
    text = await response.text();
    if (!response.ok) {
      throw new ChatCompletionError(
        `${where} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}: ${errorText(text) || "(empty body)"}`,
        "http",
        status,
        parseRetryAfter(response.headers.get("retry-after")),
      );
    }
  } catch (error) {
    if (error instanceof ChatCompletionError) throw error;
    if ((error as Error).name === "TimeoutError") throw new ChatCompletionError(`${where} timed out after ${timeoutMs} ms`, "timeout", status || null);
    throw new ChatCompletionError(`${where} failed: ${describeFetchError(error)}`, "network");
  }
  const latencyMs = performance.now() - started;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ChatCompletionError(`${where} answered ${status} with a body that is not JSON: ${JSON.stringify(clip(text))}`, "response", status);
  }
  const parsed = completionSchema.safeParse(json);
  if (!parsed.success) {
    throw new ChatCompletionError(`${where} answered ${status} without a chat completion (choices[0].message): ${JSON.stringify(clip(text))}`, "response", status);
  }
  const { choices, usage } = parsed.data;
  return {
    content: contentOf(choices[0].message.content),
    inputTokens: usage?.prompt_tokens ?? null,
    outputTokens: usage?.completion_tokens ?? null,
    latencyMs,
  };
}
