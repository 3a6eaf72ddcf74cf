import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GENAI_JAEGER_FILES, corpusFile } from "../trace-formats/testing/read-format-corpus";
import { parseExportTraceArgs, runExportTraceCli } from "./export-trace-cli";
import { loadEvalDataset } from "./load-eval-dataset";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

describe("parseExportTraceArgs", () => {
  it("takes one trace id, the output folder and Flowprint's address", () => {
    expect(parseExportTraceArgs([TRACE.toUpperCase(), "-o", "out", "--server=http://f:3000/"], { FLOWPRINT_WORKSPACE: "shop" })).toEqual({
      kind: "export",
      options: { traceId: TRACE, output: "out", server: "http://f:3000", workspace: "shop", apiToken: null, report: "text", jaegerUrl: null },
    });
    expect(parseExportTraceArgs([TRACE, "--token=fp_x"], {})).toMatchObject({ options: { apiToken: "fp_x" } });
    expect(parseExportTraceArgs([TRACE], {})).toMatchObject({ options: { output: ".", server: "http://localhost:3000", workspace: "default" } });
  });

  it("refuses what is not one trace id", () => {
    expect(parseExportTraceArgs([], {})).toEqual({ kind: "usage-error", message: "which trace? give its id" });
    expect(parseExportTraceArgs(["xyz"], {})).toMatchObject({ kind: "usage-error", message: expect.stringContaining("not a trace id") });
    expect(parseExportTraceArgs([TRACE, "--output"], {})).toEqual({ kind: "usage-error", message: "--output needs a value" });
    expect(parseExportTraceArgs([TRACE, "--format", "x"], {})).toEqual({ kind: "usage-error", message: "unknown option --format" });
  });

  it("reads --output text|json as the report format and any other --output value as the directory", () => {
    expect(parseExportTraceArgs([TRACE, "--output", "json"], {})).toMatchObject({ options: { report: "json", output: "." } });
    expect(parseExportTraceArgs([TRACE, "--output", "json", "-o", "sets"], {})).toMatchObject({ options: { report: "json", output: "sets" } });
    expect(parseExportTraceArgs([TRACE, "--output", "./sets"], {})).toMatchObject({ options: { report: "text", output: "./sets" } });
    expect(parseExportTraceArgs([TRACE, "-o", "text"], {})).toMatchObject({ kind: "usage-error", message: expect.stringContaining("the report format is --output text") });
  });

  it("takes --jaeger-url instead of Flowprint's address, never beside --server, --workspace or --token", () => {
    expect(parseExportTraceArgs([TRACE, "--jaeger-url", "http://jaeger:16686/"], { FLOWPRINT_SERVER: "http://f:3000" })).toMatchObject({ kind: "export", options: { jaegerUrl: "http://jaeger:16686" } });
    expect(parseExportTraceArgs([TRACE, "--jaeger-url", "http://j", "--server", "http://f"], {})).toEqual({ kind: "usage-error", message: "--jaeger-url and --server are mutually exclusive: the trace comes from Jaeger or from Flowprint" });
    expect(parseExportTraceArgs([TRACE, "--jaeger-url", "http://j", "--workspace", "w"], {})).toEqual({ kind: "usage-error", message: "--workspace is for Flowprint and does not apply with --jaeger-url" });
    expect(parseExportTraceArgs([TRACE, "--jaeger-url=http://j", "--token", "t"], {})).toMatchObject({ kind: "usage-error", message: "--token is for Flowprint and does not apply with --jaeger-url" });
    expect(parseExportTraceArgs([TRACE, "--jaeger-url", "jaeger:16686"], {})).toEqual({ kind: "usage-error", message: '--jaeger-url must be an http(s) URL, got "jaeger:16686"' });
    expect(parseExportTraceArgs([TRACE, "--jaeger-url", "http://u:p@jaeger"], {})).toEqual({ kind: "usage-error", message: "--jaeger-url must not carry a user name or password" });
    expect(parseExportTraceArgs(["a1b2c3d4e5f60718", "--jaeger-url", "http://j"], {})).toMatchObject({ kind: "usage-error", message: expect.stringContaining("padded with zeros on the left: 0000000000000000a1b2c3d4e5f60718") });
  });
});

describe("runExportTraceCli", () => {
  it("writes the dataset Flowprint returns, and says why when there is none", async () => {
    const server = createServer((request, response) => {
      const ok = request.url?.includes(TRACE);
      response.writeHead(ok ? 200 : 422, { "content-type": "application/json" });
      response.end(JSON.stringify(ok ? { yaml: "name: x\n", file_name: `trace-${TRACE.slice(0, 8)}.eval.yaml`, cases: 2 } : { error: { message: "No exportable spans in trace 0. Was content recording enabled?" } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = mkdtempSync(path.join(tmpdir(), "export-trace-"));
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), env: {} };
    try {
      expect(await runExportTraceCli([TRACE, "--output", path.join(dir, "sets"), "--server", base], io)).toBe(0);
      expect(readFileSync(path.join(dir, "sets", `trace-${TRACE.slice(0, 8)}.eval.yaml`), "utf8")).toBe("name: x\n");
      expect(out.join("")).toContain("2 cases");
      expect(await runExportTraceCli(["0".repeat(31) + "1", "--output", dir, "--server", base], io)).toBe(1);
      expect(out.join("")).toContain("Was content recording enabled?");
    } finally {
      server.close();
    }
  });

  it("with --output json prints the file written, or the error, as one document", async () => {
    const server = createServer((request, response) => {
      const ok = request.url?.includes(TRACE);
      response.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
      response.end(JSON.stringify(ok ? { yaml: "name: x\n", file_name: `trace-${TRACE.slice(0, 8)}.eval.yaml`, cases: 2 } : { error: { code: "unauthorized", message: "Sign in first." } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = mkdtempSync(path.join(tmpdir(), "export-trace-json-"));
    let out = "";
    let err = "";
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), env: {} };
    try {
      expect(await runExportTraceCli([TRACE, "-o", dir, "--server", base, "--workspace", "shop", "--output", "json"], io)).toBe(0);
      const file = path.join(dir, `trace-${TRACE.slice(0, 8)}.eval.yaml`);
      expect(JSON.parse(out)).toEqual({ command: "export-trace", trace_id: TRACE, source: { type: "flowprint", server: base, workspace: "shop" }, file, cases: 2, warnings: [], errors: [], exit_code: 0 });
      expect(err).toBe(`Wrote ${file} (2 cases from trace ${TRACE})\n`);
      out = "";
      err = "";
      expect(await runExportTraceCli(["0".repeat(31) + "1", "-o", dir, "--server", base, "--output=json"], io)).toBe(1);
      const failed = JSON.parse(out);
      expect(failed).toMatchObject({ file: null, cases: null, exit_code: 1 });
      expect(failed.errors).toEqual([expect.stringMatching(/^Sign in first\. \(this Flowprint has accounts on: set FLOWPRINT_API_TOKEN/)]);
    } finally {
      server.close();
    }
  });
});

describe("runExportTraceCli --jaeger-url", () => {
  // Jaeger UI's 57-span GenAI trace (five chat calls that recorded their messages), served as
  // Jaeger's query API serves a trace.
  const JAEGER_TRACE = "4a1b2c3d4e5f60718293a4b5c6d7e8f9";
  const trace = JSON.parse(corpusFile("genai", GENAI_JAEGER_FILES.timeline));

  async function startJaeger() {
    const requests: { method?: string; url?: string; accept?: string }[] = [];
    const server = createServer((request, response) => {
      requests.push({ method: request.method, url: request.url, accept: request.headers.accept });
      const id = /\/api\/traces\/([0-9a-f]+)$/.exec(request.url ?? "")?.[1];
      response.setHeader("content-type", "application/json");
      if (id === JAEGER_TRACE) return response.end(JSON.stringify({ data: [trace], total: 0, limit: 0, offset: 0, errors: null }));
      if (id === "0".repeat(32).slice(1) + "e") return response.end(JSON.stringify({ data: [], total: 0, limit: 0, offset: 0, errors: null }));
      response.statusCode = 404;
      response.end(JSON.stringify({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 404, msg: "trace not found" }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { server, requests, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  function io() {
    let out = "";
    let err = "";
    return { io: { out: (t: string) => (out += t), err: (t: string) => (err += t), env: { FLOWPRINT_SERVER: "http://127.0.0.1:9" } }, out: () => out, err: () => err };
  }

  it("reads the trace from Jaeger and writes the dataset of its LLM calls", async () => {
    const jaeger = await startJaeger();
    const dir = mkdtempSync(path.join(tmpdir(), "export-trace-jaeger-"));
    const cli = io();
    try {
      // A Jaeger served under a base path, as behind a reverse proxy.
      expect(await runExportTraceCli([JAEGER_TRACE, "--jaeger-url", `${jaeger.url}/jaeger/`, "-o", dir], cli.io)).toBe(0);
      expect(jaeger.requests).toEqual([{ method: "GET", url: `/jaeger/api/traces/${JAEGER_TRACE}`, accept: "application/json" }]);
      const file = path.join(dir, "trace-4a1b2c3d.eval.yaml");
      expect(cli.out()).toBe(`Wrote ${file} (5 cases from trace ${JAEGER_TRACE} in Jaeger at ${jaeger.url}/jaeger)\n`);
      expect(cli.err()).toBe("");
      const loaded = loadEvalDataset(readFileSync(file, "utf8"));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      const dataset = loaded.dataset;
      expect(dataset.name).toBe("exported-trace-4a1b2c3d");
      expect(dataset.source).toEqual({ type: "trace", workspace: `${jaeger.url}/jaeger`, trace_id: JAEGER_TRACE });
      expect(dataset.metadata).toMatchObject({ trace_id: JAEGER_TRACE, model: "model-a", provider: "example-ai" });
      expect(dataset.cases.map((c) => [c.id, c.span_id, c.model])).toEqual([
        ["production-case-1", "0000000000000005", "model-a"],
        ["production-case-2", "0000000000000014", "model-a"],
        ["production-case-3", "0000000000000023", "model-a"],
        ["production-case-4", "0000000000000036", "model-b"],
        ["production-case-5", "0000000000000038", "model-a"],
      ]);
      expect(dataset.cases[0]).toMatchObject({
        variables: { input: "Why did the checkout latency regress this afternoon?" },
        messages: [
          { role: "system", content: "You are a triage assistant. Use the available tools before answering." },
          { role: "user", content: "Why did the checkout latency regress this afternoon?" },
        ],
        convention: "otel_genai_messages",
        trace_id: JAEGER_TRACE,
      });
      expect(dataset.cases[3].expected_output).toBe("A pod rollout at 14:05 slowed checkout; latency recovered once it completed.");
    } finally {
      jaeger.server.close();
    }
  });

  it("exits 1 with a clear message for a trace Jaeger does not have (404 or {data: []}) or a Jaeger that is down", async () => {
    const jaeger = await startJaeger();
    const dir = mkdtempSync(path.join(tmpdir(), "export-trace-jaeger-"));
    try {
      const missing = "0".repeat(31) + "f";
      const notFound = io();
      expect(await runExportTraceCli([missing, "--jaeger-url", jaeger.url, "-o", dir], notFound.io)).toBe(1);
      expect(notFound.err()).toBe(`flowprint: Jaeger at ${jaeger.url} has no trace ${missing}.\n`);
      expect(notFound.out()).toBe("");
      const empty = io();
      expect(await runExportTraceCli(["0".repeat(31) + "e", "--jaeger-url", jaeger.url, "-o", dir, "--output", "json"], empty.io)).toBe(1);
      expect(JSON.parse(empty.out())).toEqual({
        command: "export-trace",
        trace_id: "0".repeat(31) + "e",
        source: { type: "jaeger", url: jaeger.url },
        file: null,
        cases: null,
        warnings: [],
        errors: [`Jaeger at ${jaeger.url} has no trace ${"0".repeat(31)}e.`],
        exit_code: 1,
      });
    } finally {
      jaeger.server.close();
    }
    // A port nothing listens on any more, which no pooled connection of the tests above can reach.
    const gone = await startJaeger();
    await new Promise((resolve) => gone.server.close(resolve));
    const down = io();
    expect(await runExportTraceCli([JAEGER_TRACE, "--jaeger-url", gone.url, "-o", tmpdir()], down.io)).toBe(1);
    expect(down.err()).toMatch(new RegExp(`^flowprint: Jaeger at ${gone.url.replace(/[.]/g, "\\.")} could not be reached: .*ECONNREFUSED`));
  });

  it("with --output json reports the dataset written and where the trace came from", async () => {
    const jaeger = await startJaeger();
    const dir = mkdtempSync(path.join(tmpdir(), "export-trace-jaeger-"));
    const cli = io();
    try {
      expect(await runExportTraceCli([JAEGER_TRACE, "--jaeger-url", jaeger.url, "-o", dir, "--output", "json"], cli.io)).toBe(0);
      expect(JSON.parse(cli.out())).toEqual({
        command: "export-trace",
        trace_id: JAEGER_TRACE,
        source: { type: "jaeger", url: jaeger.url },
        file: path.join(dir, "trace-4a1b2c3d.eval.yaml"),
        cases: 5,
        warnings: [],
        errors: [],
        exit_code: 0,
      });
      expect(cli.err()).toContain("Wrote ");
    } finally {
      jaeger.server.close();
    }
  });
});
