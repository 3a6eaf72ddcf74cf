import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseExportArgs, runExportCli } from "./export-cli";

describe("parseExportArgs", () => {
  it("reads what, which and where, with the environment's server and workspace", () => {
    expect(parseExportArgs(["flow", "f-1", "--setup=none", "-o", "tests"], { FLOWPRINT_SERVER: "http://fp:3000/", FLOWPRINT_WORKSPACE: "shop" })).toEqual({
      kind: "export",
      options: { kind: "flow", target: "f-1", operation: null, ai: false, output: "tests", setup: "none", format: null, server: "http://fp:3000", workspace: "shop", apiToken: null, report: "text" },
    });
    expect(parseExportArgs(["variants", "api-gateway", "POST", "/api/v1/orders"], {})).toMatchObject({ kind: "export", options: { kind: "variants", target: "api-gateway", operation: "POST /api/v1/orders" } });
    expect(parseExportArgs(["journey", "order", "--ai"], {})).toMatchObject({ kind: "export", options: { ai: true } });
    expect(parseExportArgs(["flow", "f-1", "--token", "fp_x"], { FLOWPRINT_API_TOKEN: "fp_env" })).toMatchObject({ options: { apiToken: "fp_x" } });
    expect(parseExportArgs(["flow", "f-1"], { FLOWPRINT_API_TOKEN: "fp_env" })).toMatchObject({ options: { apiToken: "fp_env" } });
    expect(parseExportArgs(["openapi", "orders", "--format", "yaml"], {})).toMatchObject({ kind: "export", options: { kind: "openapi", format: "yaml", server: "http://localhost:3000", workspace: "default" } });
  });

  it("names what is wrong with the arguments", () => {
    const message = (argv: string[]) => {
      const parsed = parseExportArgs(argv, {});
      return parsed.kind === "usage-error" ? parsed.message : parsed.kind;
    };
    expect(message([])).toBe("export what? flow, journey, variants or openapi");
    expect(message(["spaceship", "x"])).toBe('"spaceship" is not something to export: flow, journey, variants or openapi');
    expect(message(["variants", "api-gateway"])).toMatch(/^which operation of the entry point\?/);
    expect(message(["openapi", "orders", "--ai"])).toBe("--ai drafts flow and journey tests only");
    expect(message(["journey"])).toBe("which entity? give its name");
    expect(message(["flow", "a", "b"])).toBe("one flow at a time, got 2");
    expect(message(["flow", "a", "--setup", "maybe"])).toBe('--setup must be auto or none, got "maybe"');
    expect(message(["journey", "order", "--setup", "none"])).toBe("--setup applies to flow and variants exports only");
    expect(message(["openapi", "orders", "--format", "xml"])).toBe('--format for openapi must be json or yaml, got "xml"');
    expect(message(["journey", "order", "--format", "yaml"])).toBe("--format does not apply to journey exports");
    expect(message(["flow", "a", "--bogus"])).toBe("unknown option --bogus");
    expect(message(["flow", "--help"])).toBe("help");
  });

  it("reads --output text|json as the report format, any other --output value as the directory, as before", () => {
    expect(parseExportArgs(["flow", "f-1", "--output", "json"], {})).toMatchObject({ options: { report: "json", output: "." } });
    expect(parseExportArgs(["flow", "f-1", "--output=json", "-o", "tests"], {})).toMatchObject({ options: { report: "json", output: "tests" } });
    expect(parseExportArgs(["flow", "f-1", "--output", "tests"], {})).toMatchObject({ options: { report: "text", output: "tests" } });
    expect(parseExportArgs(["flow", "f-1", "-o", "./json"], {})).toMatchObject({ options: { report: "text", output: "./json" } });
    expect(parseExportArgs(["flow", "f-1", "-o", "json"], {})).toEqual({ kind: "usage-error", message: "-o names the directory to write to (a folder named json: -o ./json); the report format is --output json" });
  });
});

describe("runExportCli", () => {
  it("says when Flowprint cannot be reached, with exit code 1", async () => {
    const err: string[] = [];
    const code = await runExportCli(["journey", "order", "--server", "http://127.0.0.1:9"], { out: () => undefined, err: (t) => err.push(t), env: {} });
    expect(code).toBe(1);
    expect(err.join("")).toMatch(/^flowprint: Flowprint at http:\/\/127\.0\.0\.1:9 could not be reached/);
  });

  it("with --output json prints the files written and their warnings as one document, the rest on stderr", async () => {
    const server = createServer((request, response) => {
      const known = request.url?.includes("/telemetry/flows/f-1/export");
      response.writeHead(known ? 200 : 404, { "content-type": "application/json" });
      response.end(JSON.stringify(known ? { yaml: "name: t\n", file_name: "checkout.yaml", warnings: ["the body was not recorded"] } : { error: { code: "not_found", message: "No flow f-2." } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = mkdtempSync(path.join(tmpdir(), "export-json-"));
    try {
      let out = "";
      let err = "";
      const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), env: {} };
      expect(await runExportCli(["flow", "f-1", "-o", dir, "--output", "json", "--server", base], io)).toBe(0);
      expect(JSON.parse(out)).toEqual({ command: "export", what: "flow", target: "f-1", files: [{ file: path.join(dir, "checkout.yaml"), warnings: ["the body was not recorded"] }], errors: [], exit_code: 0 });
      expect(readFileSync(path.join(dir, "checkout.yaml"), "utf8")).toBe("name: t\n");
      expect(err).toBe(`warning: checkout.yaml: the body was not recorded\nWrote ${path.join(dir, "checkout.yaml")}\n`);

      out = "";
      err = "";
      expect(await runExportCli(["flow", "f-2", "-o", dir, "--output", "json", "--server", base], io)).toBe(1);
      expect(JSON.parse(out)).toEqual({ command: "export", what: "flow", target: "f-2", files: [], errors: ["No flow f-2."], exit_code: 1 });
      expect(err).toBe("flowprint: No flow f-2.\n");
    } finally {
      server.close();
    }
  });
});
