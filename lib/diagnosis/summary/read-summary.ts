// A model's summary as shown: trimmed and bounded, with the facts it cites (citations of facts
// that do not exist are dropped from the list, and the text says it cites none when it doesn't).
import { clipText } from "../../export/ai-draft/clip-text";
import type { DiagnosisFact } from "./diagnosis-facts";

export const MAX_SUMMARY_BYTES = 2_000;

export interface ReadSummary {
  text: string;
  citedFacts: DiagnosisFact[];
}

export function readSummary(reply: string, facts: readonly DiagnosisFact[]): ReadSummary {
  const text = clipText(reply.trim(), MAX_SUMMARY_BYTES);
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const cited = new Set<string>();
  for (const match of text.matchAll(/\[(F\d+)(?:\s*,\s*(F\d+))*\]/g)) {
    for (const id of match[0].slice(1, -1).split(",")) cited.add(id.trim());
  }
  return { text, citedFacts: facts.filter((fact) => cited.has(fact.id) && byId.has(fact.id)) };
}
