// The question put to a judge model for an `llm_judge` assertion, and how its answer is read:
// a verdict line (PASS or FAIL) and a reason. An answer with no clear verdict judges nothing.
import type { EvalMessage } from "./eval-dataset.schema";

export interface JudgeQuestion {
  criterion: string;
  /** The case's input: many criteria ("answers the question") mean nothing without it. */
  input: string;
  output: string;
  /** Production's answer, for criteria that compare with it. */
  reference?: string;
}

const INSTRUCTIONS = [
  "You grade one output of a language model against one criterion.",
  "Answer with PASS or FAIL on the first line, then one sentence giving the reason.",
  "PASS only when the output clearly meets the criterion.",
].join(" ");

export function judgeMessages(question: JudgeQuestion): EvalMessage[] {
  const parts = [`Criterion:\n${question.criterion}`, `Input:\n${question.input}`];
  if (question.reference) parts.push(`Reference output (what production answered):\n${question.reference}`);
  parts.push(`Output to grade:\n${question.output}`);
  return [
    { role: "system", content: INSTRUCTIONS },
    { role: "user", content: parts.join("\n\n") },
  ];
}

export type JudgeVerdict = { verdict: "pass" | "fail"; reason: string } | { verdict: null; reason: string };

// "PASS", "**FAIL**", "Verdict: PASS - ...": judges decorate the word, so look past punctuation and a label.
const VERDICT_LINE = /^[\s*_#>`"'-]*(?:verdict|result|grade)?[\s*_:"'-]*(PASS|FAIL)\b[\s*_.:"'`-]*(.*)$/i;

export function parseJudgeVerdict(reply: string): JudgeVerdict {
  const lines = reply.split(/\r?\n/);
  const index = lines.findIndex((line) => VERDICT_LINE.test(line));
  if (index === -1) return { verdict: null, reason: `the judge gave no PASS/FAIL verdict: ${JSON.stringify(reply.trim().slice(0, 200))}` };
  const [, word, rest] = VERDICT_LINE.exec(lines[index])!;
  const reason = [rest, ...lines.slice(index + 1)].map((line) => line.trim()).filter(Boolean).join(" ");
  return { verdict: word.toUpperCase() === "PASS" ? "pass" : "fail", reason: reason || "(no reason given)" };
}
