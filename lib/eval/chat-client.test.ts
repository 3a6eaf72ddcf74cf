import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastUserContent, startOpenAiCompatibleServer, type OpenAiCompatibleServer, type ScriptedReply } from "../../tests/support/openai-compatible-server";
import { ChatCompletionError, chatCompletionsUrl, parseRetryAfter, requestChatCompletion } from "./chat-client";

const KEY = "sk-test-123";
let server: OpenAiCompatibleServer;
// The user message names the scripted reply, so each test states what the endpoint does.
const replies: Record<string, ScriptedReply> = {
  "server error": { status: 500, content: "The engine is overloaded." },
  "not json": { rawBody: "<html>Bad gateway</html>" },
  "no choices": { rawBody: JSON.stringify({ id: "x", choices: [] }) },
  "content parts": { rawBody: JSON.stringify({ choices: [{ message: { content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] } }] }) },
  "tool calls only": { content: null, usage: null },
  slow: { content: "late", delayMs: 2_000 },
};
// Answers in turn, one per call: a rate limit that clears.
let limited: ScriptedReply[] = [];

beforeAll(async () => {
  server = await startOpenAiCompatibleServer({ apiKey: KEY, reply: (body) => (lastUserContent(body) === "rate limited" ? (limited.shift() ?? "finally") : (replies[lastUserContent(body)] ?? `echo: ${lastUserContent(body)}`)) });
});
afterAll(() => server.stop());

const endpoint = () => ({ baseUrl: server.baseUrl, apiKey: KEY });
const ask = (text: string, overrides: Partial<ReturnType<typeof endpoint> & { timeoutMs: number; retries: number; retryDelayMs: number }> = {}) =>
  requestChatCompletion({ ...endpoint(), ...overrides }, { model: "gpt-test", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: text }] });

async function failure(promise: Promise<unknown>): Promise<ChatCompletionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChatCompletionError);
  return error as ChatCompletionError;
}

describe("requestChatCompletion", () => {
  it("posts the model and messages with the bearer key and reads the reply and usage", async () => {
    const reply = await ask("hello there");
    expect(reply).toMatchObject({ content: "echo: hello there", inputTokens: 4, outputTokens: 3 });
    expect(reply.latencyMs).toBeGreaterThan(0);
    const request = server.requests.at(-1)!;
    expect(request).toMatchObject({ method: "POST", path: "/v1/chat/completions", authorization: `Bearer ${KEY}` });
    expect(request.body).toEqual({ model: "gpt-test", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "hello there" }] });
  });

  it("sends tool calls in the OpenAI wire format and a temperature when given", async () => {
    await requestChatCompletion(endpoint(), {
      model: "gpt-test",
      temperature: 0,
      messages: [
        { role: "user", content: "Track A-1042" },
        { role: "assistant", content: "", tool_calls: [{ id: "call_1", name: "track", arguments: '{"id":"A-1042"}' }] },
        { role: "tool", content: "shipped", tool_call_id: "call_1" },
      ],
    });
    const body = server.requests.at(-1)!.body!;
    expect(body.temperature).toBe(0);
    expect(body.messages![1]).toEqual({ role: "assistant", content: "", tool_calls: [{ id: "call_1", type: "function", function: { name: "track", arguments: '{"id":"A-1042"}' } }] });
    expect(body.messages![2]).toEqual({ role: "tool", content: "shipped", tool_call_id: "call_1" });
  });

  it("joins content parts, and reads a reply without text or usage as empty", async () => {
    expect((await ask("content parts")).content).toBe("ab");
    expect(await ask("tool calls only")).toMatchObject({ content: "", inputTokens: null, outputTokens: null });
  });

  it("says 401 with the endpoint's message for a wrong key, never the key", async () => {
    const error = await failure(ask("hi", { apiKey: "sk-wrong" }));
    expect(error).toMatchObject({ failure: "http", status: 401 });
    expect(error.message).toBe(`POST ${server.baseUrl}/chat/completions answered 401 Unauthorized: Incorrect API key provided.`);
    expect(error.message).not.toContain("sk-wrong");
    expect(server.requests.at(-1)!.authorization).toBe("Bearer sk-wrong");
  });

  it("sends no authorization header without a key", async () => {
    await failure(ask("hi", { apiKey: null as unknown as string }));
    expect(server.requests.at(-1)!.authorization).toBeNull();
  });

  it("reports a 500 with the endpoint's message once its retries are spent", async () => {
    const before = server.requests.length;
    const error = await failure(ask("server error", { retries: 2, retryDelayMs: 1 }));
    expect(error).toMatchObject({ failure: "http", status: 500 });
    expect(error.message).toMatch(/answered 500 Internal Server Error: The engine is overloaded\.$/);
    expect(server.requests.length - before).toBe(3);
  });

  it("waits out a rate limit as long as Retry-After says, then answers", async () => {
    limited = [
      { status: 429, content: "Rate limit reached.", headers: { "retry-after": "0.2" } },
      { status: 503, content: "Busy." },
    ];
    const started = performance.now();
    const reply = await ask("rate limited", { retryDelayMs: 1 });
    expect(reply.content).toBe("finally");
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(limited).toEqual([]);
  });

  it("does not retry what another attempt would not change", async () => {
    const before = server.requests.length;
    await failure(ask("hi", { apiKey: "sk-wrong", retryDelayMs: 1 }));
    expect(server.requests.length - before).toBe(1);
  });

  it("reports a body that is not JSON, or not a chat completion", async () => {
    const notJson = await failure(ask("not json"));
    expect(notJson).toMatchObject({ failure: "response", status: 200 });
    expect(notJson.message).toBe(`POST ${server.baseUrl}/chat/completions answered 200 with a body that is not JSON: "<html>Bad gateway</html>"`);
    const noChoices = await failure(ask("no choices"));
    expect(noChoices.message).toMatch(/answered 200 without a chat completion \(choices\[0\]\.message\): /);
  });

  it("times out on an endpoint that stops answering", async () => {
    const error = await failure(ask("slow", { timeoutMs: 100 }));
    expect(error).toMatchObject({ failure: "timeout" });
    expect(error.message).toBe(`POST ${server.baseUrl}/chat/completions timed out after 100 ms`);
  });

  it("reports an endpoint that cannot be reached", async () => {
    const stopped = await startOpenAiCompatibleServer({ reply: () => "never" });
    await stopped.stop();
    const error = await failure(requestChatCompletion({ baseUrl: stopped.baseUrl, apiKey: null }, { model: "m", messages: [] }));
    expect(error.failure).toBe("network");
    expect(error.message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions failed: .*ECONNREFUSED/);
  });
});

describe("chatCompletionsUrl", () => {
  it("appends the path once, whatever the trailing slashes", () => {
    expect(chatCompletionsUrl("http://localhost:11434/v1/")).toBe("http://localhost:11434/v1/chat/completions");
    expect(chatCompletionsUrl("https://api.openai.com/v1")).toBe("https://api.openai.com/v1/chat/completions");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, and nothing else", () => {
    expect(parseRetryAfter("2")).toBe(2_000);
    expect(parseRetryAfter("0.5")).toBe(500);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:10 GMT", Date.parse("Wed, 21 Oct 2026 07:28:00 GMT"))).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
