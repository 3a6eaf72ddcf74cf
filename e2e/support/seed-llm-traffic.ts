// Seeds LLM calls the way GenAI instrumentations record them: real OTLP from the official
// OpenTelemetry SDK with the GenAI semantic conventions (gen_ai.* attributes, messages as JSON
// in gen_ai.input.messages / gen_ai.output.messages), then completes the traces so the
// llm_calls index holds them at once.
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { sdkClient } from "../../tests/support/otel-sdk";
import { completeTraces } from "./complete-traces";
import { allowKeylessIngest } from "./session";

export interface LlmCallSpec {
  provider: "openai" | "anthropic";
  requestModel: string;
  /** The model the provider says answered. Default: the request model. */
  responseModel?: string;
  system?: string;
  prompt: string;
  /** Left out for a failed call. */
  completion?: string;
  inputTokens?: number;
  outputTokens?: number;
  durationMs: number;
  /** `error.type` of a failed call. */
  errorType?: string;
  /** Whether the instrumentation recorded message content (OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT). */
  content?: boolean;
  /** How long before now the call started. */
  agoMs: number;
  /** The chat-api route the call served, a flow of its own per route. Default: "/chat". */
  route?: string;
}

const textMessage = (role: string, text: string) => ({ role, parts: [{ type: "text", content: text }] });

function genAiAttributes(call: LlmCallSpec): Record<string, string | number> {
  const attributes: Record<string, string | number> = {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": call.provider,
    "gen_ai.request.model": call.requestModel,
    "gen_ai.request.temperature": 0.2,
  };
  if (call.completion !== undefined) {
    attributes["gen_ai.response.model"] = call.responseModel ?? call.requestModel;
    attributes["gen_ai.response.finish_reasons"] = "stop";
  }
  if (call.inputTokens !== undefined) attributes["gen_ai.usage.input_tokens"] = call.inputTokens;
  if (call.outputTokens !== undefined) attributes["gen_ai.usage.output_tokens"] = call.outputTokens;
  if (call.errorType) attributes["error.type"] = call.errorType;
  if (call.content !== false) {
    const input = [...(call.system ? [textMessage("system", call.system)] : []), textMessage("user", call.prompt)];
    attributes["gen_ai.input.messages"] = JSON.stringify(input);
    if (call.completion !== undefined) attributes["gen_ai.output.messages"] = JSON.stringify([{ ...textMessage("assistant", call.completion), finish_reason: "stop" }]);
  }
  return attributes;
}

/** One trace per call: `POST /chat` (or the call's route) on chat-api, with the model call as its child. Returns the trace ids. */
export async function sendLlmCalls(baseUrl: string, workspace: string, calls: LlmCallSpec[]): Promise<string[]> {
  await allowKeylessIngest(baseUrl, workspace);
  const client = sdkClient({ baseUrl, format: "protobuf", service: "chat-api", headers: { "X-Workspace-ID": workspace } });
  const { tracer } = client;
  const ids: string[] = [];
  const now = Date.now();
  for (const call of calls) {
    const start = now - call.agoMs;
    const route = call.route ?? "/chat";
    const root = tracer.startSpan(`POST ${route}`, { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": "POST", "http.route": route, "http.response.status_code": call.errorType ? 502 : 200 } });
    const span = tracer.startSpan(`chat ${call.requestModel}`, { kind: SpanKind.CLIENT, startTime: start + 2, attributes: genAiAttributes(call) }, trace.setSpan(context.active(), root));
    if (call.errorType) span.setStatus({ code: SpanStatusCode.ERROR, message: `${call.provider} answered ${call.errorType}` });
    span.end(start + 2 + call.durationMs);
    root.end(start + 4 + call.durationMs);
    ids.push(root.spanContext().traceId);
  }
  await client.flush();
  await client.shutdown();
  await completeTraces(baseUrl, workspace, ids);
  return ids;
}

const MINUTE = 60_000;
const SUPPORT = "You are the support agent of Acme Outfitters. Answer in two sentences at most.";

/**
 * A support chat's day on two models: order questions that differ only in the order number
 * (one prompt template), a few other prompts, failures with error.type, and one call whose
 * instrumentation did not record content (the last trace id returned).
 */
export function supportChatDay(): LlmCallSpec[] {
  const orders = [1042, 1043, 2077, 3120, 4410].map(
    (order, i): LlmCallSpec => ({
      provider: "openai",
      requestModel: "gpt-4o-mini",
      system: SUPPORT,
      prompt: `Where is order ${order}?`,
      completion: `Order ${order} left our warehouse yesterday and should arrive within three days.`,
      inputTokens: 1200 + i * 40,
      outputTokens: 180 + i * 10,
      durationMs: 420 + i * 90,
      agoMs: (20 + i * 95) * MINUTE,
    }),
  );
  const returns: LlmCallSpec[] = ["boots", "tent", "jacket"].map((item, i) => ({
    provider: "anthropic",
    requestModel: "claude-3-5-haiku-20241022",
    system: SUPPORT,
    prompt: `Can I still return the ${item} I bought last month?`,
    completion: `Yes: the ${item} can be returned within 60 days of purchase. Start the return from your orders page.`,
    inputTokens: 900 + i * 25,
    outputTokens: 140 + i * 12,
    durationMs: 850 + i * 300,
    agoMs: (45 + i * 130) * MINUTE,
  }));
  const failures: LlmCallSpec[] = [
    { provider: "openai", requestModel: "gpt-4o-mini", system: SUPPORT, prompt: "Where is order 5120?", errorType: "rate_limit_exceeded", durationMs: 120, agoMs: 70 * MINUTE },
    { provider: "anthropic", requestModel: "claude-3-5-haiku-20241022", system: SUPPORT, prompt: "Can I still return the stove I bought last month?", errorType: "overloaded_error", durationMs: 3100, agoMs: 160 * MINUTE },
    { provider: "anthropic", requestModel: "claude-3-5-haiku-20241022", system: SUPPORT, prompt: "Can I still return the lamp I bought last month?", errorType: "overloaded_error", durationMs: 2900, agoMs: 250 * MINUTE },
  ];
  const withoutContent: LlmCallSpec = {
    provider: "openai",
    requestModel: "gpt-4o-mini",
    prompt: "(not recorded)",
    completion: "(not recorded)",
    content: false,
    inputTokens: 1100,
    outputTokens: 150,
    durationMs: 510,
    agoMs: 5 * MINUTE,
  };
  return [...orders, ...returns, ...failures, withoutContent];
}

/**
 * Ticket summaries: a second flow of the same service (`POST /tickets/summarize`) on one model,
 * three calls, so a page narrowed to it shows other numbers than the whole workspace.
 */
export function ticketSummaries(): LlmCallSpec[] {
  return [3301, 3302, 3307].map((ticket, i) => ({
    route: "/tickets/summarize",
    provider: "openai",
    requestModel: "gpt-4o-mini",
    system: "Summarize the support ticket in one sentence for the on-call engineer.",
    prompt: `Ticket ${ticket}: the checkout page times out after the payment step.`,
    completion: `Ticket ${ticket} reports checkout timing out right after payment.`,
    inputTokens: 600 + i * 30,
    outputTokens: 40 + i * 5,
    durationMs: 300 + i * 60,
    agoMs: (30 + i * 110) * MINUTE,
  }));
}
