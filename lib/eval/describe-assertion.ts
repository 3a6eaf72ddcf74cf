// Assertions as people read them in reports: `max_length 300`, `regex /^\{/s`, `llm_judge "…"`:
// the type as the file writes it, then its value.
import type { EvalAssertion } from "./eval-assertion.schema";

const quoted = (text: string, width = 60) => JSON.stringify(text.length > width ? `${text.slice(0, width - 1)}…` : text);

export function describeAssertion(assertion: EvalAssertion): string {
  switch (assertion.type) {
    case "max_length":
    case "is_json":
    case "contains_json":
      return `${assertion.type} ${assertion.value}`;
    case "regex":
    case "not_regex":
      return `${assertion.type} /${assertion.value}/${assertion.flags ?? ""}`;
    default:
      return `${assertion.type} ${quoted(assertion.value)}`;
  }
}
