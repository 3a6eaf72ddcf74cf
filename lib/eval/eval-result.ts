// What running a dataset produced: the unit the report, the JUnit file and the exit code are made from.
import type { OutcomeCounts } from "../runner/exit-codes";
import type { AssertionResult, AssertionStatus } from "./assertion-result";

export type CaseStatus = AssertionStatus;

export interface CaseResult {
  id: string;
  status: CaseStatus;
  /** The output the assertions were checked against; null when none could be had. */
  output: string | null;
  /** Where the output came from. */
  outputFrom: "model" | "responses" | null;
  /** The model call's latency; null for outputs read from a responses file. */
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** The whole case: model call and judge calls. */
  durationMs: number;
  assertions: AssertionResult[];
  /** Why the case could not be judged (no output), one line each. */
  reasons: string[];
}

export interface EvalRun {
  dataset: string;
  /** The model that produced outputs; null when they came from a responses file. */
  model: string | null;
  judgeModel: string | null;
  /** ISO time the run started. */
  startedAt: string;
  durationMs: number;
  cases: CaseResult[];
}

/** Failed beats inconclusive beats passed: one failed assertion fails the case. */
export function caseStatusOf(assertions: readonly AssertionResult[], reasons: readonly string[]): CaseStatus {
  if (assertions.some((a) => a.status === "failed")) return "failed";
  if (reasons.length > 0 || assertions.some((a) => a.status === "inconclusive")) return "inconclusive";
  return "passed";
}

export function countCases(cases: readonly CaseResult[]): OutcomeCounts {
  const counts: OutcomeCounts = { passed: 0, failed: 0, inconclusive: 0, errors: 0 };
  for (const result of cases) counts[result.status]++;
  return counts;
}
