// `flowprint run` end to end: a flow discovered from a real instrumented service is exported,
// and the CLI, as a child process, replays it against the service and gets Flowprint's verdict
// on the trace the replay produced.
import { ROOT_CONTEXT, SpanKind, defaultTextMapGetter, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { sdkClient, type SdkClient } from "../support/otel-sdk";

const WORKSPACE = "runner";
const LAUNCHER = path.resolve("bin/flowprint.mjs");

interface OrdersService {
  baseUrl: string;
  /** Trace ids of the requests served, in order. */
  traceIds: string[];
  /** Set to make the service skip its database write: a regression the run must catch. */
  skipDatabase: boolean;
  client: SdkClient;
  stop(): Promise<void>;
}

/**
 * `POST /orders` instrumented by hand with the official SDK: a server span joining the
 * caller's trace (W3C traceparent) and a database span under it. Span times are fixed so the
 * replay is exactly as fast as the traffic the flow learned from, never "slow".
 */
async function startOrdersService(flowprintUrl: string): Promise<OrdersService> {
  const client = sdkClient({ baseUrl: flowprintUrl, format: "protobuf", service: "orders", headers: { "X-Workspace-ID": WORKSPACE } });
  const propagator = new W3CTraceContextPropagator();
  let next = 0;
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const parent = propagator.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
      const start = Date.now();
      const root = client.tracer.startSpan(
        "POST /orders",
        {
          kind: SpanKind.SERVER,
          startTime: start,
          attributes: {
            "http.request.method": "POST",
            "http.route": "/orders",
            "url.path": "/orders",
            "url.scheme": "http",
            "server.address": "127.0.0.1",
            "server.port": port(),
            "http.response.status_code": 201,
            "http.request.header.content-type": [String(request.headers["content-type"] ?? "")],
            "http.request.body": body,
          },
        },
        parent,
      );
      if (!service.skipDatabase) {
        client.tracer
          .startSpan("INSERT orders", { kind: SpanKind.CLIENT, startTime: start + 5, attributes: { "db.system.name": "postgresql", "db.namespace": "orders", "db.operation.name": "INSERT" } }, trace.setSpan(parent, root))
          .end(start + 10);
      }
      root.end(start + 20);
      service.traceIds.push(root.spanContext().traceId);
      response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: `o-${++next}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = () => (server.address() as AddressInfo).port;
  const service: OrdersService = {
    baseUrl: `http://127.0.0.1:${port()}`,
    traceIds: [],
    skipDatabase: false,
    client,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.shutdown();
    },
  };
  return service;
}

function runCli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const name of ["FLOWPRINT_SERVER", "FLOWPRINT_WORKSPACE", "FLOWPRINT_INGEST_KEY", "FLOWPRINT_BASE_URL"]) delete env[name];
    const child = spawn(process.execPath, [LAUNCHER, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("flowprint run against the running app", () => {
  let app: AppServer;
  let service: OrdersService;
  let flowId = "";
  // Not the repository: the launcher must find its own files from anywhere.
  const dir = mkdtempSync(path.join(tmpdir(), "flowprint-run-"));
  const api = (p: string, init?: RequestInit) => fetch(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}${p}`, init);
  const common = () => ["--base-url", service.baseUrl, "--server", app.baseUrl, "--workspace", WORKSPACE, "--timeout-ms", "15000"];

  beforeAll(async () => {
    app = await startApp();
    expect((await api("/settings/telemetry", { method: "PUT", body: JSON.stringify({ trace_idle_ms: 300 }) })).status).toBe(200);
    service = await startOrdersService(app.baseUrl);
    // Ordinary traffic, not through the runner, so the flow exists.
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${service.baseUrl}/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sku: "p-1", qty: 2 }) });
      expect(response.status).toBe(201);
    }
    await service.client.flush();
    for (const id of service.traceIds) flowId = (await (await api(`/telemetry/traces/${id}/complete`, { method: "POST" })).json()).flow_id;
    expect(flowId).toMatch(/^[0-9a-f-]{36}$/);
    const exported = await (await api(`/telemetry/flows/${flowId}/export`, { method: "POST" })).json();
    writeFileSync(path.join(dir, "orders.yaml"), exported.yaml);
  });
  afterAll(async () => {
    await service?.stop();
    await app?.stop();
  });

  it("passes a replay of the flow, reports it, writes JUnit and records the execution", async () => {
    const result = await runCli(["run", "orders.yaml", ...common(), "--junit", "reports/junit.xml"], dir);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain("✓ orders → POST /orders passed in ");
    expect(result.stdout).toContain("1 passed, 0 failed, 0 inconclusive");
    expect(result.stdout).not.toContain("\u001b[");
    const traceId = /trace ([0-9a-f]{32})/.exec(result.stdout)![1];
    const executionId = /execution ([0-9a-f-]{36})/.exec(result.stdout)![1];

    const xml = readFileSync(path.join(dir, "reports/junit.xml"), "utf8");
    expect(xml).toMatch(/<testsuite name="flowprint" tests="1" failures="0" errors="0" skipped="0"/);
    expect(xml.match(/<testcase /g)).toHaveLength(1);

    const { executions } = await (await api(`/executions?flow_id=${flowId}`)).json();
    expect(executions).toContainEqual(expect.objectContaining({ id: executionId, trace_id: traceId, flow_id: flowId, test_name: "orders → POST /orders", status: "passed", response: { status: 201, ok: true } }));
    // The service's spans joined the runner's trace, which stays out of discovery.
    const spans = (await (await api(`/telemetry/spans?trace_id=${traceId}`)).json()).spans as { service: string; name: string; is_test_generated: boolean }[];
    expect(spans.map((s) => [s.service, s.name, s.is_test_generated]).sort()).toEqual([
      ["flowprint-runner", "flowprint.run orders → POST /orders", true],
      ["orders", "INSERT orders", false],
      ["orders", "POST /orders", false],
    ]);
    expect((await (await api(`/telemetry/traces/${traceId}/complete`, { method: "POST" })).json()).flow_id).toBeNull();
    expect((await (await api(`/telemetry/flows/${flowId}`)).json()).occurrence_count).toBe(3);
    expect((await (await api(`/executions/${executionId}/trace-validation`)).json()).diagnosis).toBeNull();
  }, 60_000);

  it("fails when the service stops writing to its database", async () => {
    service.skipDatabase = true;
    try {
      const result = await runCli(["run", path.join(dir, "orders.yaml"), ...common()], process.cwd());
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(1);
      expect(result.stdout).toContain("✗ orders → POST /orders failed in ");
      expect(result.stdout).toContain("- missing node: database orders (service orders), expected at position 2");
      // Why, before the findings: the span that should have written to the database.
      expect(result.stdout).toContain("\n  first divergence: database orders was not called after POST /orders (orders)\n");
      expect(result.stdout).toContain("0 passed, 1 failed, 0 inconclusive");
      const executionId = /execution ([0-9a-f-]{36})/.exec(result.stdout)![1];
      const validation = await (await api(`/executions/${executionId}/trace-validation`)).json();
      expect(validation.diagnosis).toEqual({
        first_divergence: expect.objectContaining({
          kind: "missing",
          expected_node: { type: "database", identifier: "orders", service: "orders" },
          after_node: { type: "api_endpoint", identifier: "POST /orders", service: "orders" },
          diverged_at: expect.objectContaining({ service: "orders", operation: "POST /orders" }),
          request_attributes: expect.objectContaining({ "http.route": "/orders", "service.name": "orders" }),
          explanation: null,
        }),
        error_chain: null,
        slow_nodes: [],
      });
    } finally {
      service.skipDatabase = false;
    }
  }, 60_000);

  it("refuses a file with a YAML error, pointing at the line and column", async () => {
    writeFileSync(path.join(dir, "broken.yaml"), 'version: 1\nname: "unterminated\ntrigger: {}\n');
    const result = await runCli(["run", "broken.yaml", ...common()], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/broken\.yaml:\d+:\d+: /);
    expect(result.stdout).toContain("0 passed, 0 failed, 0 inconclusive, 1 file not loaded");
  }, 60_000);
});
