// One verdict from two witnesses: the runner saw the responses, Flowprint saw the trace. A
// wrong response or a wrong trace is a failure; a trace nobody could judge is inconclusive,
// never a pass, since a broken tracing pipeline must not look like a healthy system.
import type { TestStatus, TraceVerdict } from "./test-run";

export interface RunEvidence {
  /** Setup steps that failed: the state the test needs could not be created. */
  setupFailures?: readonly string[];
  requestFailures: readonly string[];
  validation: TraceVerdict | null;
  /** Problems on the runner's or Flowprint's side: an unknown variable, Flowprint unreachable. */
  runnerProblems: readonly string[];
}

export function combineOutcome(evidence: RunEvidence): { status: TestStatus; reasons: string[] } {
  const setupFailures = evidence.setupFailures ?? [];
  const reasons = [...evidence.runnerProblems, ...(evidence.validation?.reasons ?? [])];
  if (setupFailures.length > 0 || evidence.requestFailures.length > 0 || evidence.validation?.status === "failed") return { status: "failed", reasons };
  if (!evidence.validation || evidence.validation.status === "inconclusive" || evidence.runnerProblems.length > 0) {
    if (reasons.length === 0) reasons.push("Flowprint gave no verdict on the run's trace");
    return { status: "inconclusive", reasons };
  }
  return { status: "passed", reasons };
}
