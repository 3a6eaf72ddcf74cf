// LLM traces end to end through the running app: GenAI spans from the official OpenTelemetry SDK
// become indexed calls (tokens, cost, latency by model), eval datasets from a trace (API and
// `flowprint export-trace`) and from a selection, which `flowprint eval run` replays against a
// local OpenAI-compatible server; a workspace can drop or redact content at ingest.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { context, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEvalDataset } from "../../lib/eval/load-eval-dataset";
import { startApp, type AppServer } from "../support/app-server";
import { lastUserContent, startOpenAiCompatibleServer, type OpenAiCompatibleServer } from "../support/openai-compatible-server";
import { sdkClient } from "../support/otel-sdk";

const WS = "llm";

/** A support agent's trace: an HTTP request that makes one chat call, recorded as current semconv. */
function recordChat(tracer: Tracer, options: { model: string; question: string; answer: string; content?: boolean; error?: string; inputTokens?: number; outputTokens?: number; startMs?: number }): string {
  const start = options.startMs ?? Date.now() - 2_000;
  const root = tracer.startSpan("POST /support/answer", { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": "POST", "http.route": "/support/answer" } });
  const chat = tracer.startSpan(
    `chat ${options.model}`,
    {
      kind: SpanKind.CLIENT,
      startTime: start + 5,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": options.model,
        "gen_ai.response.model": options.model,
        "gen_ai.usage.input_tokens": options.inputTokens ?? 1_000,
        "gen_ai.usage.output_tokens": options.outputTokens ?? 200,
        ...(options.content === false
          ? {}
          : {
              "gen_ai.system_instructions": JSON.stringify([{ type: "text", content: "You answer customer questions about orders." }]),
              "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: options.question }] }]),
              "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: options.answer }], finish_reason: "stop" }]),
            }),
        ...(options.error ? { "error.type": options.error } : {}),
      },
    },
    trace.setSpan(context.active(), root),
  );
  if (options.error) chat.setStatus({ code: SpanStatusCode.ERROR, message: options.error });
  chat.end(start + 405);
  root.end(start + 410);
  return root.spanContext().traceId;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/flowprint.mjs", ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("LLM traces in the running app", () => {
  let app: AppServer;
  let model: OpenAiCompatibleServer;
  const dir = mkdtempSync(path.join(tmpdir(), "flowprint-llm-"));
  const api = (p: string, init?: RequestInit, ws = WS) => fetch(`${app.baseUrl}/api/v1/workspaces/${ws}${p}`, init);
  const complete = (traceId: string, ws = WS) => api(`/telemetry/traces/${traceId}/complete`, { method: "POST" }, ws);
  const traces: Record<string, string> = {};

  async function send(ws: string, record: (tracer: Tracer) => string): Promise<string> {
    const client = sdkClient({ baseUrl: app.baseUrl, format: "protobuf", service: "support-agent", headers: { "X-Workspace-ID": ws } });
    const traceId = record(client.tracer);
    await client.flush();
    await client.shutdown();
    expect((await complete(traceId, ws)).status).toBe(200);
    return traceId;
  }

  beforeAll(async () => {
    app = await startApp();
    model = await startOpenAiCompatibleServer({
      // A model that answers like production, except when asked about refunds: then it refuses.
      reply: (body) => (/refund/i.test(lastUserContent(body)) ? "I'm sorry, but I cannot help with that." : `Order ${lastUserContent(body).match(/A-\d+/)?.[0] ?? "?"} ships on Friday.`),
    });
    traces.json = await send(WS, (t) => recordChat(t, { model: "gpt-4o-mini", question: "Where is order A-1042?", answer: "Order A-1042 ships on Friday." }));
    traces.second = await send(WS, (t) => recordChat(t, { model: "gpt-4o-mini", question: "Where is order A-2077?", answer: "Order A-2077 ships on Friday." }));
    traces.refund = await send(WS, (t) => recordChat(t, { model: "gpt-4o", question: "Can I get a refund for A-3001?", answer: "Yes: your refund for A-3001 is on its way.", inputTokens: 2_000, outputTokens: 100 }));
    traces.failed = await send(WS, (t) => recordChat(t, { model: "gpt-4o", question: "Where is order A-9?", answer: "", content: false, error: "RateLimitError" }));
    traces.noContent = await send(WS, (t) => recordChat(t, { model: "gpt-4o-mini", question: "", answer: "", content: false }));
  }, 60_000);

  afterAll(async () => {
    await model?.stop();
    await app?.stop();
  });

  it("reports calls, tokens, cost, latency and errors by model", async () => {
    const usage = await (await api("/telemetry/llm/usage")).json();
    expect(usage.totals).toMatchObject({ calls: 5, errors: 1, input_tokens: 6_000, output_tokens: 900 });
    const byModel = Object.fromEntries(usage.models.map((m: { model: string }) => [m.model, m]));
    expect(byModel["gpt-4o-mini"]).toMatchObject({ calls: 3, errors: 0, provider: "openai", input_tokens: 3_000, output_tokens: 600 });
    expect(byModel["gpt-4o"]).toMatchObject({ calls: 2, errors: 1, error_rate: 0.5 });
    // gpt-4o-mini at $0.15 / $0.60 per million: 3 × (1000 × 0.15 + 200 × 0.6) / 1e6.
    expect(byModel["gpt-4o-mini"].cost_usd).toBeCloseTo(0.00081, 8);
    expect(byModel["gpt-4o"].p95_ms).toBeGreaterThan(390);
    expect(usage.top_errors).toEqual([expect.objectContaining({ model: "gpt-4o", error_type: "RateLimitError", count: 1 })]);
    const { calls, models } = await (await api("/telemetry/llm/calls?model=gpt-4o")).json();
    expect(calls).toHaveLength(2);
    expect(models.map((m: { model: string }) => m.model)).toEqual(["gpt-4o-mini", "gpt-4o"]);
  });

  it("warns when a model crosses a workspace threshold, and prices by the workspace's overrides", async () => {
    const put = await api("/settings/telemetry", { method: "PUT", body: JSON.stringify({ llm_alert_error_rate: 0.25, llm_prices: { "gpt-4o-mini": { input_per_million: 1, output_per_million: 1 } } }) });
    expect(put.status).toBe(200);
    const usage = await (await api("/telemetry/llm/usage")).json();
    expect(usage.warnings).toEqual([expect.objectContaining({ model: "gpt-4o", metric: "error_rate", value: 0.5, threshold: 0.25 })]);
    expect(usage.models.find((m: { model: string }) => m.model === "gpt-4o-mini").cost_usd).toBeCloseTo(0.0036, 8);
    const bad = await api("/settings/telemetry", { method: "PUT", body: JSON.stringify({ llm_prices: { "gpt-4o": { input_per_million: -1, output_per_million: 1 } } }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe("llm_prices.gpt-4o.input_per_million");
    await api("/settings/telemetry", { method: "PUT", body: JSON.stringify({ llm_alert_error_rate: null, llm_prices: {} }) });
  });

  it("exports a trace's calls as an eval dataset with baseline assertions", async () => {
    const response = await api(`/telemetry/traces/${traces.json}/eval-export`, { method: "POST" });
    expect(response.status).toBe(200);
    const { yaml, file_name } = await response.json();
    expect(file_name).toBe(`trace-${traces.json.slice(0, 8)}.eval.yaml`);
    const loaded = loadEvalDataset(yaml);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const { dataset } = loaded;
    expect(dataset.name).toBe(`exported-trace-${traces.json.slice(0, 8)}`);
    expect(dataset.metadata).toMatchObject({ trace_id: traces.json, model: "gpt-4o-mini", provider: "openai" });
    expect(dataset.cases).toHaveLength(1);
    const [only] = dataset.cases;
    expect(only.variables.input).toBe("Where is order A-1042?");
    expect(only.convention).toBe("otel_genai_messages");
    expect(only.assertions).toContainEqual({ type: "max_length", value: Math.ceil("Order A-1042 ships on Friday.".length * 1.5) });
    expect(only.assertions).toContainEqual({ type: "not_icontains", value: "as an ai" });
    expect(only.assertions.some((a) => a.type === "is_json")).toBe(false);
  });

  it("publishes the dataset's JSON Schema", async () => {
    const schema = await (await fetch(`${app.baseUrl}/schemas/flowprint-eval-dataset.json`)).json();
    expect(schema.$id).toBe("/schemas/flowprint-eval-dataset.json");
    expect(schema.required).toEqual(expect.arrayContaining(["name", "source", "metadata", "cases"]));
  });

  it("refuses a trace that recorded no prompt with 422, and an unknown trace with 404", async () => {
    const response = await api(`/telemetry/traces/${traces.noContent}/eval-export`, { method: "POST" });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toBe(`No exportable spans in trace ${traces.noContent}. Was content recording enabled?`);
    expect((await api(`/telemetry/traces/${"f".repeat(32)}/eval-export`, { method: "POST" })).status).toBe(404);
  });

  it("writes the dataset with `flowprint export-trace` and runs it with `flowprint eval run`", async () => {
    const out = path.join(dir, "datasets");
    const exported = await runCli(["export-trace", traces.json, "--output", out, "--server", app.baseUrl, "--workspace", WS]);
    expect(exported.code, exported.output).toBe(0);
    const file = path.join(out, `trace-${traces.json.slice(0, 8)}.eval.yaml`);
    expect(readFileSync(file, "utf8")).toContain("cases:");
    const junit = path.join(dir, "eval.xml");
    const run = await runCli(["eval", "run", "--dataset", file, "--model", "candidate-model", "--junit", junit], { FLOWPRINT_LLM_BASE_URL: model.baseUrl, FLOWPRINT_LLM_API_KEY: "" });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/1 passed, 0 failed/);
    expect(model.requests.at(-1)?.body).toMatchObject({ model: "candidate-model", messages: [{ role: "system" }, { role: "user", content: "Where is order A-1042?" }] });
    expect(readFileSync(junit, "utf8")).toContain('tests="1"');

    const missing = await runCli(["export-trace", traces.noContent, "--output", out, "--server", app.baseUrl, "--workspace", WS]);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain("Was content recording enabled?");
  }, 60_000);

  it("fails the eval when the candidate model starts refusing", async () => {
    const out = path.join(dir, "refund");
    expect((await runCli(["export-trace", traces.refund, "--output", out, "--server", app.baseUrl, "--workspace", WS])).code).toBe(0);
    const run = await runCli(["eval", "run", "--dataset", path.join(out, `trace-${traces.refund.slice(0, 8)}.eval.yaml`), "--model", "candidate-model", "--base-url", model.baseUrl]);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(/not_icontains.*i cannot/i);
  }, 60_000);

  it("exports one dataset from a selection, prompts that differ only in variables collapsed", async () => {
    const response = await api("/telemetry/llm/eval-export", { method: "POST", body: JSON.stringify({ model: "gpt-4o-mini" }) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ cases: 1, calls: 2, templates: 1 });
    const loaded = loadEvalDataset(body.yaml);
    expect(loaded.ok && loaded.dataset.source).toMatchObject({ type: "selection", workspace: WS, model: "gpt-4o-mini", dedupe: true });
    const all = await (await api("/telemetry/llm/eval-export", { method: "POST", body: JSON.stringify({ model: "gpt-4o-mini", dedupe: false }) })).json();
    expect(all.cases).toBe(2);
    const bad = await api("/telemetry/llm/eval-export", { method: "POST", body: JSON.stringify({ modle: "x" }) });
    expect(bad.status).toBe(400);
  });

  it("drops or redacts recorded content at ingest when the workspace says so, keeping usage", async () => {
    const secret = "Reach me at jane.doe@example.com or +1 415 555 0100, card 4111 1111 1111 1111.";
    await api("/settings/telemetry", { method: "PUT", body: JSON.stringify({ llm_content: "drop" }) }, "llm-drop");
    await api("/settings/telemetry", { method: "PUT", body: JSON.stringify({ llm_content: "redact" }) }, "llm-redact");
    // The ingest policy is cached for a few seconds; settings changes invalidate it at once.
    const dropped = await send("llm-drop", (t) => recordChat(t, { model: "gpt-4o", question: secret, answer: "Noted." }));
    const redacted = await send("llm-redact", (t) => recordChat(t, { model: "gpt-4o", question: secret, answer: "Noted." }));

    const droppedSpans = (await (await api(`/telemetry/traces/${dropped}`, undefined, "llm-drop")).json()).spans as { attributes: Record<string, unknown> }[];
    const droppedChat = droppedSpans.find((s) => "gen_ai.request.model" in s.attributes)!;
    expect(droppedChat.attributes["gen_ai.input.messages"]).toBeUndefined();
    expect(droppedChat.attributes["gen_ai.usage.input_tokens"]).toBe(1_000);
    expect(JSON.stringify(droppedSpans)).not.toContain("jane.doe");
    expect((await api(`/telemetry/traces/${dropped}/eval-export`, { method: "POST" }, "llm-drop")).status).toBe(422);
    expect((await (await api("/telemetry/llm/usage", undefined, "llm-drop")).json()).totals.calls).toBe(1);

    const { yaml } = await (await api(`/telemetry/traces/${redacted}/eval-export`, { method: "POST" }, "llm-redact")).json();
    expect(yaml).toContain("[REDACTED_EMAIL]");
    expect(yaml).toContain("[REDACTED_PHONE]");
    expect(yaml).toContain("[REDACTED_CARD]");
    expect(yaml).not.toContain("jane.doe");
    expect(yaml).not.toContain("4111");
  }, 60_000);
});
