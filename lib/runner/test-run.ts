// What running one test file produced: the unit the report, the JUnit file and the exit code
// are made from.
import type { TraceValidation } from "../validation/validate-trace";

export type TestStatus = "passed" | "failed" | "inconclusive";

/** The server's verdict on the run's trace (GET .../trace-validation once it is not running). */
export type TraceVerdict = TraceValidation & { execution_id: string; trace_id: string };

export interface TestRun {
  file: string;
  name: string;
  status: TestStatus;
  durationMs: number;
  executionId: string | null;
  traceId: string | null;
  /** Setup steps that failed (the test's own requests were then not sent). */
  setupFailures: string[];
  /** What the system under test did wrong on the runner's side: statuses, unreachable, missing response values. */
  requestFailures: string[];
  validation: TraceVerdict | null;
  /** Why the run could not be judged (or, next to a failure, what else went wrong). */
  reasons: string[];
}

/** A file that could not be read or is not a valid test: no run happened. */
export interface FileError {
  file: string;
  message: string;
}

export type FileResult = { kind: "run"; run: TestRun } | { kind: "error"; error: FileError };
