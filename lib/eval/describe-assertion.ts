// Assertions as people read them in reports: `max_length 300`, `regex /^\{/s`, `llm_judge "…"`.
import type { EvalAssertion } from "./eval-dataset.schema";

const quoted = (text: string, width = 60) => JSON.stringify(text.length > width ? `${text.slice(0, width - 1)}…` : text);

export function describeAssertion(assertion: EvalAssertion): string {
  if ("max_length" in assertion) return `max_length ${assertion.max_length}`;
  if ("contains" in assertion) return `contains ${quoted(assertion.contains)}`;
  if ("not_contains" in assertion) return `not_contains ${quoted(assertion.not_contains)}`;
  if ("is_json" in assertion) return `is_json ${assertion.is_json}`;
  if ("regex" in assertion) return `regex /${assertion.regex}/${assertion.flags ?? ""}`;
  return `llm_judge ${quoted(assertion.llm_judge)}`;
}
