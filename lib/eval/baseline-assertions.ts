// The assertions an exported case starts with, derived from what production answered: about as
// long, no refusal unless production refused, and JSON when production gave JSON.
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
  if (!isRefusal(completion)) {
    for (const phrase of REFUSAL_PHRASES) assertions.push({ not_contains: phrase });
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
