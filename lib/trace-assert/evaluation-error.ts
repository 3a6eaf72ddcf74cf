// A problem with the expression meeting this trace (nil where a span was expected, a string
// compared with a number, an unknown function). It makes an assertion inconclusive, never
// failed: the test did not show the system misbehaving, only the assertion not applying.
import type { SourceRange } from "./ast";

export class EvaluationError extends Error {
  constructor(
    message: string,
    readonly at: SourceRange,
  ) {
    super(message);
    this.name = "EvaluationError";
  }
}
