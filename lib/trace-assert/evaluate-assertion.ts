// Runs one trace_assert expression against the trace a test produced. Only a clean `false`
// fails a test; an expression that cannot be read, or that does not apply to this trace, is
// inconclusive, so a broken assertion never masquerades as a broken system.
import type { Expr } from "./ast";
import { EvaluationError } from "./evaluation-error";
import { describeValue, evaluateExpr } from "./evaluate-expr";
import { explainFalse } from "./explain-false";
import { parseAssertion } from "./parse-assertion";
import { sourceOf, type Scope } from "./scope";
import { sourcePosition } from "./source-position";
import type { TraceContext } from "./trace-context";
import { collectEntities } from "./value";

export type AssertionOutcome =
  | { status: "passed"; value: unknown }
  | { status: "failed"; value: unknown; detail: string }
  | { status: "inconclusive"; reason: string };

export function evaluateAssertion(source: string, trace: TraceContext): AssertionOutcome {
  const parsed = parseAssertion(source);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { status: "inconclusive", reason: `syntax error at line ${line}, column ${column}: ${message}` };
  }
  const scope: Scope = { source, trace, entities: collectEntities(trace) };
  try {
    const value = evaluateExpr(parsed.ast, scope);
    if (value === true) return { status: "passed", value };
    if (value === false) return { status: "failed", value, detail: explainSafely(parsed.ast, scope) };
    return { status: "inconclusive", reason: `the expression gives ${describeValue(value, scope)}, not true or false` };
  } catch (error) {
    if (error instanceof EvaluationError) {
      const { line, column } = sourcePosition(source, error.at.start);
      return { status: "inconclusive", reason: `evaluation error at line ${line}, column ${column}: ${error.message}` };
    }
    if (error instanceof RangeError) return { status: "inconclusive", reason: "the expression is too deeply nested to evaluate" };
    throw error;
  }
}

/** The verdict is already known to be false; a hiccup while explaining it must not change it. */
function explainSafely(expr: Expr, scope: Scope): string {
  try {
    return explainFalse(expr, scope);
  } catch {
    return `${sourceOf(expr, scope)} was false`;
  }
}
