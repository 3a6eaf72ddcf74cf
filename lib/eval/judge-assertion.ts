// `llm_judge`: a judge model grades the output. Without a judge model, or when the judge cannot
// be asked or gives no verdict, the assertion is inconclusive: an unjudged criterion never passes.
import type { AssertionResult } from "./assertion-result";
import { requestChatCompletion, type ChatEndpoint } from "./chat-client";
import { describeAssertion } from "./describe-assertion";
import type { LlmJudgeAssertion } from "./eval-dataset.schema";
import { judgeMessages, parseJudgeVerdict, type JudgeQuestion } from "./judge-verdict";

export interface Judge {
  model: string;
  endpoint: ChatEndpoint;
}

export const NO_JUDGE_REASON = "no judge model configured (--judge-model or FLOWPRINT_LLM_JUDGE_MODEL)";

export async function judgeAssertion(assertion: LlmJudgeAssertion, question: Omit<JudgeQuestion, "criterion">, judge: Judge | null): Promise<AssertionResult> {
  const base = { assertion, label: describeAssertion(assertion), expected: assertion.value };
  if (!judge) return { ...base, status: "inconclusive", actual: NO_JUDGE_REASON };
  let reply: string;
  try {
    // Temperature 0: the same output should get the same grade from one run to the next.
    reply = (await requestChatCompletion(judge.endpoint, { model: judge.model, messages: judgeMessages({ ...question, criterion: assertion.value }), temperature: 0 })).content;
  } catch (error) {
    return { ...base, status: "inconclusive", actual: `the judge ${judge.model} could not be asked: ${(error as Error).message}` };
  }
  const verdict = parseJudgeVerdict(reply);
  if (verdict.verdict === null) return { ...base, status: "inconclusive", actual: verdict.reason };
  return { ...base, status: verdict.verdict === "pass" ? "passed" : "failed", actual: `${judge.model}: ${verdict.verdict.toUpperCase()}: ${verdict.reason}` };
}
