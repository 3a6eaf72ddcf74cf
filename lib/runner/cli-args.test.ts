import { describe, expect, it } from "vitest";
import { parseCliArgs, type CliCommand } from "./cli-args";

const options = (command: CliCommand) => {
  if (command.kind !== "run") throw new Error(`expected a run, got ${JSON.stringify(command)}`);
  return command.options;
};

describe("parseCliArgs", () => {
  it("reads files and every option, in both --flag value and --flag=value forms", () => {
    const run = options(
      parseCliArgs(
        ["run", "a.yaml", "--base-url", "http://localhost:4100/", "b.yaml", "--server=http://flowprint:3000", "--workspace", "shop", "--junit", "out.xml", "--key", "k-123", "--var", "id=o-1", "--var=token=a=b", "--timeout-ms", "5000"],
        {},
      ),
    );
    expect(run).toEqual({
      files: ["a.yaml", "b.yaml"],
      baseUrl: "http://localhost:4100",
      server: "http://flowprint:3000",
      workspace: "shop",
      junitPath: "out.xml",
      ingestKey: "k-123",
      apiToken: null,
      vars: { id: "o-1", token: "a=b" },
      timeoutMs: 5000,
      report: "text",
    });
  });

  it("falls back to the environment, then to the product's defaults", () => {
    const env = { FLOWPRINT_SERVER: "http://fp:3000", FLOWPRINT_WORKSPACE: "ci", FLOWPRINT_INGEST_KEY: "secret-key", FLOWPRINT_BASE_URL: "http://sut:8080" };
    expect(options(parseCliArgs(["run", "a.yaml"], env))).toMatchObject({ server: "http://fp:3000", workspace: "ci", ingestKey: "secret-key", baseUrl: "http://sut:8080" });
    expect(options(parseCliArgs(["run", "a.yaml", "--workspace", "other"], env)).workspace).toBe("other");
    expect(options(parseCliArgs(["run", "a.yaml"], {}))).toMatchObject({ server: "http://localhost:3000", workspace: "default", ingestKey: null, baseUrl: null, junitPath: null, timeoutMs: null });
  });

  it("takes the REST API token from --token, else FLOWPRINT_API_TOKEN", () => {
    expect(options(parseCliArgs(["run", "a.yaml", "--token", "fp_flag"], { FLOWPRINT_API_TOKEN: "fp_env" })).apiToken).toBe("fp_flag");
    expect(options(parseCliArgs(["run", "a.yaml"], { FLOWPRINT_API_TOKEN: "fp_env" })).apiToken).toBe("fp_env");
    expect(options(parseCliArgs(["run", "a.yaml"], { FLOWPRINT_API_TOKEN: " " })).apiToken).toBeNull();
  });

  it("reads --output json, text being the default", () => {
    expect(options(parseCliArgs(["run", "a.yaml", "--output", "json"], {})).report).toBe("json");
    expect(options(parseCliArgs(["run", "a.yaml", "--output=text"], {})).report).toBe("text");
  });

  it("lets a later --var win and takes files after -- literally", () => {
    const run = options(parseCliArgs(["run", "--var", "a=1", "--var", "a=2", "--", "--odd-name.yaml"], {}));
    expect(run.vars).toEqual({ a: "2" });
    expect(run.files).toEqual(["--odd-name.yaml"]);
  });

  it("prints help for --help anywhere", () => {
    expect(parseCliArgs(["--help"], {})).toEqual({ kind: "help" });
    expect(parseCliArgs(["run", "a.yaml", "-h"], {})).toEqual({ kind: "help" });
    expect(parseCliArgs(["help"], {})).toEqual({ kind: "help" });
  });

  it.each([
    [[], "no command given"],
    [["test", "a.yaml"], 'unknown command "test"'],
    [["run"], "no test files given"],
    [["run", "a.yaml", "--bogus", "1"], "unknown option --bogus"],
    [["run", "a.yaml", "--server"], "--server needs a value"],
    [["run", "a.yaml", "--var", "novalue"], '--var takes name=value, got "novalue"'],
    [["run", "a.yaml", "--var", "=x"], '--var takes name=value, got "=x"'],
    [["run", "a.yaml", "--base-url", "localhost:4100"], '--base-url must be an http(s) URL, got "localhost:4100"'],
    [["run", "a.yaml", "--server", "ftp://x"], '--server must be an http(s) URL, got "ftp://x"'],
    [["run", "a.yaml", "--timeout-ms", "1.5"], '--timeout-ms must be a whole number of milliseconds from 1 to 3600000, got "1.5"'],
    [["run", "a.yaml", "--timeout-ms", "0"], '--timeout-ms must be a whole number of milliseconds from 1 to 3600000, got "0"'],
    [["run", "a.yaml", "--workspace", "a b"], '--workspace must be letters, digits, - and _ (at most 64), got "a b"'],
    [["run", "a.yaml", "--output", "yaml"], '--output must be text or json, got "yaml"'],
  ])("refuses %j with a clear message", (argv, message) => {
    expect(parseCliArgs(argv, {})).toEqual({ kind: "usage-error", message });
  });
});
