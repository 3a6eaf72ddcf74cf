import { describe, expect, it } from "vitest";
import { parseImportArgs, type ImportCommand } from "./import-args";

const options = (command: ImportCommand) => {
  if (command.kind !== "import") throw new Error(`expected options, got ${JSON.stringify(command)}`);
  return command.options;
};
const message = (argv: string[], env = {}) => {
  const command = parseImportArgs(argv, env);
  return command.kind === "usage-error" ? command.message : command.kind;
};

describe("parseImportArgs", () => {
  it("reads paths and every option, in both --flag value and --flag=value forms", () => {
    expect(options(parseImportArgs(["a.json", "--server", "http://fp:3000/", "traces", "--workspace=shop", "--token", "fp_x", "--output", "json"], {}))).toEqual({
      paths: ["a.json", "traces"],
      server: "http://fp:3000",
      workspace: "shop",
      apiToken: "fp_x",
      report: "json",
    });
  });

  it("picks the server, workspace and token as run and export do: flag, then environment, then default", () => {
    const env = { FLOWPRINT_SERVER: "http://env:3000", FLOWPRINT_WORKSPACE: "ci", FLOWPRINT_API_TOKEN: "fp_env" };
    expect(options(parseImportArgs(["a.json"], env))).toEqual({ paths: ["a.json"], server: "http://env:3000", workspace: "ci", apiToken: "fp_env", report: "text" });
    expect(options(parseImportArgs(["a.json", "--token", "fp_flag", "--workspace", "w"], env))).toMatchObject({ apiToken: "fp_flag", workspace: "w" });
    expect(options(parseImportArgs(["a.json"], {}))).toEqual({ paths: ["a.json"], server: "http://localhost:3000", workspace: "default", apiToken: null, report: "text" });
  });

  it("takes paths after -- literally", () => {
    expect(options(parseImportArgs(["--", "--odd.json", "-"], {})).paths).toEqual(["--odd.json", "-"]);
  });

  it("asks for help anywhere", () => {
    expect(parseImportArgs(["a.json", "-h"], {})).toEqual({ kind: "help" });
    expect(parseImportArgs(["--help"], {})).toEqual({ kind: "help" });
  });

  it.each([
    [[], "no files given: name trace files (.json, .jsonl, .ndjson) or directories holding them"],
    [["--server", "http://x"], "no files given: name trace files (.json, .jsonl, .ndjson) or directories holding them"],
    [["a.json", "--bogus"], "unknown option --bogus"],
    [["a.json", "--server"], "--server needs a value"],
    [["a.json", "--token="], "--token needs a value"],
    [["a.json", "--server", "localhost:3000"], '--server must be an http(s) URL, got "localhost:3000"'],
    [["a.json", "--workspace", "a b"], '--workspace must be letters, digits, - and _ (at most 64), got "a b"'],
    [["a.json", "--output", "yaml"], '--output must be text or json, got "yaml"'],
  ])("refuses %j with a clear message", (argv, expected) => {
    expect(message(argv)).toBe(expected);
  });
});
