import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseExportTraceArgs, runExportTraceCli } from "./export-trace-cli";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

describe("parseExportTraceArgs", () => {
  it("takes one trace id, the output folder and Flowprint's address", () => {
    expect(parseExportTraceArgs([TRACE.toUpperCase(), "-o", "out", "--server=http://f:3000/"], { FLOWPRINT_WORKSPACE: "shop" })).toEqual({
      kind: "export",
      options: { traceId: TRACE, output: "out", server: "http://f:3000", workspace: "shop", apiToken: null },
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
});
