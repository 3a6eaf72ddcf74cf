// Slowness is confirmed before it fails a test: one slow span can be a scheduling hiccup of a
// loaded machine, a regression is slow again. A run whose only fault is slow spans is repeated
// once, and the second run decides.
import type { TestRun } from "./test-run";

export function failedOnlyBySlowness(run: TestRun): boolean {
  const v = run.validation;
  return (
    run.status === "failed" &&
    run.requestFailures.length === 0 &&
    v !== null &&
    v.slow_spans.length > 0 &&
    v.missing_nodes.length === 0 &&
    v.unexpected_nodes.length === 0 &&
    v.order_violations.length === 0 &&
    v.error_spans.every((e) => e.expected) &&
    v.failed_assertions.length === 0 &&
    (v.step_results ?? []).every((s) => s.status !== "failed")
  );
}

/** The second run's result, saying what the first one saw. */
export function withFirstRun(second: TestRun, first: TestRun): TestRun {
  const slow = first.validation!.slow_spans.map((s) => `${s.node} took ${s.duration_ms} ms (budget ${s.budget_ms} ms)`).join("; ");
  const note =
    second.status === "passed"
      ? `the first run (execution ${first.executionId}) was slow once and not again: ${slow}`
      : `slowness confirmed by a second run; the first (execution ${first.executionId}) saw: ${slow}`;
  return { ...second, durationMs: first.durationMs + second.durationMs, reasons: [...second.reasons, note] };
}
