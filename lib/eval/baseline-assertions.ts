// The assertions an exported case starts with, derived from what production answered: about as
// long, no refusal unless production refused, and JSON when production gave JSON.
import type { EvalAssertion } from "./eval-assertion.schema";
import { characterCount, findPhrase, parseJsonDocument } from "./match-text";
import { REFUSAL_PHRASES } from "./refusal-phrases";

/** Room for a longer but still comparable answer. */
export const MAX_LENGTH_FACTOR = 1.5;

export function baselineAssertions(completion: string): EvalAssertion[] {
  const assertions: EvalAssertion[] = [];
  const length = characterCount(completion);
  // An empty (or unrecorded) completion gives no length to compare with; max_length 0 would fail every answer.
  if (length > 0) assertions.push({ type: "max_length", value: Math.ceil(length * MAX_LENGTH_FACTOR) });
  // Only an object or array: a prose answer that happens to parse ("42", "true") promised no JSON.
  if (parseJsonDocument(completion).ok) assertions.push({ type: "is_json", value: true });
  if (!isRefusal(completion)) {
    // not_icontains: models write "I cannot" and "i cannot" alike; not_contains would see only the case given.
    for (const phrase of REFUSAL_PHRASES) assertions.push({ type: "not_icontains", value: phrase });
  }
  return assertions;
}

/**
 * Production's answer used a refusal phrase: it declined, and its own words are the baseline.
 * A replay that declines in other words ("I am unable to" for "I'm sorry, but") behaves as
 * production did, so no refusal phrase is asserted absent, not only the ones production used.
 * An answer that merely says "I cannot find that order" loses the refusal checks too: a check
 * missed is better than a faithful replay failed.
 */
export function isRefusal(completion: string): boolean {
  return REFUSAL_PHRASES.some((phrase) => findPhrase(completion, phrase) !== -1);
}
