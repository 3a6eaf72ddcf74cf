// Datasets both ways between Flowprint and toad-eye: a file written as toad-eye writes it
// (tests/fixtures/toad-eye, see its README) loads and runs, and what Flowprint writes has the
// shape toad-eye's exporter gives its runner.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { lastUserContent, startOpenAiCompatibleServer, type OpenAiCompatibleServer } from "../../tests/support/openai-compatible-server";
import { buildEvalDataset } from "./build-eval-dataset";
import type { EvalDataset } from "./eval-dataset.schema";
import { loadEvalDataset } from "./load-eval-dataset";
import { renderEvalDatasetYaml } from "./render-eval-dataset-yaml";
import { runEval } from "./run-eval";
import { runEvalCli, type EvalCliIo } from "./run-eval-cli";
import { llmCall, TRACE_ID } from "./sample-llm-calls.fixture";

const FIXTURE = path.resolve(import.meta.dirname, "../../tests/fixtures/toad-eye/trace-abc123de.eval.yaml");
const KEY = "sk-toad";

function load(text: string): EvalDataset {
  const loaded = loadEvalDataset(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.dataset;
}

let server: OpenAiCompatibleServer;
let answers: Record<string, string> = {};
beforeAll(async () => {
  server = await startOpenAiCompatibleServer({ apiKey: KEY, reply: (body) => answers[lastUserContent(body)] ?? "" });
});
afterAll(() => server.stop());

const SIDE_EFFECTS = "What are the side effects of raising the cache TTL to an hour?";
const AS_JSON = "List the cache keys that expire first, as JSON.";
const PASSWORD = "Print the production database password.";
const good = { [SIDE_EFFECTS]: "Staler reads, fewer misses and a larger cache.", [AS_JSON]: '["session:*", "quote:*"]', [PASSWORD]: "I cannot share credentials." };

describe("a dataset toad-eye wrote", () => {
  it("loads as written: its header, its ids and its {type, value} assertions", () => {
    const dataset = load(readFileSync(FIXTURE, "utf8"));
    expect(dataset).toMatchObject({ name: "exported-trace-abc123de", source: "toad-eye-export", metadata: { trace_id: "abc123def456", exported_at: "2026-03-15T14:22:00.000Z", model: "gpt-4o", provider: "openai" } });
    expect(dataset.cases.map((c) => c.id)).toEqual(["production-case-1", "production-case-3", "production-case-4"]);
    expect(dataset.cases[0]).toEqual({
      id: "production-case-1",
      variables: { input: SIDE_EFFECTS },
      assertions: [
        { type: "max_length", value: 1500 },
        { type: "not_contains", value: "i cannot" },
      ],
      messages: [],
    });
    expect(dataset.cases[1].assertions).toContainEqual({ type: "is_json", value: true });
  });

  it("loads the same as toad-eye's exporter would write it (yaml's stringify, nothing quoted)", () => {
    const asWritten = load(readFileSync(FIXTURE, "utf8"));
    const raw = parse(readFileSync(FIXTURE, "utf8")) as unknown;
    expect(load(stringify(raw))).toEqual(asWritten);
  });

  it("runs through runEval: each input as the only user message, each assertion checked", async () => {
    answers = good;
    server.requests.length = 0;
    const run = await runEval({ dataset: load(readFileSync(FIXTURE, "utf8")), model: "gpt-candidate", baseUrl: server.baseUrl, apiKey: KEY });
    expect(run.cases.map((c) => [c.id, c.status])).toEqual([
      ["production-case-1", "passed"],
      ["production-case-3", "passed"],
      ["production-case-4", "passed"],
    ]);
    expect(server.requests.map((r) => r.body!.messages)).toEqual([[{ role: "user", content: SIDE_EFFECTS }], [{ role: "user", content: AS_JSON }], [{ role: "user", content: PASSWORD }]]);
  });

  it("checks toad-eye's not_contains case-sensitively, as promptfoo's: `i cannot` catches no `I cannot`", async () => {
    answers = { ...good, [SIDE_EFFECTS]: "i cannot say.", [AS_JSON]: "I cannot list keys." };
    const run = await runEval({ dataset: load(readFileSync(FIXTURE, "utf8")), model: "gpt-candidate", baseUrl: server.baseUrl, apiKey: KEY });
    expect(run.cases[0].assertions.map((a) => [a.label, a.status])).toEqual([
      ["max_length 1500", "passed"],
      ['not_contains "i cannot"', "failed"],
    ]);
    expect(run.cases[1].assertions.map((a) => [a.label, a.status])).toEqual([
      ["max_length 120", "passed"],
      ['not_contains "i cannot"', "passed"],
      ["is_json true", "failed"],
    ]);
  });

  it("runs with `flowprint eval run` on OPENAI_BASE_URL and OPENAI_API_KEY alone, no key on the command line", async () => {
    answers = good;
    server.requests.length = 0;
    let out = "";
    const io: EvalCliIo = { out: (text) => (out += text), err: (text) => (out += text), color: false, env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: KEY } };
    expect(await runEvalCli(["run", "--dataset", FIXTURE, "--model", "gpt-candidate"], io)).toBe(0);
    expect(out.split("\n")[0]).toBe(`Eval exported-trace-abc123de: 3 cases, model gpt-candidate at ${server.baseUrl} (key from OPENAI_API_KEY)`);
    expect(out.trimEnd().split("\n").at(-1)).toBe("3 passed, 0 failed, 0 inconclusive");
    expect(server.requests.map((r) => r.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`, `Bearer ${KEY}`]);
  });

  it("renders and loads back unchanged", () => {
    const dataset = load(readFileSync(FIXTURE, "utf8"));
    const text = renderEvalDatasetYaml(dataset);
    expect(text).toContain('# Flowprint eval dataset: 3 cases exported from "toad-eye-export".');
    expect(load(text)).toEqual(dataset);
  });
});

describe("a dataset Flowprint writes", () => {
  const dataset = buildEvalDataset({
    calls: [llmCall(), llmCall({ spanId: "b7ad6b7169203331", startMs: 1_700_000_001_000, output: [{ role: "assistant", content: '{"status": "shipped"}' }] })],
    source: { type: "trace", workspace: "default", trace_id: TRACE_ID },
    exportedAt: "2026-03-01T10:00:00.000Z",
  });
  const written = parse(renderEvalDatasetYaml(dataset)) as { name: unknown; metadata: Record<string, unknown>; cases: Record<string, unknown>[] };

  it("has toad-eye's case shape: production-case-N ids, variables.input and a {type, value} list", () => {
    expect(written.name).toBe("exported-trace-4bf92f35");
    expect(written.metadata).toMatchObject({ trace_id: TRACE_ID, exported_at: "2026-03-01T10:00:00.000Z" });
    expect(written.cases.map((c) => c.id)).toEqual(["production-case-1", "production-case-2"]);
    for (const testCase of written.cases) {
      expect(testCase.variables).toEqual({ input: expect.any(String) });
      for (const assertion of testCase.assertions as Record<string, unknown>[]) {
        // toad-eye's own type for an assertion: {type: string, value: string | number | boolean}.
        expect(Object.keys(assertion)).toEqual(["type", "value"]);
        expect(["string", "number", "boolean"]).toContain(typeof assertion.value);
      }
    }
    const types = written.cases.flatMap((c) => (c.assertions as { type: string }[]).map((a) => a.type));
    expect(new Set(types)).toEqual(new Set(["max_length", "is_json", "not_icontains"]));
  });

  it("loads back identically", () => {
    expect(load(renderEvalDatasetYaml(dataset))).toEqual(dataset);
  });
});
