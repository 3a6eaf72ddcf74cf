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

  it("with --output json prints one JSON document on stdout, the text report going to stderr, and the same exit code", async () => {
    const { cli, output, errors } = io("failed");
    const api = cli.makeApi!("", "", null);
    cli.makeApi = () => ({
      ...api,
      traceValidation: async (id) => ({ ...(await api.traceValidation(id)), missing_nodes: [{ type: "service", identifier: "loyalty", service: "loyalty", index: 2 }] }) as never,
    });
    const junit = path.join(dir, "json-run", "junit.xml");
    expect(await runCli(["run", good, broken, "--output", "json", "--workspace", "ws", "--junit", junit], cli)).toBe(1);
    const report = JSON.parse(output());
    expect(report).toMatchObject({
      command: "run",
      server: "http://localhost:3000",
      workspace: "ws",
      base_url: null,
      counts: { passed: 0, failed: 1, inconclusive: 0, files_not_loaded: 1 },
      junit_file: junit,
      errors: [],
      exit_code: 1,
    });
    expect(report.tests).toEqual([
      expect.objectContaining({ file: good, name: "ping", status: "failed", execution_id: "exec-1", trace_id: TRACE_ID, diagnosis: [], failures: ["missing node: service loyalty (service loyalty), expected at position 3"], reasons: [] }),
    ]);
    expect(report.tests[0].validation).toMatchObject({ status: "failed", missing_nodes: [{ identifier: "loyalty", index: 2 }] });
    expect(report.file_errors).toEqual([{ file: broken, message: expect.stringContaining(`${broken}:5:11: trigger.method: `) }]);
    expect(typeof report.tests[0].duration_ms).toBe("number");
    expect(errors()).toContain("✗ ping failed in ");
    expect(errors()).toContain("0 passed, 1 failed, 0 inconclusive, 1 file not loaded");
  });

  it("reports in JSON the failures the text lists, and refuses an unknown --output", async () => {
    const { cli, output } = io("passed");
    expect(await runCli(["run", good, "--output=json"], cli)).toBe(0);
    expect(JSON.parse(output())).toMatchObject({ counts: { passed: 1, failed: 0 }, file_errors: [], exit_code: 0 });
    const bad = io();
    expect(await runCli(["run", good, "--output", "xml"], bad.cli)).toBe(2);
    expect(bad.errors()).toContain('--output must be text or json, got "xml"');
    expect(bad.output()).toBe("");
  });
});
