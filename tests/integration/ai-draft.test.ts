// Drafting tests with a model through the running app, against a real OpenAI-compatible server
// on a local port: the bounded context it is sent, the checks and the one retry, the errors of
// an endpoint that fails, and the answer when drafting is not configured.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { context, SpanKind, trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeTraces } from "../../e2e/support/complete-traces";
import { loadFlowprintTest } from "../../lib/export/load-flowprint-test";
import { startApp, type AppServer } from "../support/app-server";
import { lastUserContent, startOpenAiCompatibleServer, type OpenAiCompatibleServer, type ScriptedReply } from "../support/openai-compatible-server";
import { sdkClient } from "../support/otel-sdk";

const WS = "ai-draft";
/** Far above a local answer's few milliseconds, far below the stalled answer's delay. */
const TIMEOUT_MS = 4_000;
const NOTES = "n".repeat(6_000);

/** A shop whose orders are created (bodies recorded) and read back by id in later traces. */
async function sendShop(baseUrl: string): Promise<void> {
  const client = sdkClient({ baseUrl, format: "protobuf", service: "shop", headers: { "X-Workspace-ID": WS } });
  const ids: string[] = [];
  const http = (method: string, route: string, path: string, status: number, bodies: { request?: unknown; response?: unknown }, startMs: number) =>
    client.tracer.startSpan(`${method} ${route}`, {
      kind: SpanKind.SERVER,
      startTime: startMs,
      attributes: {
        "http.request.method": method,
        "http.route": route,
        "url.path": path,
        "url.scheme": "http",
        "server.address": "127.0.0.1",
        "server.port": 4556,
        "http.response.status_code": status,
        ...(bodies.request !== undefined ? { "http.request.body": JSON.stringify(bodies.request) } : {}),
        ...(bodies.response !== undefined ? { "http.response.body": JSON.stringify(bodies.response) } : {}),
      },
    });
  const sql = (parent: ReturnType<typeof http>, statement: string, startMs: number) =>
    client.tracer.startSpan("query", { kind: SpanKind.CLIENT, startTime: startMs, attributes: { "db.system.name": "postgresql", "db.namespace": "shop", "db.query.text": statement } }, trace.setSpan(context.active(), parent)).end(startMs + 2);
  const t0 = Date.now() - 10_000;
  for (let i = 0; i < 3; i++) {
    const id = `ord-${1000 + i}`;
    const create = http("POST", "/api/orders", "/api/orders", 201, { request: { customerId: "cust-7", items: [{ sku: "sku-100", quantity: 1 + i }] }, response: { id } }, t0 + i * 1000);
    sql(create, "INSERT INTO orders (id, customer_id) VALUES ($1, $2)", t0 + i * 1000 + 1);
    create.end(t0 + i * 1000 + 20);
    ids.push(create.spanContext().traceId);
    // A read answers with a body far over the 2 KiB a sample may take in the context.
    const read = http("GET", "/api/orders/:id", `/api/orders/${id}`, 200, { response: { id, status: "placed", notes: NOTES } }, t0 + i * 1000 + 500);
    sql(read, "SELECT * FROM orders WHERE id = $1", t0 + i * 1000 + 501);
    read.end(t0 + i * 1000 + 510);
    ids.push(read.spanContext().traceId);
  }
  await client.flush();
  await client.shutdown();
  await completeTraces(baseUrl, WS, ids);
}

const draft = (setupUrl = "{{base_url}}/api/orders", read = "{{create_order.body.id}}") => `Here is the test:

\`\`\`yaml
version: 1
name: read a created order
setup:
  - id: create_order
    method: POST
    url: "${setupUrl}"
    body: {customerId: cust-7, items: [{sku: sku-100, quantity: 1}]}
    expect: {status: 201}
trigger:
  id: read_order
  method: GET
  url: "{{base_url}}/api/orders/${read}"
  expect: {status: 200}
expect_trace:
  nodes:
    - {type: api_endpoint, identifier: "GET /api/orders/:id", service: shop}
    - {type: database, identifier: shop, service: shop}
\`\`\`
`;
const INVALID = draft("{{base_url}}/api/carts", "{{make_order.body.id}}");

describe("drafting tests with AI in the running app", () => {
  let app: AppServer;
  let llm: OpenAiCompatibleServer;
  let replies: (ScriptedReply | string)[] = [];
  let flowId = "";
  const api = (path: string, init?: RequestInit) => fetch(`${app.baseUrl}/api/v1/workspaces/${WS}${path}`, init);
  const drafted = () => api(`/telemetry/flows/${flowId}/export/ai-draft`, { method: "POST" });
  /** Scripts the next answers and returns the model requests they will answer. */
  const script = (...next: (ScriptedReply | string)[]) => {
    replies = next;
    const from = llm.requests.length;
    return () => llm.requests.slice(from);
  };

  beforeAll(async () => {
    llm = await startOpenAiCompatibleServer({ reply: () => replies.shift() ?? { status: 500, content: "no answer scripted" } });
    app = await startApp({ env: { FLOWPRINT_LLM_BASE_URL: llm.baseUrl, FLOWPRINT_LLM_MODEL: "draft-model", FLOWPRINT_LLM_TIMEOUT_MS: String(TIMEOUT_MS) } });
    await sendShop(app.baseUrl);
    const { flows } = await (await api("/telemetry/flows")).json();
    flowId = flows.find((f: { entry_operation: string }) => f.entry_operation === "GET /api/orders/:id").id;
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await llm?.stop();
  });

  it("answers a checked draft with its usage, sending the deterministic export and a bounded context", async () => {
    const sent = script(draft());
    const response = await drafted();
    expect(response.status).toBe(200);
    const body = await response.json();
    const loaded = loadFlowprintTest(body.yaml);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    expect(body.yaml).toMatch(/^# Drafted by a language model \(draft-model\)/);
    expect(body.file_name).toMatch(/^shop-get-api-orders-id-[0-9a-f]{8}\.ai-draft\.yaml$/);
    expect(body.usage).toEqual({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), model: "draft-model" });
    expect(body.usage.prompt_tokens).toBeGreaterThan(100);
    expect(body.attempts).toBe(1);

    const [request] = sent();
    expect(request.body?.model).toBe("draft-model");
    const context = lastUserContent(request.body!);
    const exported = await (await api(`/telemetry/flows/${flowId}/export`, { method: "POST" })).json();
    expect(context).toContain(exported.yaml.trimEnd());
    expect(context).toContain("[shop] GET /api/orders/:id (server");
    expect(context).toContain("POST /api/orders  (service shop; statuses 201; entity order: create)");
    expect(Buffer.byteLength(context)).toBeLessThanOrEqual(24 * 1024);
    // Every recorded body the context samples is cut to 2 KiB; the 6 KB one is cut, not sent.
    const bodies = context.split("\n").filter((line) => /^\s+(request|response) body: /.test(line));
    expect(bodies.length).toBeGreaterThan(0);
    for (const line of bodies) expect(Buffer.byteLength(line.replace(/^\s+(request|response) body: /, ""))).toBeLessThanOrEqual(2048);
    expect(context).not.toContain(NOTES);
    expect(context).toMatch(/…\[cut, \d+ bytes\]/);
  });

  it("asks once more with the problems of an invalid first answer", async () => {
    const sent = script(INVALID, draft());
    const response = await drafted();
    expect(response.status).toBe(200);
    expect((await response.json()).attempts).toBe(2);
    const [, second] = sent();
    const messages = second.body!.messages!;
    expect(messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(messages[2].content).toBe(INVALID);
    const retry = lastUserContent(second.body!);
    expect(retry).toContain("- trigger read_order: unknown variable {{make_order.body.id}}");
    expect(retry).toContain("- setup create_order: POST /api/carts is not an endpoint of the system model");
  });

  it("drafts from the CLI too, and prints the checks' problems when the answers fail them", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "flowprint-draft-cli-"));
    // Asynchronously: the model endpoint answering the app runs in this process.
    const cli = (...args: string[]) =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ["bin/flowprint.mjs", "export", ...args, "--ai", "--server", app.baseUrl, "--workspace", WS, "-o", out]);
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += d));
        child.on("exit", (status) => resolve({ status, stderr }));
      });
    script(draft());
    const ok = await cli("flow", flowId);
    expect(ok.status, ok.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([expect.stringMatching(/\.ai-draft\.yaml$/)]);
    script(INVALID, INVALID);
    const failed = await cli("flow", flowId);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("unknown variable {{make_order.body.id}}");
  });

  it("answers 422 naming the problems when both answers fail the checks", async () => {
    script(INVALID, INVALID);
    const response = await drafted();
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("draft_invalid");
    expect(error.message).toContain("failed Flowprint's checks 2 times");
    expect(error.issues).toEqual([
      { path: "trigger read_order", message: "unknown variable {{make_order.body.id}}" },
      { path: "setup create_order", message: "POST /api/carts is not an endpoint of the system model" },
    ]);
  });

  it("says when the model endpoint rate-limits, fails or stalls", async () => {
    script({ status: 429, content: "Rate limit reached", headers: { "retry-after": "20" } });
    let response = await drafted();
    expect(response.status).toBe(503);
    let { error } = await response.json();
    expect(error.code).toBe("llm_rate_limited");
    expect(error.message).toContain("wait 20 s");

    script({ status: 500, content: "The server had an error" });
    response = await drafted();
    expect(response.status).toBe(502);
    ({ error } = await response.json());
    expect(error).toEqual({ code: "llm_unavailable", message: expect.stringContaining("answered 500") });

    script({ content: draft(), delayMs: 120_000 });
    response = await drafted();
    expect(response.status).toBe(504);
    ({ error } = await response.json());
    expect(error).toEqual({ code: "llm_timeout", message: expect.stringContaining(`within ${TIMEOUT_MS} ms (FLOWPRINT_LLM_TIMEOUT_MS)`) });
  }, 60_000);

  it("drafts an entity's lifecycle from its slice of the model and its deterministic journey", async () => {
    const sent = script(draft());
    const response = await api("/model/entities/order/journey/ai-draft", { method: "POST" });
    expect(response.status).toBe(200);
    expect((await response.json()).file_name).toBe("order-journey.ai-draft.yaml");
    const context = lastUserContent(sent()[0].body!);
    expect(context).toContain('the lifecycle of the entity "order"');
    const journey = await (await api("/model/entities/order/journey/export", { method: "POST" })).json();
    const steps = loadFlowprintTest(journey.yaml);
    if (!steps.ok) throw new Error(JSON.stringify(steps.problems));
    // The journey as the deterministic export, and the creating flow's trace.
    expect(context).toContain(`url: "${steps.test.trigger.url}"`);
    expect(context).toContain("# Deterministic export");
    expect(context).toContain("[shop] POST /api/orders (server");
    expect((await api("/model/entities/spaceship/journey/ai-draft", { method: "POST" })).status).toBe(404);
  });
});

describe("drafting with AI when it is not configured", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp({ env: { FLOWPRINT_LLM_BASE_URL: "" } });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it("answers 409 llm_not_configured, naming the variable to set", async () => {
    for (const path of [`/telemetry/flows/${crypto.randomUUID()}/export/ai-draft`, "/model/entities/order/journey/ai-draft"]) {
      const response = await fetch(`${app.baseUrl}/api/v1/workspaces/${WS}${path}`, { method: "POST" });
      expect(response.status).toBe(409);
      const { error } = await response.json();
      expect(error.code).toBe("llm_not_configured");
      expect(error.message).toContain("set FLOWPRINT_LLM_BASE_URL");
    }
  });
});
