// The assertions that need nothing but the output. `llm_judge` needs a model: see judge-assertion.ts.
// Where a type is also promptfoo's, it passes and fails as promptfoo's does: `contains`, `equals`,
// `starts_with` and `regex` compare exactly, the `i` forms ignore case, `is_json` takes any JSON
// value, `not_` inverts. Flowprint's one addition: `icontains` also takes ’ for ' (models write both).
import type { AssertionResult } from "./assertion-result";
import { describeAssertion } from "./describe-assertion";
import type { EvalAssertion, LlmJudgeAssertion, TextAssertionType } from "./eval-assertion.schema";
import { characterCount, describeJsonValue, excerpt, findJsonObject, findPhrase, parseJson } from "./match-text";

export type LocalAssertion = Exclude<EvalAssertion, LlmJudgeAssertion>;

function result(assertion: LocalAssertion, passed: boolean, expected: string, actual: string): AssertionResult {
  return { assertion, label: describeAssertion(assertion), status: passed ? "passed" : "failed", expected, actual };
}

interface TextCheck {
  /** Where the value is in the output (the excerpt starts there), -1 when the output does not have it. */
  find(output: string, value: string): number;
  /** What the assertion asks for, and what its `not_` form asks for. */
  wants(value: string): string;
  wantsNot(value: string): string;
  /** What the output had, when it had the value and when it did not. */
  had(output: string, at: number): string;
  lacked(output: string): string;
}

const quote = (value: string) => JSON.stringify(value);

const CONTAINS: TextCheck = {
  find: (output, value) => output.indexOf(value),
  wants: (value) => `contains ${quote(value)} (case-sensitive)`,
  wantsNot: (value) => `does not contain ${quote(value)} (case-sensitive)`,
  had: (output, at) => `found: ${excerpt(output, at)}`,
  lacked: (output) => `not found in ${excerpt(output)}`,
};
const ICONTAINS: TextCheck = {
  ...CONTAINS,
  find: findPhrase,
  wants: (value) => `contains ${quote(value)} (ignoring case)`,
  wantsNot: (value) => `does not contain ${quote(value)} (ignoring case)`,
};
const EQUALS: TextCheck = {
  find: (output, value) => (output === value ? 0 : -1),
  wants: (value) => `exactly ${quote(value)}`,
  wantsNot: (value) => `anything but exactly ${quote(value)}`,
  had: (output) => `exactly that: ${excerpt(output)}`,
  lacked: (output) => `${characterCount(output)} characters: ${excerpt(output)}`,
};
const STARTS_WITH: TextCheck = {
  find: (output, value) => (output.startsWith(value) ? 0 : -1),
  wants: (value) => `starts with ${quote(value)}`,
  wantsNot: (value) => `does not start with ${quote(value)}`,
  had: (output) => `starts so: ${excerpt(output)}`,
  lacked: (output) => `starts otherwise: ${excerpt(output)}`,
};

const TEXT_CHECKS: Record<TextAssertionType, { check: TextCheck; negated: boolean }> = {
  contains: { check: CONTAINS, negated: false },
  not_contains: { check: CONTAINS, negated: true },
  icontains: { check: ICONTAINS, negated: false },
  not_icontains: { check: ICONTAINS, negated: true },
  equals: { check: EQUALS, negated: false },
  not_equals: { check: EQUALS, negated: true },
  starts_with: { check: STARTS_WITH, negated: false },
  not_starts_with: { check: STARTS_WITH, negated: true },
};

function checkText(assertion: Extract<LocalAssertion, { type: TextAssertionType }>, output: string): AssertionResult {
  const { check, negated } = TEXT_CHECKS[assertion.type];
  const at = check.find(output, assertion.value);
  const expected = negated ? check.wantsNot(assertion.value) : check.wants(assertion.value);
  return result(assertion, (at !== -1) !== negated, expected, at !== -1 ? check.had(output, at) : check.lacked(output));
}

export function checkAssertion(assertion: LocalAssertion, output: string): AssertionResult {
  switch (assertion.type) {
    case "max_length": {
      const length = characterCount(output);
      return result(assertion, length <= assertion.value, `at most ${assertion.value} characters`, `${length} characters: ${excerpt(output)}`);
    }
    case "is_json": {
      const parsed = parseJson(output);
      const actual = parsed.ok ? `${describeJsonValue(parsed.value)}: ${excerpt(output)}` : `${parsed.reason}: ${excerpt(output)}`;
      return result(assertion, parsed.ok === assertion.value, assertion.value ? "valid JSON (any JSON value)" : "not valid JSON", actual);
    }
    case "contains_json": {
      const at = findJsonObject(output);
      return result(assertion, (at !== -1) === assertion.value, assertion.value ? "a JSON object somewhere in the output" : "no JSON object anywhere in the output", at === -1 ? `no JSON object in ${excerpt(output)}` : `found: ${excerpt(output, at)}`);
    }
    case "regex":
    case "not_regex": {
      // The pattern compiled when the dataset was loaded. A fresh RegExp each time: a "g" or "y" flag would otherwise carry lastIndex over.
      const match = new RegExp(assertion.value, assertion.flags).exec(output);
      const pattern = `/${assertion.value}/${assertion.flags ?? ""}`;
      const negated = assertion.type === "not_regex";
      return result(assertion, (match !== null) !== negated, `${negated ? "does not match" : "matches"} ${pattern}`, match ? `matched: ${excerpt(output, match.index)}` : `no match in ${excerpt(output)}`);
    }
    default:
      return checkText(assertion, output);
  }
}
