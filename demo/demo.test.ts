// Runs the whole demo (nine service processes and the traffic generator) against a local
// OTLP receiver and checks what a real Flowprint would receive. About 10 s on an idle machine.
// No verdict depends on the machine's speed: the demo runs until the receiver holds what the
// test looks at, however long a busy machine takes to get there (within generous deadlines).
import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

const REPO_ROOT = path.resolve(import.meta.dirname, "..");
// Not loyalty: only gold customers' orders reach it, too few to count on in a short run.
const CORE_SERVICES = ["api-gateway", "orders", "users", "products", "notifications", "assistant", "model-server"];

interface ReceivedExport {
  contentType: string | undefined;
  workspace: string | undefined;
  authorization: string | undefined;
  body: Buffer;
}

/** Stand-in for Flowprint: /api/health answers 200 and OTLP posts are kept. */
async function startReceiver() {
  const received: ReceivedExport[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method === "POST" && request.url === "/v1/traces") {
        const body = Buffer.concat(chunks);
        // The launcher's readiness probe posts an empty request: not an export.
        if (body.length > 2) {
          received.push({
            contentType: request.headers["content-type"],
            workspace: request.headers["x-workspace-id"] as string | undefined,
            authorization: request.headers.authorization,
            body,
          });
        }
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

function runDemo(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "demo/run-demo.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Generous: nine processes start per run, and a busy machine serves the traffic slowly. */
const DEMO_DEADLINE_MS = 150_000;

/** Polls `done` until it holds or DEMO_DEADLINE_MS passes; the caller asserts on the outcome. */
async function waitUntil(done: () => boolean): Promise<void> {
  const deadline = Date.now() + DEMO_DEADLINE_MS;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
}

function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

// Minimal OTLP/JSON shapes, only the fields asserted on.
interface JsonAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number };
}
interface JsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: JsonAttribute[];
}
interface ExportRequest {
  resourceSpans: { resource: { attributes: JsonAttribute[] }; scopeSpans: { spans: JsonSpan[] }[] }[];
}
type FlatSpan = JsonSpan & { service: string };

const attr = (span: JsonSpan, key: string) => span.attributes.find((a) => a.key === key)?.value.stringValue;
const SPAN_KIND = { SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 };

function flatten(received: ReceivedExport[]): FlatSpan[] {
  return received.flatMap((item) => {
    const request = JSON.parse(item.body.toString("utf8")) as ExportRequest;
    return request.resourceSpans.flatMap((resourceSpans) => {
      const service = resourceSpans.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue ?? "";
      return resourceSpans.scopeSpans.flatMap((scope) => scope.spans.map((span) => ({ ...span, service })));
    });
  });
}

describe("demo traffic", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it("exports OTLP/JSON traces of the order flow from every service", async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.server.close());
    const demo = runDemo({
      FLOWPRINT_URL: receiver.url,
      DEMO_EXPORT_FORMAT: "json",
      DEMO_WORKSPACE: "demo-test",
      FLOWPRINT_INGEST_KEY: "test-key",
      DEMO_RPS: "40",
      DEMO_BASE_PORT: "4900",
    });
    cleanups.push(() => demo.child.kill("SIGKILL"));

    // Until 50 requests are done and an order's consumer and an answered support question (8%
    // of requests) have arrived, however long that takes on a busy machine.
    const holds = (text: string) => receiver.received.some((item) => item.body.includes(text));
    const received = () => holds(`"kind":${SPAN_KIND.CONSUMER}`) && holds('"gen_ai.output.messages"');
    await waitUntil(() => /\[demo\] 50 requests sent/.test(demo.output()) && received());
    demo.child.kill("SIGTERM");
    expect(await demo.exited, demo.output()).toBe(0);
    expect(demo.output()).toMatch(/\[demo\] 50 requests sent/);
    expect(receiver.received.length).toBeGreaterThan(0);
    for (const item of receiver.received) {
      expect(item.contentType).toBe("application/json");
      expect(item.workspace).toBe("demo-test");
      expect(item.authorization).toBe("Bearer test-key");
    }

    const spans = flatten(receiver.received);
    expect([...new Set(spans.map((span) => span.service))]).toEqual(expect.arrayContaining(CORE_SERVICES));
    // Every HTTP server span carries its route and is named after it.
    for (const span of spans.filter((s) => s.kind === SPAN_KIND.SERVER)) {
      expect(attr(span, "http.route"), `${span.service} ${span.name}`).toBeDefined();
      expect(span.name).toBe(`${attr(span, "http.request.method")} ${attr(span, "http.route")}`);
    }

    // A created order's trace: gateway root → orders (db + producer) → notifications consumer.
    const producer = spans.find((s) => s.kind === SPAN_KIND.PRODUCER && attr(s, "messaging.destination.name") === "order.created");
    expect(producer?.service).toBe("orders");
    const trace = spans.filter((s) => s.traceId === producer!.traceId);
    const root = trace.find((s) => !s.parentSpanId);
    expect(root).toMatchObject({ service: "api-gateway", name: "POST /api/v1/orders" });
    expect(attr(root!, "customer.tier")).toMatch(/^(standard|gold)$/);
    const db = trace.find((s) => attr(s, "db.system.name") === "sqlite");
    expect(db).toMatchObject({ service: "orders", kind: SPAN_KIND.CLIENT, name: "INSERT orders" });
    expect(attr(db!, "db.namespace")).toBe("orders");
    expect(attr(db!, "db.query.text")).toMatch(/^INSERT INTO orders/);
    const consumer = trace.find((s) => s.kind === SPAN_KIND.CONSUMER);
    expect(consumer).toMatchObject({ service: "notifications", parentSpanId: producer!.spanId });
    expect(trace.map((s) => s.service)).toEqual(expect.arrayContaining(["users", "products"]));

    // A support question: gateway → assistant → a GenAI chat span → model-server.
    const chat = spans.find((s) => s.kind === SPAN_KIND.CLIENT && attr(s, "gen_ai.operation.name") === "chat" && attr(s, "gen_ai.output.messages"));
    expect(chat?.service, "an answered chat span").toBe("assistant");
    expect(attr(chat!, "gen_ai.request.model")).toMatch(/^gpt-4o(-mini)?$/);
    expect(chat!.name).toBe(`chat ${attr(chat!, "gen_ai.request.model")}`);
    expect(attr(chat!, "gen_ai.response.model")).toBe(attr(chat!, "gen_ai.request.model"));
    expect(attr(chat!, "gen_ai.provider.name")).toBe("openai");
    expect(Number(chat!.attributes.find((a) => a.key === "gen_ai.usage.input_tokens")?.value.intValue)).toBeGreaterThan(0);
    const input = JSON.parse(attr(chat!, "gen_ai.input.messages")!) as { role: string; parts: { type: string; content: string }[] }[];
    expect(input).toEqual([{ role: "user", parts: [{ type: "text", content: expect.stringMatching(/order o-/) }] }]);
    const output = JSON.parse(attr(chat!, "gen_ai.output.messages")!) as { parts: { content: string }[] }[];
    expect(output[0]!.parts[0]!.content).toContain(/order (o-[\w-]+)/.exec(input[0]!.parts[0]!.content)![1]);
    expect(JSON.parse(attr(chat!, "gen_ai.system_instructions")!)).toEqual([{ type: "text", content: expect.any(String) }]);
    const modelServer = spans.find((s) => s.parentSpanId === chat!.spanId);
    expect(modelServer).toMatchObject({ service: "model-server", name: "POST /v1/chat/completions", kind: SPAN_KIND.SERVER });
    const questionRoot = spans.find((s) => s.traceId === chat!.traceId && !s.parentSpanId);
    expect(questionRoot).toMatchObject({ service: "api-gateway", name: "POST /api/v1/support/questions" });
  }, 240_000);

  it("exports protobuf by default and stops cleanly on SIGTERM", async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.server.close());
    const demo = runDemo({ FLOWPRINT_URL: receiver.url, DEMO_RPS: "40", DEMO_BASE_PORT: "4950" });
    cleanups.push(() => demo.child.kill("SIGKILL"));

    // Protobuf is opaque here, but strings are stored verbatim: each service.name shows up.
    const seenAll = () => {
      const bytes = Buffer.concat(receiver.received.map((item) => item.body));
      return CORE_SERVICES.every((service) => bytes.includes(service));
    };
    await waitUntil(seenAll);
    expect(seenAll(), demo.output()).toBe(true);
    for (const item of receiver.received) expect(item.contentType).toBe("application/x-protobuf");

    demo.child.kill("SIGTERM");
    expect(await demo.exited, demo.output()).toBe(0);
    // The children went too: nothing listens on the gateway's port any more.
    const gatewayPort = Number(/api-gateway (\d+)/.exec(demo.output())?.[1]);
    expect(gatewayPort).toBeGreaterThan(0);
    expect(await portAcceptsConnections(gatewayPort)).toBe(false);
  }, 240_000);
});
