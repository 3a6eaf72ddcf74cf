// `flowprint import` end to end against a local server standing in for Flowprint's import
// endpoint: what is sent (method, path, query, headers, bytes, gzip) and what is made of each
// kind of answer the contract allows.
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runImportCli } from "./import-cli";

interface Received {
  method?: string;
  path: string;
  fileName: string | null;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const TOKEN = "fp_good";
const clean = (format: string, traces: number, spans: number) => ({ format, traces, spans, skipped_spans: 0, rejected_spans: 0, problems: [] });
// Answers by file name, as the contract shapes them.
const ANSWERS: Record<string, { status: number; body: unknown }> = {
  "spans.jsonl": { status: 200, body: clean("otlp-json-lines", 12, 240) },
  "big.ndjson": { status: 200, body: clean("otlp-json-lines", 300, 9000) },
  "jaeger.json": {
    status: 200,
    body: {
      format: "jaeger-json",
      traces: 1,
      spans: 57,
      skipped_spans: 4,
      rejected_spans: 0,
      problems: [{ where: "jaeger.json at data[1].spans[3].startTime", message: 'must be a whole number of microseconds, not the string "yesterday".' }],
    },
  },
  "zipkin.json": {
    status: 422,
    body: { format: "zipkin-json", traces: 0, spans: 0, skipped_spans: 3, rejected_spans: 0, problems: [{ where: "zipkin.json at [0].traceId", message: "is missing; it must be a trace id of up to 32 hex digits." }] },
  },
  "huge.json": { status: 413, body: { error: { code: "payload_too_large", message: "The body is larger than the 32 MiB this server accepts (FLOWPRINT_MAX_IMPORT_BYTES)." } } },
};

let server: Server;
let base: string;
let received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://x");
      const fileName = url.searchParams.get("file_name");
      received.push({ method: request.method, path: url.pathname, fileName, headers: request.headers, body: Buffer.concat(chunks) });
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      // Accounts on: FLOWPRINT_AUTH=on answers 401 without a valid token.
      if (url.pathname.includes("/workspaces/private/") && request.headers.authorization !== `Bearer ${TOKEN}`) return reply(401, { error: { code: "unauthorized", message: "Sign in, or send an API token." } });
      const answer = ANSWERS[fileName ?? ""];
      if (answer) return reply(answer.status, answer.body);
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<html>Bad Gateway</html>");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
});

function io(env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  return { cli: { out: (t: string) => (out += t), err: (t: string) => (err += t), env }, output: () => out, errors: () => err };
}

function folder(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), "flowprint-import-cli-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

// Over 1 MiB, so it goes gzip-compressed: 12,000 lines of about 100 bytes.
const BIG = Array.from({ length: 12_000 }, (_, i) => JSON.stringify({ resourceSpans: [], line: i, pad: "x".repeat(60) })).join("\n");

describe("runImportCli", () => {
  it("sends each file of a directory in sorted order, one POST each, and reports each answer", async () => {
    const root = folder({ "spans.jsonl": '{"resourceSpans": []}\n', "b/jaeger.json": '{"data": []}', "a/zipkin.json": "[]", "c/big.ndjson": BIG, "notes.txt": "not a trace" });
    const { cli, output, errors } = io({ FLOWPRINT_API_TOKEN: TOKEN });
    expect(await runImportCli([root, "--server", base, "--workspace", "shop"], cli)).toBe(1);

    expect(received.map((r) => [r.method, r.path, r.fileName])).toEqual([
      ["POST", "/api/v1/workspaces/shop/telemetry/import", "zipkin.json"],
      ["POST", "/api/v1/workspaces/shop/telemetry/import", "jaeger.json"],
      ["POST", "/api/v1/workspaces/shop/telemetry/import", "big.ndjson"],
      ["POST", "/api/v1/workspaces/shop/telemetry/import", "spans.jsonl"],
    ]);
    const [zipkin, jaeger, big, spans] = received;
    expect(zipkin.headers["content-type"]).toBe("application/json");
    expect(jaeger.headers["content-type"]).toBe("application/json");
    expect(spans.headers["content-type"]).toBe("application/x-ndjson");
    expect(big.headers["content-type"]).toBe("application/x-ndjson");
    for (const request of received) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    // Small files go as they are; the large one compressed, and decompresses to the very bytes.
    expect(zipkin.body.toString()).toBe("[]");
    expect(spans.body.equals(readFileSync(path.join(root, "spans.jsonl")))).toBe(true);
    expect(spans.headers["content-encoding"]).toBeUndefined();
    expect(big.headers["content-encoding"]).toBe("gzip");
    expect(big.body.length).toBeLessThan(BIG.length / 5);
    expect(gunzipSync(big.body).equals(Buffer.from(BIG))).toBe(true);

    expect(output()).toBe(
      [
        `not imported ${path.join(root, "a/zipkin.json")} (zipkin-json): nothing in it could be imported (spans 3 skipped)`,
        "  zipkin.json at [0].traceId: is missing; it must be a trace id of up to 32 hex digits.",
        `imported ${path.join(root, "b/jaeger.json")} (jaeger-json): 1 trace, 57 spans; 4 skipped`,
        '  jaeger.json at data[1].spans[3].startTime: must be a whole number of microseconds, not the string "yesterday".',
        `imported ${path.join(root, "c/big.ndjson")} (otlp-json-lines): 300 traces, 9000 spans`,
        `imported ${path.join(root, "spans.jsonl")} (otlp-json-lines): 12 traces, 240 spans`,
        "4 files: 3 imported (1 with problems), 1 not imported; 313 traces, 9297 spans",
        "",
      ].join("\n"),
    );
    expect(errors()).toBe("");
  });

  it("exits 0 when every file imported without problems, naming the file in the query as its base name", async () => {
    const root = folder({ "in here/spans.jsonl": "{}\n" });
    const { cli, output } = io();
    expect(await runImportCli([path.join(root, "in here", "spans.jsonl"), `--server=${base}/`], cli)).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ path: "/api/v1/workspaces/default/telemetry/import", fileName: "spans.jsonl" });
    expect(received[0].headers.authorization).toBeUndefined();
    expect(output()).toBe(`imported ${path.join(root, "in here", "spans.jsonl")} (otlp-json-lines): 12 traces, 240 spans\n1 file: 1 imported, 0 not imported; 12 traces, 240 spans\n`);
  });

  it("shows why a 401 happened: no token, or a refused one", async () => {
    const root = folder({ "spans.jsonl": "{}\n" });
    const without = io();
    expect(await runImportCli([root, "--server", base, "--workspace", "private"], without.cli)).toBe(1);
    expect(without.output()).toContain(
      `failed ${path.join(root, "spans.jsonl")}: Sign in, or send an API token. (this Flowprint has accounts on: set FLOWPRINT_API_TOKEN to an API token from Settings → Your API tokens)`,
    );
    const refused = io({ FLOWPRINT_API_TOKEN: "fp_revoked" });
    expect(await runImportCli([root, "--server", base, "--workspace", "private"], refused.cli)).toBe(1);
    expect(refused.output()).toContain("Sign in, or send an API token. (the API token was refused: it may be revoked or expired)");
    const accepted = io();
    expect(await runImportCli([root, "--server", base, "--workspace", "private", "--token", TOKEN], accepted.cli)).toBe(0);
  });

  it("shows the server's 413 message as it is, and a proxy's error page by its status", async () => {
    const root = folder({ "huge.json": "{}", "other.json": "{}" });
    const { cli, output } = io();
    expect(await runImportCli([root, "--server", base], cli)).toBe(1);
    expect(output()).toBe(
      [
        `failed ${path.join(root, "huge.json")}: The body is larger than the 32 MiB this server accepts (FLOWPRINT_MAX_IMPORT_BYTES).`,
        `failed ${path.join(root, "other.json")}: Flowprint answered 502 Bad Gateway`,
        "2 files: 0 imported, 2 not imported; 0 traces, 0 spans",
        "",
      ].join("\n"),
    );
  });

  it("refuses a file over 64 MiB without sending it, and goes on with the others", async () => {
    const root = folder({ "spans.jsonl": "{}\n", "whole-day.json": "" });
    // Sparse: the size without the disk space.
    truncateSync(path.join(root, "whole-day.json"), 64 * 1024 * 1024 + 1);
    const { cli, output } = io();
    expect(await runImportCli([root, "--server", base], cli)).toBe(1);
    expect(received.map((r) => r.fileName)).toEqual(["spans.jsonl"]);
    expect(output()).toContain(`failed ${path.join(root, "whole-day.json")}: 64.1 MiB is over the 64 MiB flowprint import sends (Flowprint's own limit is lower): split the file\n`);
  });

  it("says Flowprint could not be reached, for each file, when the server is down", async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(gone.address() as AddressInfo).port}`;
    await new Promise((resolve) => gone.close(resolve));
    const root = folder({ "a.json": "{}", "b.jsonl": "{}\n" });
    const { cli, output } = io();
    expect(await runImportCli([root, "--server", url, "--output", "json"], cli)).toBe(1);
    const report = JSON.parse(output());
    expect(report.counts).toMatchObject({ files: 2, imported: 0, failed: 2 });
    for (const file of report.files) {
      expect(file).toMatchObject({ status: "failed", http_status: null });
      expect(file.error).toMatch(new RegExp(`^Flowprint at ${url.replace(/\./g, "\\.")} could not be reached: .*ECONNREFUSED`));
    }
  });

  it("with --output json prints one document, the report lines going to stderr", async () => {
    const root = folder({ "spans.jsonl": "{}\n", "jaeger.json": "{}", "zipkin.json": "[]" });
    const { cli, output, errors } = io();
    expect(await runImportCli([root, "--server", base, "--workspace", "shop", "--output", "json"], cli)).toBe(1);
    const report = JSON.parse(output());
    expect(report).toMatchObject({
      command: "import",
      server: base,
      workspace: "shop",
      counts: { files: 3, imported: 1, imported_with_problems: 1, rejected: 1, failed: 0, traces: 13, spans: 297, skipped_spans: 7, rejected_spans: 0 },
      exit_code: 1,
    });
    expect(report.files).toEqual([
      {
        path: path.join(root, "jaeger.json"),
        file_name: "jaeger.json",
        bytes: 2,
        gzip: false,
        status: "imported_with_problems",
        http_status: 200,
        format: "jaeger-json",
        traces: 1,
        spans: 57,
        skipped_spans: 4,
        rejected_spans: 0,
        problems: [{ where: "jaeger.json at data[1].spans[3].startTime", message: 'must be a whole number of microseconds, not the string "yesterday".' }],
        error: null,
      },
      expect.objectContaining({ file_name: "spans.jsonl", status: "imported", http_status: 200, format: "otlp-json-lines", traces: 12, spans: 240, problems: [] }),
      expect.objectContaining({ file_name: "zipkin.json", status: "rejected", http_status: 422, format: "zipkin-json", spans: 0, skipped_spans: 3 }),
    ]);
    expect(errors()).toContain(`imported ${path.join(root, "spans.jsonl")} (otlp-json-lines): 12 traces, 240 spans`);
    expect(errors()).toContain("3 files: 2 imported (1 with problems), 1 not imported; 13 traces, 297 spans");
  });

  it("exits 2 on usage errors before sending anything: no files, a missing path, nothing to send", async () => {
    const none = io();
    expect(await runImportCli(["--server", base], none.cli)).toBe(2);
    expect(none.errors()).toBe('flowprint: no files given: name trace files (.json, .jsonl, .ndjson) or directories holding them\nRun "flowprint import --help" for usage.\n');
    const root = folder({ "spans.jsonl": "{}\n", "empty/readme.md": "x" });
    const bad = io();
    expect(await runImportCli([path.join(root, "spans.jsonl"), path.join(root, "missing"), path.join(root, "empty"), "--server", base, "--output", "json"], bad.cli)).toBe(2);
    expect(bad.errors()).toBe(
      `flowprint: ${path.join(root, "missing")}: no such file or directory\nflowprint: ${path.join(root, "empty")}: no .json, .jsonl or .ndjson files in this directory or below it\nRun "flowprint import --help" for usage.\n`,
    );
    expect(bad.output()).toBe("");
    expect(received).toEqual([]);
    const format = io();
    expect(await runImportCli([root, "--output", "csv"], format.cli)).toBe(2);
    expect(format.errors()).toContain('--output must be text or json, got "csv"');
  });
});
