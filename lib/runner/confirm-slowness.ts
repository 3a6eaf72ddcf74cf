// Slowness is confirmed before it fails a test: one slow span can be a scheduling hiccup of a
// loaded machine, a regression is slow again. A run whose only fault is slow spans is repeated
// once, and the second run decides.
import type { TestRun } from "./test-run";

/**
 * An exported test's budget for the whole trace (`trace.duration_ms < 1000`) fails with the
 * slow spans that caused it: it is slowness too, not a fault of its own.
 */
export function isTraceBudgetAssertion(expression: string): boolean {
  return /^\s*trace\.duration_ms\s*<=?\s*[\d.]+\s*$/.test(expression);
}

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
    v.failed_assertions.every((a) => isTraceBudgetAssertion(a.expression)) &&
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
