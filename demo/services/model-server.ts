// model-server: stands in for an LLM served behind an OpenAI-compatible API (POST
// /v1/chat/completions). Replies are canned but counted, timed and rate limited like the real
// thing: token usage in the response, time to first token plus time per generated token, and
// now and then a 429 (DEMO_LLM_ERROR_SHARE) as a provider's requests-per-minute limit answers.
import { randomBytes } from "node:crypto";
import { readDemoConfig } from "../config";
import { HttpError } from "../http-server";
import { chance, simulateWork, sleep } from "../latency";
import { cannedReply, countTokens } from "./canned-replies";
import type { CreateService } from "./service-definition";

interface ModelProfile {
  firstTokenMs: [number, number];
  msPerToken: number;
}

// The larger model is only a little slower: a test's budget for this endpoint is 1.5 × its P95
// over both models, mostly the small one's, and a replayed complaint must stay within it.
const MODELS: Record<string, ModelProfile> = {
  "gpt-4o-mini": { firstTokenMs: [200, 300], msPerToken: 5 },
  "gpt-4o": { firstTokenMs: [220, 320], msPerToken: 6 },
};

/** Chat formatting adds a few tokens per message on top of its text. */
const TOKENS_PER_MESSAGE = 4;

interface ChatMessage {
  role: string;
  content: string;
}

function parseRequest(body: unknown): { model: string; messages: ChatMessage[] } {
  const candidate = (body ?? {}) as { model?: unknown; messages?: unknown };
  const messages = Array.isArray(candidate.messages) ? (candidate.messages as Partial<ChatMessage>[]) : [];
  const valid =
    typeof candidate.model === "string" &&
    messages.length > 0 &&
    messages.every((message) => typeof message.role === "string" && typeof message.content === "string");
  if (!valid) throw new HttpError(400, "model and messages[{role, content}] are required");
  return { model: candidate.model as string, messages: messages as ChatMessage[] };
}

/** The error body OpenAI-compatible servers send, which clients read `code` from. */
function apiError(status: number, message: string, type: string, code: string) {
  return { status, body: { error: { message, type, param: null, code } } };
}

export const createService: CreateService = () => {
  const { llmErrorShare } = readDemoConfig();
  return {
    routes: [
      {
        method: "POST",
        route: "/v1/chat/completions",
        handler: async ({ body }) => {
          const request = parseRequest(body);
          const profile = MODELS[request.model];
          if (!profile) return apiError(404, `The model \`${request.model}\` does not exist.`, "invalid_request_error", "model_not_found");
          if (chance(llmErrorShare)) {
            await simulateWork(5, 20);
            return apiError(429, `Rate limit reached for ${request.model} on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 120ms.`, "requests", "rate_limit_exceeded");
          }

          const question = request.messages.filter((message) => message.role === "user").at(-1)?.content ?? "";
          const content = cannedReply(question);
          const promptTokens = request.messages.reduce((sum, message) => sum + countTokens(message.content) + TOKENS_PER_MESSAGE, 0);
          const completionTokens = countTokens(content);
          await simulateWork(...profile.firstTokenMs);
          await sleep(completionTokens * profile.msPerToken);
          return {
            status: 200,
            body: {
              id: `chatcmpl-${randomBytes(12).toString("base64url")}`,
              object: "chat.completion",
              created: Math.floor(Date.now() / 1000),
              // The name asked for, as vLLM or Ollama answer, not a dated snapshot: a refused call
              // carries only the requested name, and refused and answered calls are one model.
              model: request.model,
              choices: [{ index: 0, message: { role: "assistant", content }, logprobs: null, finish_reason: "stop" }],
              usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
            },
          };
        },
      },
    ],
  };
};
