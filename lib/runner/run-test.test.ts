import { describe, expect, it } from "vitest";
import { flowprintTestSchema, type FlowprintTest } from "../export/flowprint-test.schema";
import { DEADLINE_MARGIN_MS, type PollClock } from "./await-verdict";
import { FlowprintUnavailable, type FlowprintApi, type NewExecution, type TriggerResponse, type ValidationAnswer } from "./flowprint-api";
import type { RunTracer } from "./run-tracer";
import { runTest } from "./run-test";
import type { TraceVerdict } from "./test-run";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const FLOW_ID = "3f0c7c5e-8d7e-4a55-9a43-5b8f1c2d9e10";

const test = (overrides: Record<string, unknown> = {}): FlowprintTest =>
  flowprintTestSchema.parse({
    version: 1,
    name: "orders → POST /orders",
    discovered_from: { flow_id: FLOW_ID, fingerprint: "a".repeat(64), sample_trace_id: null, occurrence_count: 3 },
    variables: { base_url: "http://file-host", qty: 2 },
    trigger: { id: "create", method: "POST", url: "{{base_url}}/orders", body: { qty: "{{qty}}" }, expect: { status: 201 } },
    steps: [{ id: "read", method: "GET", url: "{{base_url}}/orders/{{create.body.id}}", headers: { "x-status": "{{create.status}}" }, expect: { status: 200 } }],
    expect_trace: { timeout_ms: 5_000, nodes: [{ type: "api_endpoint", identifier: "POST /orders", service: "orders" }], trace_assert: ["trace.spans | len > 0"] },
    ...overrides,
  });

const verdict = (status: TraceVerdict["status"], extra: Partial<TraceVerdict> = {}): TraceVerdict => ({
  execution_id: "exec-1",
  trace_id: TRACE_ID,
  status,
  path_match: true,
  missing_nodes: [],
  unexpected_nodes: [],
  order_violations: [],
  slow_spans: [],
  error_spans: [],
  failed_assertions: [],
  inconclusive_assertions: [],
  reasons: [],
  ...extra,
});

interface Harness {
  events: string[];
  created: NewExecution[];
  patched: TriggerResponse[];
  requests: { url: string; method: string; headers: Record<string, string>; body: string | undefined }[];
  spanFailed: boolean | null;
}

function harness(options: { answers?: ValidationAnswer[]; register?: "down"; respond?: (url: string) => Response | Error; serverClockMs?: number } = {}) {
  const h: Harness = { events: [], created: [], patched: [], requests: [], spanFailed: null };
  const answers = [...(options.answers ?? [verdict("passed")])];
  const api: FlowprintApi = {
    async createExecution(execution) {
      h.events.push("register");
      if (options.register === "down") throw new FlowprintUnavailable("Flowprint at http://fp could not be reached: connect ECONNREFUSED");
      h.created.push(execution);
      const serverNow = options.serverClockMs ?? Date.now();
      return { id: "exec-1", trace_id: execution.trace_id, started_at: new Date(serverNow).toISOString(), deadline_at: new Date(serverNow + 5_000).toISOString() };
    },
    async recordResponse(_id, response) {
      h.events.push("patch");
      h.patched.push(response);
    },
    async traceValidation() {
      h.events.push("poll");
      return answers.shift() ?? verdict("passed");
    },
  };
  const tracer: RunTracer = {
    startRun(_name, _file, phase = "run") {
      h.events.push(phase === "setup" ? "setup span" : "span");
      return {
        traceId: TRACE_ID,
        traceHeaders: () => ({ traceparent: TRACEPARENT }),
        stepHeaders: (stepId: string) => {
          h.events.push(`step span ${stepId}`);
          return { traceparent: TRACEPARENT.replace(/-[0-9a-f]{16}-/, "-00f067aa0ba90200-") };
        },
        setExecutionId: (id) => h.events.push(`tag ${id}`),
        finish: async (failed) => {
          h.events.push(phase === "setup" ? "setup flush" : "flush");
          h.spanFailed = failed;
          return null;
        },
      };
    },
    shutdown: async () => undefined,
  };
  const respond = options.respond ?? ((url: string) => (url.endsWith("/orders") ? Response.json({ id: "o-7" }, { status: 201 }) : Response.json({ id: "o-7" }, { status: 200 })));
  const fetchSystem = (async (url: string, init: RequestInit) => {
    h.events.push(`${init.method} ${url}`);
    h.requests.push({ url, method: String(init.method), headers: init.headers as Record<string, string>, body: init.body as string | undefined });
    const answer = respond(url);
    if (answer instanceof Error) throw answer;
    return answer;
  }) as unknown as typeof fetch;
  const clock: PollClock = { now: () => Date.now(), sleep: async () => undefined };
  return { h, deps: { api, tracer, fetchSystem, clock } };
}

const settings = { baseUrl: "http://sut:4100", vars: {}, timeoutMs: null };

describe("runTest", () => {
  it("registers the run before the trigger, sends every request in the run's trace, and passes", async () => {
    const { h, deps } = harness({ answers: [{ status: "running", waiting_for: "the trace to complete" }, verdict("passed")] });
    const run = await runTest("orders.yaml", test(), settings, deps);
    expect(h.events).toEqual(["span", "register", "tag exec-1", "POST http://sut:4100/orders", "patch", "GET http://sut:4100/orders/o-7", "flush", "poll", "poll"]);
    expect(h.created).toEqual([
      {
        test_name: "orders → POST /orders",
        flow_id: FLOW_ID,
        trace_id: TRACE_ID,
        expected: { nodes: [{ type: "api_endpoint", identifier: "POST /orders", service: "orders" }], trace_assert: ["trace.spans | len > 0"], timeout_ms: 5_000 },
      },
    ]);
    expect(h.requests.map((r) => r.headers.traceparent)).toEqual([TRACEPARENT, TRACEPARENT]);
    expect(h.requests[0].body).toBe('{"qty":2}');
    expect(h.requests[1].headers["x-status"]).toBe("201");
    expect(h.patched).toEqual([{ status: 201, ok: true }]);
    expect(run).toMatchObject({ status: "passed", file: "orders.yaml", executionId: "exec-1", traceId: TRACE_ID, requestFailures: [], reasons: [] });
    expect(h.spanFailed).toBe(false);
  });

  it("fails on an unexpected status and still asks Flowprint about the trace", async () => {
    const { h, deps } = harness({ respond: (url) => (url.endsWith("/orders") ? Response.json({ error: "boom" }, { status: 500 }) : new Response("", { status: 200 })) });
    const run = await runTest("orders.yaml", test({ steps: [] }), settings, deps);
    expect(run.status).toBe("failed");
    expect(run.requestFailures).toEqual(["trigger create: expected status 201, got 500"]);
    expect(h.patched).toEqual([{ status: 500, ok: false }]);
    expect(h.events).toContain("poll");
    expect(h.spanFailed).toBe(true);
  });

  it("fails when a response lacks a value a later step needs, without sending that step", async () => {
    const { h, deps } = harness({ respond: () => Response.json({ other: 1 }, { status: 201 }) });
    const run = await runTest("orders.yaml", test(), settings, deps);
    expect(run.status).toBe("failed");
    expect(run.requestFailures).toEqual(["step read: {{create.body.id}}: the response body of create has no id"]);
    expect(h.requests).toHaveLength(1);
  });

  it("fails without waiting for a trace when the system cannot be reached", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4100"), { code: "ECONNREFUSED" }) });
    const { h, deps } = harness({ respond: () => refused });
    const run = await runTest("orders.yaml", test(), settings, deps);
    expect(run.status).toBe("failed");
    expect(run.requestFailures).toEqual(["trigger create: POST http://sut:4100/orders failed: connect ECONNREFUSED 127.0.0.1:4100"]);
    expect(h.patched).toEqual([{ status: null, ok: false, error: "POST http://sut:4100/orders failed: connect ECONNREFUSED 127.0.0.1:4100" }]);
    expect(h.events).not.toContain("poll");
  });

  it("is inconclusive, sending nothing, when a variable is unknown", async () => {
    const { h, deps } = harness();
    const run = await runTest("orders.yaml", test({ trigger: { id: "create", method: "POST", url: "{{base_url}}/orders/{{order_id}}" }, steps: [] }), settings, deps);
    expect(run).toMatchObject({ status: "inconclusive", executionId: null, traceId: null, reasons: ["trigger create: unknown variable {{order_id}}", "no request was sent"] });
    expect(h.events).toEqual([]);
  });

  it("is inconclusive, sending nothing, when Flowprint cannot register the run", async () => {
    const { h, deps } = harness({ register: "down" });
    const run = await runTest("orders.yaml", test(), settings, deps);
    expect(run.status).toBe("inconclusive");
    expect(run.reasons).toEqual(["the run could not be registered: Flowprint at http://fp could not be reached: connect ECONNREFUSED", "no request was sent"]);
    expect(run).toMatchObject({ executionId: null, traceId: null });
    expect(h.events).toEqual(["span", "register"]);
  });

  it("takes Flowprint's verdict on the trace", async () => {
    const missing = verdict("failed", { path_match: false, missing_nodes: [{ type: "database", identifier: "orders", index: 1 }] });
    expect((await runTest("orders.yaml", test(), settings, harness({ answers: [missing] }).deps)).validation).toEqual(missing);
    expect((await runTest("orders.yaml", test(), settings, harness({ answers: [missing] }).deps)).status).toBe("failed");
    const never = verdict("inconclusive", { reasons: ["the trace never arrived: no span of the system carried the run's trace id"] });
    const run = await runTest("orders.yaml", test(), settings, harness({ answers: [never] }).deps);
    expect(run).toMatchObject({ status: "inconclusive", reasons: ["the trace never arrived: no span of the system carried the run's trace id"] });
  });

  it("waits as long as the server gives the run, whatever the server's clock says", async () => {
    const { h, deps } = harness({ answers: Array.from({ length: 1_000 }, () => ({ status: "running" as const, waiting_for: "the trace to complete" })), serverClockMs: Date.parse("2001-01-01T00:00:00Z") });
    let now = Date.now();
    const start = now;
    deps.clock = { now: () => now, sleep: async (ms) => void (now += ms) };
    const run = await runTest("orders.yaml", test(), settings, deps);
    expect(run).toMatchObject({ status: "inconclusive", reasons: ["no validation before the timeout: Flowprint was still waiting for the trace to complete"] });
    expect(now - start).toBeGreaterThanOrEqual(5_000 + DEADLINE_MARGIN_MS);
    expect(now - start).toBeLessThan(5_000 + DEADLINE_MARGIN_MS + 1_000);
    expect(h.events.filter((e) => e === "poll").length).toBeGreaterThan(10);
  });

  it("leaves out a flow id the server would refuse and lets --timeout-ms win", async () => {
    const { h, deps } = harness();
    const file = test({ discovered_from: { flow_id: "not-a-uuid", fingerprint: "b".repeat(64), sample_trace_id: null, occurrence_count: 1 } });
    await runTest("orders.yaml", file, { ...settings, timeoutMs: 1_500 }, deps);
    expect(h.created[0].flow_id).toBeUndefined();
    expect(h.created[0].expected.timeout_ms).toBe(1_500);
  });
  it("runs setup first in a trace of its own and hands its response to the trigger", async () => {
    const { h, deps } = harness({ respond: (url) => (url.endsWith("/customers") ? Response.json({ id: "c-9" }, { status: 201 }) : url.endsWith("/orders") ? Response.json({ id: "o-7" }, { status: 201 }) : Response.json({}, { status: 200 })) });
    const withSetup = test({
      setup: [{ id: "setup_create_customer", method: "POST", url: "{{base_url}}/customers", body: { name: "Ada" }, expect: { status: 201 } }],
      trigger: { id: "create", method: "POST", url: "{{base_url}}/orders", body: { customerId: "{{setup_create_customer.body.id}}" }, expect: { status: 201 } },
      steps: [],
    });
    const run = await runTest("orders.yaml", withSetup, settings, deps);
    expect(h.events.slice(0, 6)).toEqual(["setup span", "POST http://sut:4100/customers", "setup flush", "span", "register", "tag exec-1"]);
    expect(h.requests[1].body).toBe('{"customerId":"c-9"}');
    expect(run).toMatchObject({ status: "passed", setupFailures: [], requestFailures: [] });
  });

  it("reports a failed setup as a setup failure and sends nothing of the test itself", async () => {
    const { h, deps } = harness({ respond: () => Response.json({ error: "down" }, { status: 503 }) });
    const withSetup = test({ setup: [{ id: "setup_create_customer", method: "POST", url: "{{base_url}}/customers", expect: { status: 201 } }], steps: [] });
    const run = await runTest("orders.yaml", withSetup, settings, deps);
    expect(run.status).toBe("failed");
    expect(run.setupFailures).toEqual(["setup setup_create_customer: expected status 201, got 503"]);
    expect(run.requestFailures).toEqual([]);
    expect(h.events).not.toContain("register");
    expect(h.requests).toHaveLength(1);
  });

  it("checks setup placeholders before anything is sent", async () => {
    const { h, deps } = harness();
    const run = await runTest("orders.yaml", test({ setup: [{ id: "setup_a", method: "POST", url: "{{base_url}}/a/{{create.body.id}}" }] }), settings, deps);
    expect(run.reasons[0]).toBe("setup setup_a: {{create.body.id}} uses the response of create, which is not sent before it");
    expect(h.requests).toHaveLength(0);
  });
  it("sends a request that names its own nodes under a step span and registers its nodes", async () => {
    const { h, deps } = harness();
    const nodes = [{ type: "api_endpoint" as const, identifier: "GET /orders/:id", service: "orders" }];
    const journey = test({ steps: [{ id: "read", method: "GET", url: "{{base_url}}/orders/{{create.body.id}}", expect: { status: 200, nodes } }] });
    await runTest("journey.yaml", journey, settings, deps);
    expect(h.events).toContain("step span read");
    expect(h.created[0].expected.steps).toEqual([{ id: "read", nodes }]);
    expect(h.requests[1].headers.traceparent).not.toBe(TRACEPARENT);
  });
});
