import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { FlowprintApi } from "./flowprint-api";
import { runCli, type CliIo } from "./run-cli";
import type { RunTracer } from "./run-tracer";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const dir = mkdtempSync(path.join(tmpdir(), "flowprint-cli-"));
const good = path.join(dir, "good.yaml");
writeFileSync(good, stringify({ version: 1, name: "ping", variables: { base_url: "http://sut" }, trigger: { id: "ping", method: "GET", url: "{{base_url}}/ping", expect: { status: 200 } } }));
const broken = path.join(dir, "broken.yaml");
writeFileSync(broken, "version: 1\nname: broken\ntrigger:\n  id: go\n  method: FETCH\n  url: http://x\n");

function io(status: "passed" | "failed" | "inconclusive" = "passed") {
  let out = "";
  let err = "";
  const api: FlowprintApi = {
    createExecution: async (e) => ({ id: "exec-1", trace_id: e.trace_id, started_at: new Date().toISOString(), deadline_at: new Date(Date.now() + 1_000).toISOString() }),
    recordResponse: async () => undefined,
    traceValidation: async () => ({
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
      reasons: status === "inconclusive" ? ["the trace never arrived"] : [],
    }),
  };
  const tracer: RunTracer = {
    startRun: () => ({ traceId: TRACE_ID, traceHeaders: () => ({}), stepHeaders: () => ({}), setExecutionId: () => undefined, finish: async () => null }),
    shutdown: async () => undefined,
  };
  const cli: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    color: false,
    env: {},
    makeApi: () => api,
    makeTracer: () => tracer,
    fetchSystem: (async () => new Response("pong", { status: 200 })) as unknown as typeof fetch,
  };
  return { cli, output: () => out, errors: () => err };
}

describe("runCli", () => {
  it("runs the files, reports each, summarizes and exits 0 when all passed", async () => {
    const { cli, output } = io();
    expect(await runCli(["run", good, "--server", "http://fp:3000", "--workspace", "ws"], cli)).toBe(0);
    expect(output()).toContain(`✓ ping passed in `);
    expect(output()).toContain(`execution exec-1  trace ${TRACE_ID}`);
    expect(output().trimEnd().split("\n").at(-1)).toBe("1 passed, 0 failed, 0 inconclusive");
  });

  it("exits 3 when nothing failed but a run was inconclusive, 1 when one failed", async () => {
    expect(await runCli(["run", good], io("inconclusive").cli)).toBe(3);
    expect(await runCli(["run", good], io("failed").cli)).toBe(1);
  });

  it("reports a file that does not load with file:line:col and exits 1, running the others", async () => {
    const { cli, output } = io();
    expect(await runCli(["run", broken, good, path.join(dir, "absent.yaml")], cli)).toBe(1);
    expect(output()).toContain(`${broken}:5:11: trigger.method: `);
    expect(output()).toContain(`${path.join(dir, "absent.yaml")}: no such file`);
    expect(output()).toContain("1 passed, 0 failed, 0 inconclusive, 2 files not loaded");
  });

  it("writes the JUnit report where asked, creating its directory", async () => {
    const junit = path.join(dir, "reports", "nested", "junit.xml");
    expect(await runCli(["run", good, broken, "--junit", junit], io().cli)).toBe(1);
    const xml = readFileSync(junit, "utf8");
    expect(xml).toContain('<testsuites name="flowprint" tests="2" failures="0" errors="1" skipped="0"');
  });

  it("exits 2 with a short message on a usage error, and prints the usage for --help", async () => {
    const bad = io();
    expect(await runCli(["run", good, "--sever", "http://x"], bad.cli)).toBe(2);
    expect(bad.errors()).toBe('flowprint: unknown option --sever\nRun "flowprint --help" for usage.\n');
    expect(bad.output()).toBe("");
    const help = io();
    expect(await runCli(["--help"], help.cli)).toBe(0);
    expect(help.output()).toMatch(/^Usage: flowprint run <test\.yaml>\.\.\. \[options\]/);
    expect(help.output()).toContain("3  nothing failed, but a test was inconclusive");
  });
});
