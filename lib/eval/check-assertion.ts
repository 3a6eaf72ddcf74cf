// The assertions that need nothing but the output. `llm_judge` needs a model: see judge-assertion.ts.
import type { AssertionResult } from "./assertion-result";
import { describeAssertion } from "./describe-assertion";
import type { EvalAssertion, LlmJudgeAssertion } from "./eval-dataset.schema";
import { characterCount, excerpt, findPhrase, parseJsonDocument } from "./match-text";

export type LocalAssertion = Exclude<EvalAssertion, LlmJudgeAssertion>;

function result(assertion: LocalAssertion, passed: boolean, expected: string, actual: string): AssertionResult {
  return { assertion, label: describeAssertion(assertion), status: passed ? "passed" : "failed", expected, actual };
}

export function checkAssertion(assertion: LocalAssertion, output: string): AssertionResult {
  if ("max_length" in assertion) {
    const length = characterCount(output);
    return result(assertion, length <= assertion.max_length, `at most ${assertion.max_length} characters`, `${length} characters: ${excerpt(output)}`);
  }
  if ("contains" in assertion) {
    const at = findPhrase(output, assertion.contains);
    return result(assertion, at !== -1, `contains ${JSON.stringify(assertion.contains)} (ignoring case)`, at === -1 ? `not found in ${excerpt(output)}` : `found: ${excerpt(output, at)}`);
  }
  if ("not_contains" in assertion) {
    const at = findPhrase(output, assertion.not_contains);
    return result(assertion, at === -1, `does not contain ${JSON.stringify(assertion.not_contains)} (ignoring case)`, at === -1 ? "not found" : `found: ${excerpt(output, at)}`);
  }
  if ("is_json" in assertion) {
    const parsed = parseJsonDocument(output);
    const actual = parsed.ok ? `a JSON ${Array.isArray(parsed.value) ? "array" : "object"}: ${excerpt(output)}` : `${parsed.reason}: ${excerpt(output)}`;
    return result(assertion, parsed.ok === assertion.is_json, assertion.is_json ? "a JSON object or array" : "not a JSON object or array", actual);
  }
  // The pattern compiled when the dataset was loaded. A fresh RegExp each time: a "g" or "y" flag would otherwise carry lastIndex over.
  const pattern = new RegExp(assertion.regex, assertion.flags);
  const match = pattern.exec(output);
  return result(assertion, match !== null, `matches /${assertion.regex}/${assertion.flags ?? ""}`, match ? `matched: ${excerpt(output, match.index)}` : `no match in ${excerpt(output)}`);
}
