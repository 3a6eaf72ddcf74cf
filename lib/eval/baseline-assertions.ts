// The assertions an exported case starts with, derived from what production answered: about as
// long, no more refusals than production gave, and JSON when production gave JSON.
import type { EvalAssertion } from "./eval-dataset.schema";
import { characterCount, findPhrase, parseJsonDocument } from "./match-text";
import { REFUSAL_PHRASES } from "./refusal-phrases";

/** Room for a longer but still comparable answer. */
export const MAX_LENGTH_FACTOR = 1.5;

export function baselineAssertions(completion: string): EvalAssertion[] {
  const assertions: EvalAssertion[] = [];
  const length = characterCount(completion);
  // An empty (or unrecorded) completion gives no length to compare with; max_length 0 would fail every answer.
  if (length > 0) assertions.push({ max_length: Math.ceil(length * MAX_LENGTH_FACTOR) });
  if (parseJsonDocument(completion).ok) assertions.push({ is_json: true });
  for (const phrase of REFUSAL_PHRASES) {
    if (findPhrase(completion, phrase) === -1) assertions.push({ not_contains: phrase });
  }
  return assertions;
}
