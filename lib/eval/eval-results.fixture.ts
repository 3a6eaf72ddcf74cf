// Case results of each status, for the report's and the JUnit file's tests.
import type { CaseResult, EvalRun } from "./eval-result";

export const passedCase: CaseResult = {
  id: "case-1",
  status: "passed",
  output: "It ships Friday.",
  outputFrom: "model",
  latencyMs: 812,
  inputTokens: 42,
  outputTokens: 5,
  durationMs: 830,
  assertions: [{ assertion: { type: "max_length", value: 40 }, label: "max_length 40", status: "passed", expected: "at most 40 characters", actual: '16 characters: "It ships Friday."' }],
  reasons: [],
};

export const failedCase: CaseResult = {
  id: "case-2",
  status: "failed",
  output: "I cannot <share> that & more",
  outputFrom: "model",
  latencyMs: 1_200,
  inputTokens: 30,
  outputTokens: null,
  durationMs: 1_500,
  assertions: [
    { assertion: { type: "max_length", value: 10 }, label: "max_length 10", status: "failed", expected: "at most 10 characters", actual: '28 characters: "I cannot <share> that & more"' },
    { assertion: { type: "not_icontains", value: "i cannot" }, label: 'not_icontains "i cannot"', status: "failed", expected: 'does not contain "i cannot" (ignoring case)', actual: 'found: "I cannot <share> that & more"' },
    { assertion: { type: "llm_judge", value: "polite" }, label: 'llm_judge "polite"', status: "inconclusive", expected: "polite", actual: "no judge model configured" },
  ],
  reasons: [],
};

export const inconclusiveCase: CaseResult = {
  id: "case-3",
  status: "inconclusive",
  output: null,
  outputFrom: null,
  latencyMs: null,
  inputTokens: null,
  outputTokens: null,
  durationMs: 4,
  assertions: [],
  reasons: ['the responses file has no output for case "case-3"'],
};

export const sampleRun: EvalRun = {
  dataset: "exported-trace-4bf92f35",
  model: "gpt-test",
  judgeModel: null,
  startedAt: "2026-03-01T10:00:00.000Z",
  durationMs: 2_334,
  cases: [passedCase, failedCase, inconclusiveCase],
};
