// `flowprint run --output json`: the report as one document. The same facts as the text report
// (each test's verdict and why, the files that did not load, the counts), plus the server's whole
// verdict so a script need not parse the sentences.
import type { OutcomeCounts } from "./exit-codes";
import { diagnosisLines, failureLines } from "./format-report";
import type { FileError, FileResult, TestStatus, TraceVerdict } from "./test-run";

export interface RunTestJson {
  file: string;
  name: string;
  status: TestStatus;
  duration_ms: number;
  execution_id: string | null;
  trace_id: string | null;
  /** Why it failed, one line per part, as the text report leads a failed test with them. */
  diagnosis: string[];
  /** What failed, one line each; empty unless the test failed. */
  failures: string[];
  /** Why it could not be judged, or notes beside a failure (a slow first run). */
  reasons: string[];
  /** Flowprint's verdict on the run's trace; null when none was had. */
  validation: TraceVerdict | null;
}

export interface RunReportJson {
  command: "run";
  server: string;
  workspace: string;
  base_url: string | null;
  tests: RunTestJson[];
  file_errors: FileError[];
  counts: { passed: number; failed: number; inconclusive: number; files_not_loaded: number };
  junit_file: string | null;
  /** What went wrong outside the tests (a report that could not be written). */
  errors: string[];
  exit_code: number;
}

export interface RunReportInput {
  server: string;
  workspace: string;
  baseUrl: string | null;
  results: readonly FileResult[];
  counts: OutcomeCounts;
  junitFile: string | null;
  errors: string[];
  exitCode: number;
}

export function runReportJson(input: RunReportInput): RunReportJson {
  const tests: RunTestJson[] = [];
  const fileErrors: FileError[] = [];
  for (const result of input.results) {
    if (result.kind === "error") {
      fileErrors.push(result.error);
      continue;
    }
    const { run } = result;
    tests.push({
      file: run.file,
      name: run.name,
      status: run.status,
      duration_ms: run.durationMs,
      execution_id: run.executionId,
      trace_id: run.traceId,
      diagnosis: diagnosisLines(run),
      failures: run.status === "failed" ? failureLines(run) : [],
      reasons: run.reasons,
      validation: run.validation,
    });
  }
  const { passed, failed, inconclusive, errors } = input.counts;
  return {
    command: "run",
    server: input.server,
    workspace: input.workspace,
    base_url: input.baseUrl,
    tests,
    file_errors: fileErrors,
    counts: { passed, failed, inconclusive, files_not_loaded: errors },
    junit_file: input.junitFile,
    errors: input.errors,
    exit_code: input.exitCode,
  };
}
