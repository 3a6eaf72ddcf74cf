import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastUserContent, startOpenAiCompatibleServer, type OpenAiCompatibleServer } from "../../tests/support/openai-compatible-server";
import { DATASET } from "./eval-dataset.fixture";
import { renderEvalDatasetYaml } from "./render-eval-dataset-yaml";
import { runEvalCli, type EvalCliIo } from "./run-eval-cli";

const KEY = "sk-cli";
const dir = mkdtempSync(path.join(tmpdir(), "flowprint-eval-cli-"));
const datasetFile = path.join(dir, "support.eval.yaml");
writeFileSync(datasetFile, renderEvalDatasetYaml(DATASET));
const brokenFile = path.join(dir, "broken.eval.yaml");
writeFileSync(brokenFile, renderEvalDatasetYaml(DATASET).replace("value: 40", "value: forty"));
const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};
const jsonl = (outputs: Record<string, string>) => Object.entries(outputs).map(([id, output]) => JSON.stringify({ id, output })).join("\n");

let server: OpenAiCompatibleServer;
let answers: Record<string, string> = {};
beforeAll(async () => {
  server = await startOpenAiCompatibleServer({ apiKey: KEY, reply: (body) => (body.model === "judge" ? "PASS\nPolite." : (answers[lastUserContent(body)] ?? "")) });
});
afterAll(() => server.stop());

const good = { "Where is order A-1042?": "It ships Friday.", "Say thanks": "Thank you so much!", "Status as JSON": '{"status": "shipped"}' };

function io(env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const cli: EvalCliIo = { out: (t) => (out += t), err: (t) => (err += t), color: false, env };
  return { cli, output: () => out, errors: () => err };
}

describe("runEvalCli", () => {
  it("runs every case against the model, reports each, summarizes and exits 0 when all passed", async () => {
    answers = good;
    const { cli, output } = io({ FLOWPRINT_LLM_BASE_URL: server.baseUrl, FLOWPRINT_LLM_API_KEY: KEY, FLOWPRINT_LLM_JUDGE_MODEL: "judge" });
    expect(await runEvalCli(["run", "--dataset", datasetFile, "--model", "gpt-test"], cli)).toBe(0);
    const lines = output().trimEnd().split("\n");
    expect(lines[0]).toBe(`Eval exported-trace-4bf92f35: 3 cases, model gpt-test at ${server.baseUrl} (key from FLOWPRINT_LLM_API_KEY), judge judge`);
    expect(lines.filter((l) => /^[✓✗?] /.test(l)).map((l) => l.split(" in ")[0])).toEqual(["✓ case-1 passed", "✓ case-2 passed", "✓ case-3 passed"]);
    expect(lines.at(-1)).toBe("3 passed, 0 failed, 0 inconclusive");
  });

  it("exits 1 on a failed case, showing expected and actual, and writes the JUnit report", async () => {
    answers = { ...good, "Where is order A-1042?": "I cannot tell you where any order is right now." };
    const junit = path.join(dir, "reports", "nested", "eval.xml");
    const { cli, output } = io();
    const code = await runEvalCli(["run", "--dataset", datasetFile, "--model", "gpt-test", "--base-url", server.baseUrl, "--api-key", KEY, "--judge-model", "judge", "--junit", junit], cli);
    expect(code).toBe(1);
    expect(output()).toContain('  - not_icontains "i cannot"\n      expected: does not contain "i cannot" (ignoring case)\n      actual:   found: "I cannot tell you');
    expect(output().trimEnd().split("\n").at(-1)).toBe("2 passed, 1 failed, 0 inconclusive");
    const xml = readFileSync(junit, "utf8");
    expect(xml).toMatch(/<testsuites name="flowprint eval" tests="3" failures="1" errors="0" skipped="0"/);
    expect(xml).toContain(`<testcase name="case-1" classname="${datasetFile}"`);
    expect(xml).toContain('<failure message="max_length 40: 47 characters: ');
  });

  it("exits 3 when nothing failed but a case was inconclusive: no judge model for llm_judge", async () => {
    answers = good;
    const { cli, output } = io({ FLOWPRINT_LLM_BASE_URL: server.baseUrl, FLOWPRINT_LLM_API_KEY: KEY });
    expect(await runEvalCli(["run", "--dataset", datasetFile, "--model", "gpt-test"], cli)).toBe(3);
    expect(output()).toContain("no judge model (llm_judge assertions stay inconclusive)");
    expect(output()).toContain('  ? llm_judge "The reply is polite": no judge model configured (--judge-model or FLOWPRINT_LLM_JUDGE_MODEL)');
    expect(output().trimEnd().split("\n").at(-1)).toBe("2 passed, 0 failed, 1 inconclusive");
  });

  it("exits 3 when the model cannot be reached with the key given", async () => {
    const { cli, output } = io();
    expect(await runEvalCli(["run", "--dataset", datasetFile, "--model", "gpt-test", "--base-url", server.baseUrl, "--api-key", "wrong"], cli)).toBe(3);
    expect(output()).toContain("answered 401 Unauthorized: Incorrect API key provided.");
    expect(output().trimEnd().split("\n").at(-1)).toBe("0 passed, 0 failed, 3 inconclusive");
  });

  it("checks outputs from a responses file without a model, a missing case being inconclusive", async () => {
    server.requests.length = 0;
    const responses = file("responses.jsonl", jsonl({ "case-1": "It ships Friday.", "case-3": '["shipped"]', "case-9": "stray" }));
    const junit = path.join(dir, "responses.xml");
    const { cli, output, errors } = io();
    expect(await runEvalCli(["run", "--dataset", datasetFile, "--responses", responses, "--junit", junit], cli)).toBe(3);
    expect(server.requests).toHaveLength(0);
    expect(output()).toContain(`outputs from ${responses}`);
    expect(output()).toContain('? case-2 inconclusive');
    expect(output()).toContain('  - the responses file has no output for case "case-2"');
    expect(errors()).toBe(`flowprint eval: ${responses} has outputs for cases the dataset does not have: case-9\n`);
    expect(readFileSync(junit, "utf8")).toContain('<skipped message="inconclusive: the responses file has no output for case &quot;case-2&quot;">');
  });

  it("exits 1 for a dataset that does not load, pointing at the line, and reports it in JUnit", async () => {
    const junit = path.join(dir, "broken.xml");
    const { cli, output } = io();
    expect(await runEvalCli(["run", "--dataset", brokenFile, "--responses", file("r.jsonl", ""), "--junit", junit], cli)).toBe(1);
    expect(output()).toMatch(new RegExp(`✗ ${brokenFile.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} could not be loaded\n  ${brokenFile.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+:\\d+: cases\\.0\\.assertions\\.0\\.value: Invalid input: expected number, received string`));
    expect(readFileSync(junit, "utf8")).toContain('errors="1"');
    expect(await runEvalCli(["run", "--dataset", path.join(dir, "absent.yaml"), "--responses", "r.jsonl"], io().cli)).toBe(1);
  });

  it("exits 1 for a responses file with bad lines", async () => {
    const { cli, output } = io();
    const responses = file("bad.jsonl", '{"id": "case-1", "output": "ok"}\n{"id": "case-2"}\n');
    expect(await runEvalCli(["run", "--dataset", datasetFile, "--responses", responses], cli)).toBe(1);
    expect(output()).toContain(`${responses}:2: output: Invalid input: expected string, received undefined`);
  });

  it("exits 2 on usage errors, including a judge model without an endpoint for a dataset that needs one", async () => {
    const { cli, errors } = io();
    expect(await runEvalCli(["run", "--dataset", datasetFile], cli)).toBe(2);
    expect(errors()).toBe('flowprint eval: --model is required unless --responses is given\nRun "flowprint eval --help" for usage.\n');
    const responses = file("ok.jsonl", jsonl(good));
    expect(await runEvalCli(["run", "--dataset", datasetFile, "--responses", responses, "--judge-model", "judge"], io().cli)).toBe(2);
  });

  it("with --output json prints one document: each case with its output and every assertion, counts, warnings", async () => {
    const responses = file("json.jsonl", jsonl({ "case-1": "I cannot tell you where any order is right now.", "case-3": '{"status": "shipped"}', "case-9": "stray" }));
    const junit = path.join(dir, "json-eval.xml");
    const { cli, output, errors } = io();
    expect(await runEvalCli(["run", "--dataset", datasetFile, "--responses", responses, "--junit", junit, "--output", "json"], cli)).toBe(1);
    const report = JSON.parse(output());
    expect(report).toMatchObject({
      command: "eval run",
      dataset: { file: datasetFile, name: "exported-trace-4bf92f35" },
      model: null,
      responses_file: responses,
      counts: { passed: 1, failed: 1, inconclusive: 1 },
      junit_file: junit,
      load_error: null,
      warnings: [`${responses} has outputs for cases the dataset does not have: case-9`],
      errors: [],
      exit_code: 1,
    });
    expect(report.cases.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([["case-1", "failed"], ["case-2", "inconclusive"], ["case-3", "passed"]]);
    const [failed, missing] = report.cases;
    expect(failed).toMatchObject({ output: "I cannot tell you where any order is right now.", output_from: "responses", latency_ms: null });
    expect(failed.assertions).toContainEqual({
      assertion: { type: "not_icontains", value: "i cannot" },
      label: 'not_icontains "i cannot"',
      status: "failed",
      expected: 'does not contain "i cannot" (ignoring case)',
      actual: expect.stringContaining('found: "I cannot tell you'),
    });
    expect(failed.assertions.every((a: { status: string }) => ["passed", "failed", "inconclusive"].includes(a.status))).toBe(true);
    expect(missing).toMatchObject({ output: null, reasons: ['the responses file has no output for case "case-2"'] });
    expect(errors()).toContain("✗ case-1 failed");
    expect(errors()).toContain("1 passed, 1 failed, 1 inconclusive");
  });

  it("with --output json reports a dataset that does not load as load_error, exit 1", async () => {
    const { cli, output, errors } = io();
    expect(await runEvalCli(["run", "--dataset", brokenFile, "--responses", file("r2.jsonl", ""), "--output", "json"], cli)).toBe(1);
    expect(JSON.parse(output())).toMatchObject({ cases: [], counts: { passed: 0, failed: 0, inconclusive: 0 }, load_error: { file: brokenFile, message: expect.stringContaining("cases.0.assertions.0.value") }, exit_code: 1 });
    expect(errors()).toContain("could not be loaded");
  });

  it("prints usage for --help and exits 0", async () => {
    const { cli, output } = io();
    expect(await runEvalCli(["--help"], cli)).toBe(0);
    expect(output()).toMatch(/^Usage: flowprint eval run --dataset/);
    expect(output()).toContain("FLOWPRINT_LLM_JUDGE_MODEL");
  });
});
