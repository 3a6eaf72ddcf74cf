import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer } from "../../tests/support/openai-compatible-server";
import { judgeAssertion, NO_JUDGE_REASON } from "./judge-assertion";

let server: OpenAiCompatibleServer;
let verdict = "PASS\nPolite enough.";

beforeAll(async () => {
  server = await startOpenAiCompatibleServer({ apiKey: "k", reply: () => verdict });
});
afterAll(() => server.stop());

const question = { input: "Say thanks", output: "Thank you!", reference: "Thanks!" };
const judge = () => ({ model: "judge-1", endpoint: { baseUrl: server.baseUrl, apiKey: "k" } });

describe("judgeAssertion", () => {
  it("passes on a PASS verdict, asking the judge model at temperature 0", async () => {
    const result = await judgeAssertion({ type: "llm_judge", value: "The reply is polite" }, question, judge());
    expect(result).toMatchObject({ status: "passed", expected: "The reply is polite", actual: "judge-1: PASS: Polite enough." });
    const body = server.requests.at(-1)!.body!;
    expect(body).toMatchObject({ model: "judge-1", temperature: 0 });
    expect(body.messages![1].content).toContain("Criterion:\nThe reply is polite");
    expect(body.messages![1].content).toContain("Output to grade:\nThank you!");
  });

  it("fails on a FAIL verdict with the judge's reason", async () => {
    verdict = "FAIL - it is curt";
    expect(await judgeAssertion({ type: "llm_judge", value: "The reply is polite" }, question, judge())).toMatchObject({ status: "failed", actual: "judge-1: FAIL: it is curt" });
  });

  it("is inconclusive without a verdict, without a judge, or when the judge cannot be asked", async () => {
    verdict = "Hard to say.";
    expect((await judgeAssertion({ type: "llm_judge", value: "c" }, question, judge())).status).toBe("inconclusive");
    expect(await judgeAssertion({ type: "llm_judge", value: "c" }, question, null)).toMatchObject({ status: "inconclusive", actual: NO_JUDGE_REASON });
    const unauthorized = await judgeAssertion({ type: "llm_judge", value: "c" }, question, { model: "judge-1", endpoint: { baseUrl: server.baseUrl, apiKey: "wrong" } });
    expect(unauthorized.status).toBe("inconclusive");
    expect(unauthorized.actual).toMatch(/^the judge judge-1 could not be asked: POST .* answered 401/);
  });
});
