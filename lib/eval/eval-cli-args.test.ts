import { describe, expect, it } from "vitest";
import { parseEvalCliArgs } from "./eval-cli-args";

const run = (argv: string[], env = {}) => {
  const command = parseEvalCliArgs(["run", ...argv], env);
  if (command.kind !== "run") throw new Error(`expected options, got ${JSON.stringify(command)}`);
  return command.options;
};
const error = (argv: string[], env = {}) => {
  const command = parseEvalCliArgs(argv, env);
  return command.kind === "usage-error" ? command.message : null;
};

describe("parseEvalCliArgs", () => {
  it("reads every option, in both --flag value and --flag=value forms", () => {
    expect(run(["--dataset", "a.eval.yaml", "--model=gpt-4o-mini", "--judge-model", "gpt-4o", "--junit", "out.xml", "--base-url", "http://localhost:11434/v1/", "--api-key", "sk", "--timeout-ms", "5000", "--retries=0"])).toEqual({
      datasetPath: "a.eval.yaml",
      model: "gpt-4o-mini",
      responsesPath: null,
      judgeModel: "gpt-4o",
      junitPath: "out.xml",
      baseUrl: "http://localhost:11434/v1",
      apiKey: "sk",
      apiKeyFrom: "--api-key",
      timeoutMs: 5000,
      retries: 0,
      concurrency: 1,
      report: "text",
    });
  });

  it("takes the endpoint, key and judge from the environment, the flags winning", () => {
    const env = { FLOWPRINT_LLM_BASE_URL: "https://api.example.com/v1", FLOWPRINT_LLM_API_KEY: "env-key", FLOWPRINT_LLM_JUDGE_MODEL: "env-judge" };
    expect(run(["--dataset", "a.yaml", "--model", "m"], env)).toMatchObject({ baseUrl: "https://api.example.com/v1", apiKey: "env-key", judgeModel: "env-judge" });
    expect(run(["--dataset", "a.yaml", "--model", "m", "--api-key", "flag-key", "--judge-model", "flag-judge"], env)).toMatchObject({ apiKey: "flag-key", judgeModel: "flag-judge" });
  });

  it("runs on OPENAI_API_KEY and OPENAI_BASE_URL alone, no key on the command line", () => {
    expect(run(["--dataset", "a.yaml", "--model", "m"], { OPENAI_BASE_URL: "http://localhost:4000/v1/", OPENAI_API_KEY: "sk-openai" })).toMatchObject({ baseUrl: "http://localhost:4000/v1", apiKey: "sk-openai", apiKeyFrom: "OPENAI_API_KEY" });
    expect(run(["--dataset", "a.yaml", "--model", "m"], { OPENAI_API_KEY: "sk-openai" })).toMatchObject({ baseUrl: "https://api.openai.com/v1", apiKey: "sk-openai" });
    expect(error(["run", "--dataset", "a.yaml", "--model", "m"], { OPENAI_BASE_URL: "localhost:4000" })).toBe('OPENAI_BASE_URL must be an http(s) URL, got "localhost:4000"');
  });

  it("needs no model or endpoint with a responses file, and ignores a model given with one", () => {
    expect(run(["--dataset", "a.yaml", "--responses", "r.jsonl"])).toMatchObject({ model: null, responsesPath: "r.jsonl", baseUrl: null });
    expect(run(["--dataset", "a.yaml", "--responses", "r.jsonl", "--model", "m"]).model).toBeNull();
  });

  it("rejects what it cannot run", () => {
    expect(error([])).toBe("no eval command given");
    expect(error(["start"])).toBe('unknown eval command "start"');
    expect(error(["run", "--model", "m", "--base-url", "http://x"])).toBe("--dataset is required");
    expect(error(["run", "--dataset", "a.yaml", "--base-url", "http://x"])).toBe("--model is required unless --responses is given");
    expect(error(["run", "--dataset", "a.yaml", "--model", "m"])).toBe("--model needs an OpenAI-compatible endpoint: give --base-url, or set OPENAI_BASE_URL or FLOWPRINT_LLM_BASE_URL (or just OPENAI_API_KEY, for OpenAI itself)");
    // A key alone names no endpoint unless it is OpenAI's.
    expect(error(["run", "--dataset", "a.yaml", "--model", "m"], { FLOWPRINT_LLM_API_KEY: "k" })).toMatch(/^--model needs an OpenAI-compatible endpoint/);
    expect(error(["run", "--dataset", "a.yaml", "--model", "m", "--base-url", "ftp://x"])).toBe('--base-url must be an http(s) URL, got "ftp://x"');
    expect(error(["run", "--dataset", "a.yaml", "--model", "m"], { FLOWPRINT_LLM_BASE_URL: "nope" })).toBe('FLOWPRINT_LLM_BASE_URL must be an http(s) URL, got "nope"');
    expect(error(["run", "--dataset", "a.yaml", "--responses", "r", "--verbose"])).toBe("unknown option --verbose");
    expect(error(["run", "--dataset", "a.yaml", "--responses"])).toBe("--responses needs a value");
    expect(error(["run", "a.yaml"])).toBe('unexpected argument "a.yaml" (name the dataset with --dataset)');
    expect(error(["run", "--dataset", "a.yaml", "--responses", "r", "--timeout-ms", "0"])).toMatch(/^--timeout-ms must be a whole number of milliseconds/);
    expect(error(["run", "--dataset", "a.yaml", "--responses", "r", "--concurrency", "0"])).toBe('--concurrency must be a whole number from 1 to 32, got "0"');
    expect(error(["run", "--dataset", "a.yaml", "--responses", "r", "--retries", "-1"])).toBe('--retries must be a whole number from 0 to 10, got "-1"');
    expect(error(["run", "--dataset", "a.yaml", "--responses", "r", "--output", "junit"])).toBe('--output must be text or json, got "junit"');
  });

  it("reads --output json, text being the default", () => {
    expect(run(["--dataset", "a.yaml", "--responses", "r", "--output", "json"]).report).toBe("json");
    expect(run(["--dataset", "a.yaml", "--responses", "r"]).report).toBe("text");
  });

  it("asks for help anywhere", () => {
    expect(parseEvalCliArgs(["run", "--dataset", "--help"], {})).toEqual({ kind: "help" });
    expect(parseEvalCliArgs(["help"], {})).toEqual({ kind: "help" });
  });
});
