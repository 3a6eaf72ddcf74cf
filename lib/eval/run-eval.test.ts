import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastUserContent, startOpenAiCompatibleServer, type ChatCompletionBody, type OpenAiCompatibleServer, type ScriptedReply } from "../../tests/support/openai-compatible-server";
import { DATASET } from "./eval-dataset.fixture";
import { EvalConfigError, runEval } from "./run-eval";
import type { CaseResult } from "./eval-result";

const KEY = "sk-eval";
let server: OpenAiCompatibleServer;
// What the model under test answers, by input; the judge answers by model name.
let answers: Record<string, ScriptedReply | string> = {};
let judgeVerdict = "PASS\nPolite.";

function reply(body: ChatCompletionBody): ScriptedReply | string {
  if (body.model === "judge") return judgeVerdict;
  return answers[lastUserContent(body)] ?? "";
}

beforeAll(async () => {
  server = await startOpenAiCompatibleServer({ apiKey: KEY, reply });
});
afterAll(() => server.stop());

const good = { "Where is order A-1042?": "It ships Friday.", "Say thanks": "Thank you so much!", "Status as JSON": '{"status": "shipped"}' };
const byId = (cases: CaseResult[]) => Object.fromEntries(cases.map((c) => [c.id, c]));

describe("runEval with a model", () => {
  it("replays each case with its edited input and checks every assertion", async () => {
    answers = good;
    server.requests.length = 0;
    const seen: string[] = [];
    const run = await runEval({ dataset: DATASET, model: "gpt-test", baseUrl: server.baseUrl, apiKey: KEY, judgeModel: "judge", onCaseResult: (r) => seen.push(r.id) });
    expect(run).toMatchObject({ dataset: DATASET.name, model: "gpt-test", judgeModel: "judge" });
    expect(run.cases.map((c) => [c.id, c.status])).toEqual([
      ["case-1", "passed"],
      ["case-2", "passed"],
      ["case-3", "passed"],
    ]);
    expect(seen).toEqual(["case-1", "case-2", "case-3"]);
    const first = run.cases[0];
    expect(first).toMatchObject({ output: "It ships Friday.", outputFrom: "model", inputTokens: 8, outputTokens: 3 });
    expect(first.latencyMs).toBeGreaterThan(0);
    expect(first.assertions.map((a) => a.status)).toEqual(["passed", "passed"]);
    // The conversation as recorded, with the last user message swapped for the case's input.
    expect(server.requests[0].body!.messages).toEqual([
      { role: "system", content: "You are Acme support." },
      { role: "user", content: "Where is order A-1042?" },
    ]);
    expect(server.requests.map((r) => r.body!.model)).toEqual(["gpt-test", "gpt-test", "judge", "gpt-test"]);
  });

  it("fails a case on any failed assertion, with what it expected and what it got", async () => {
    answers = { ...good, "Where is order A-1042?": "I cannot share order details with you, sorry about that!!" };
    judgeVerdict = "FAIL\nRude.";
    const cases = byId((await runEval({ dataset: DATASET, model: "gpt-test", baseUrl: server.baseUrl, apiKey: KEY, judgeModel: "judge" })).cases);
    expect(cases["case-1"].status).toBe("failed");
    expect(cases["case-1"].assertions.map((a) => [a.label, a.status])).toEqual([
      ["max_length 40", "failed"],
      ['not_icontains "i cannot"', "failed"],
    ]);
    expect(cases["case-1"].assertions[0].actual).toBe('57 characters: "I cannot share order details with you, sorry about that!!"');
    expect(cases["case-2"].status).toBe("failed");
    expect(cases["case-2"].assertions[1]).toMatchObject({ status: "failed", actual: "judge: FAIL: Rude." });
    expect(cases["case-3"].status).toBe("passed");
    judgeVerdict = "PASS\nPolite.";
  });

  it("leaves llm_judge inconclusive, never passed, without a judge model", async () => {
    answers = good;
    const cases = byId((await runEval({ dataset: DATASET, model: "gpt-test", baseUrl: server.baseUrl, apiKey: KEY })).cases);
    expect(cases["case-2"].status).toBe("inconclusive");
    expect(cases["case-2"].assertions.map((a) => a.status)).toEqual(["passed", "inconclusive"]);
    expect(cases["case-1"].status).toBe("passed");
  });

  it("is inconclusive for a case whose model call fails", async () => {
    answers = { ...good, "Status as JSON": { status: 500, content: "overloaded" } };
    const cases = byId((await runEval({ dataset: DATASET, model: "gpt-test", baseUrl: server.baseUrl, apiKey: KEY, judgeModel: "judge", retries: 1, retryDelayMs: 1 })).cases);
    expect(cases["case-3"]).toMatchObject({ status: "inconclusive", output: null, assertions: [] });
    expect(cases["case-3"].reasons[0]).toMatch(/^the model gpt-test could not answer: POST .* answered 500 Internal Server Error: overloaded$/);
  });
});

describe("runEval with concurrency", () => {
  it("runs several cases at once and keeps the dataset's order", async () => {
    // The first case answers last: order comes from the dataset, not from who finished first.
    answers = { "Where is order A-1042?": { content: "It ships Friday.", delayMs: 300 }, "Say thanks": { content: "Thank you so much!", delayMs: 100 }, "Status as JSON": { content: '{"status": "shipped"}', delayMs: 100 } };
    const finished: string[] = [];
    const run = await runEval({ dataset: DATASET, model: "gpt-test", baseUrl: server.baseUrl, apiKey: KEY, concurrency: 3, onCaseResult: (r) => finished.push(r.id) });
    expect(run.cases.map((c) => c.id)).toEqual(["case-1", "case-2", "case-3"]);
    // All three were asked at once, so the slow first case finished last.
    expect(finished.at(-1)).toBe("case-1");
    const serial: string[] = [];
    await runEval({ dataset: DATASET, model: "gpt-test", baseUrl: server.baseUrl, apiKey: KEY, onCaseResult: (r) => serial.push(r.id) });
    expect(serial).toEqual(["case-1", "case-2", "case-3"]);
  });
});

describe("runEval with responses", () => {
  it("checks the given outputs without calling a model, and a missing case is inconclusive", async () => {
    server.requests.length = 0;
    const responses = new Map([
      ["case-1", "It ships Friday."],
      ["case-3", "shipped, as text"],
    ]);
    const run = await runEval({ dataset: DATASET, responses });
    expect(run.model).toBeNull();
    expect(server.requests).toHaveLength(0);
    const cases = byId(run.cases);
    expect(cases["case-1"]).toMatchObject({ status: "passed", outputFrom: "responses", latencyMs: null });
    expect(cases["case-2"]).toMatchObject({ status: "inconclusive", reasons: ['the responses file has no output for case "case-2"'] });
    expect(cases["case-3"].status).toBe("failed");
    expect(cases["case-3"].assertions.map((a) => a.status)).toEqual(["failed", "passed"]);
  });

  it("grades responses with the judge when one is configured", async () => {
    server.requests.length = 0;
    const run = await runEval({ dataset: DATASET, responses: new Map([["case-2", "Thank you!"]]), judgeModel: "judge", baseUrl: server.baseUrl, apiKey: KEY });
    expect(byId(run.cases)["case-2"].status).toBe("passed");
    expect(server.requests.map((r) => r.body!.model)).toEqual(["judge"]);
  });
});

describe("runEval options", () => {
  it("needs a model and a base URL to produce outputs, and a base URL to judge", async () => {
    await expect(runEval({ dataset: DATASET, baseUrl: server.baseUrl })).rejects.toThrow(EvalConfigError);
    await expect(runEval({ dataset: DATASET, model: "m" })).rejects.toThrow("a base URL is needed to call the model");
    await expect(runEval({ dataset: DATASET, responses: new Map(), judgeModel: "judge" })).rejects.toThrow("a base URL is needed to call the judge model");
  });
});
