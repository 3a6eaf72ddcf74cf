// The assistant and model-server in-process: what the GenAI client span records for an answer
// and for a rate-limited call, without starting the whole demo.
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { SpanStatusCode } from "@opentelemetry/api";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { ServiceUrls } from "../config";
import { requestJson } from "../http-client";
import { closeServer, listen } from "../http-server";
import { createService as createAssistant } from "./assistant";
import { createService as createModelServer } from "./model-server";

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
const tracer = provider.getTracer("assistant-test");

const servers: http.Server[] = [];
const urlOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function startAssistant(llmErrorShare: string): Promise<string> {
  vi.stubEnv("DEMO_LLM_ERROR_SHARE", llmErrorShare);
  const modelServer = await listen(0, createModelServer({ tracer, urls: {} as ServiceUrls }).routes);
  const urls = { "model-server": urlOf(modelServer) } as ServiceUrls;
  const assistant = await listen(0, createAssistant({ tracer, urls }).routes);
  servers.push(modelServer, assistant);
  return urlOf(assistant);
}

const ask = (url: string, question: string) =>
  requestJson<{ answer?: string; model?: string }>(`${url}/assistant/answers`, { method: "POST", body: { customerId: "c-003", question } });

const chatSpans = () => exporter.getFinishedSpans().filter((span) => span.attributes["gen_ai.operation.name"] === "chat");

describe("assistant", () => {
  afterEach(async () => {
    vi.unstubAllEnvs();
    await Promise.all(servers.splice(0).map(closeServer));
    exporter.reset();
  });
  afterAll(() => provider.shutdown());

  it("answers through one chat span recording model, usage and content", async () => {
    const url = await startAssistant("0");
    const response = await ask(url, "Hi, this is Carla. Where is my order o-1234abcd?");

    expect(response.status).toBe(200);
    expect(response.body.answer).toBe("Hi Carla, order o-1234abcd has shipped and should arrive within two business days. The tracking link is in your confirmation e-mail.");
    const [span, ...others] = chatSpans();
    expect(others).toEqual([]);
    expect(span!.name).toBe("chat gpt-4o-mini");
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
    expect(span!.attributes).toMatchObject({
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.response.model": "gpt-4o-mini",
      "gen_ai.response.finish_reasons": ["stop"],
      "server.address": "127.0.0.1",
      "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Hi, this is Carla. Where is my order o-1234abcd?" }] }]),
    });
    // The answer's 21 words × 1.3, rounded up; the input also counts the system instruction.
    expect(span!.attributes["gen_ai.usage.output_tokens"]).toBe(28);
    expect(span!.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(50);
  });

  it("sends complaints to the larger model", async () => {
    const url = await startAssistant("0");
    const response = await ask(url, "Hi, this is Ben. My order o-77aa12 arrived damaged. What can you do?");

    expect(response.body.model).toBe("gpt-4o");
    expect(chatSpans().map((span) => span.name)).toEqual(["chat gpt-4o"]);
  });

  it("records a rate-limited call as an error span and gives up after one retry", async () => {
    const url = await startAssistant("1");
    const response = await ask(url, "Hi, this is Carla. Where is my order o-1234abcd?");

    expect(response.status).toBe(503);
    const spans = chatSpans();
    expect(spans).toHaveLength(2);
    for (const span of spans) {
      expect(span.status).toMatchObject({ code: SpanStatusCode.ERROR, message: expect.stringMatching(/^429 Rate limit reached/) });
      expect(span.attributes["error.type"]).toBe("rate_limit_exceeded");
      expect(span.attributes["gen_ai.output.messages"]).toBeUndefined();
    }
  });
});
