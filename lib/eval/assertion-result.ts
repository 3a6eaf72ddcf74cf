// What checking one assertion against one output found, in words a report can show as they are.
import type { EvalAssertion } from "./eval-dataset.schema";

export type AssertionStatus = "passed" | "failed" | "inconclusive";

export interface AssertionResult {
  assertion: EvalAssertion;
  /** The assertion as a person reads it, e.g. `max_length 300`, `not_contains "i cannot"`. */
  label: string;
  status: AssertionStatus;
  /** What the assertion asks for, e.g. `at most 300 characters`. */
  expected: string;
  /** What the output had, with an excerpt where it helps; for inconclusive, why it could not be judged. */
  actual: string;
}
