// Phrases with which chat models decline a request. An export adds a `not_contains` assertion
// for each one the production completion did not use, so a replay that starts refusing fails.
// Matching ignores case and apostrophe style (’ and ').
export const REFUSAL_PHRASES: readonly string[] = [
  "i cannot",
  "i can't help",
  "i can't assist",
  "i can't provide",
  "i can't do that",
  "i'm unable to",
  "i am unable to",
  "i'm not able to",
  "i am not able to",
  "i won't be able to",
  "i must decline",
  "i'm sorry, but",
  "i apologize, but",
  "as an ai",
  "as a language model",
  "against my guidelines",
  "i'm not comfortable",
];
