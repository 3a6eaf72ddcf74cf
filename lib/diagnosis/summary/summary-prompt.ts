// The model is asked to explain a diagnosis from its numbered facts only, citing them, briefly.
import type { ChatMessage } from "../../export/ai-draft/draft-types";
import type { DiagnosisFact } from "./diagnosis-facts";

export const SUMMARY_MAX_WORDS = 120;

export function buildSummaryMessages(scopeName: string, facts: readonly DiagnosisFact[]): ChatMessage[] {
  return [
    {
      role: "system",
      content: [
        "You explain, for an engineer, why requests to one entry point of a system fail or are slow.",
        "Use only the numbered facts you are given; do not guess causes the facts do not show.",
        "Cite every fact you rely on by its number in square brackets, like [F2].",
        "When a fact says no attribute separates failing (or slow) traces, say so plainly.",
        `Answer in plain prose, at most ${SUMMARY_MAX_WORDS} words, no headings or lists.`,
      ].join(" "),
    },
    { role: "user", content: `Diagnosis of ${scopeName}:\n${facts.map((fact) => `[${fact.id}] ${fact.text}`).join("\n")}` },
  ];
}
