// `flowprint eval run --output json`: the report as one document, each case with its output and
// every assertion's verdict (the text report shows only the failing ones). It sits with the other
// commands' documents; the shapes it reads are lib/eval's.
import type { AssertionResult } from "../eval/assertion-result";
import type { CaseResult, EvalRun } from "../eval/eval-result";
import type { OutcomeCounts } from "./exit-codes";

export interface EvalAssertionJson {
  /** The assertion as the dataset holds it: {type, value, flags?}. */
  assertion: AssertionResult["assertion"];
  label: string;
  status: AssertionResult["status"];
  expected: string;
  actual: string;
}

export interface EvalCaseJson {
  id: string;
  status: CaseResult["status"];
  output: string | null;
  output_from: CaseResult["outputFrom"];
  latency_ms: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  duration_ms: number;
  assertions: EvalAssertionJson[];
  reasons: string[];
}

export interface EvalReportJson {
  command: "eval run";
  dataset: { file: string; name: string | null };
  model: string | null;
  judge_model: string | null;
  responses_file: string | null;
  started_at: string | null;
  duration_ms: number | null;
  cases: EvalCaseJson[];
  counts: { passed: number; failed: number; inconclusive: number };
  junit_file: string | null;
  /** The dataset or responses file that could not be loaded (exit 1); null when both loaded. */
  load_error: { file: string; message: string } | null;
  warnings: string[];
  errors: string[];
  exit_code: number;
}

export interface EvalReportInput {
  datasetFile: string;
  responsesFile: string | null;
  junitFile: string | null;
  /** null when the inputs did not load and nothing ran. */
  run: EvalRun | null;
  counts: OutcomeCounts;
  loadError: { file: string; message: string } | null;
  warnings: string[];
  errors: string[];
  exitCode: number;
}

function caseJson(result: CaseResult): EvalCaseJson {
  return {
    id: result.id,
    status: result.status,
    output: result.output,
    output_from: result.outputFrom,
    latency_ms: result.latencyMs,
    input_tokens: result.inputTokens,
    output_tokens: result.outputTokens,
    duration_ms: result.durationMs,
    assertions: result.assertions.map(({ assertion, label, status, expected, actual }) => ({ assertion, label, status, expected, actual })),
    reasons: result.reasons,
  };
}

export function evalReportJson(input: EvalReportInput): EvalReportJson {
  const { run } = input;
  return {
    command: "eval run",
    dataset: { file: input.datasetFile, name: run?.dataset ?? null },
    model: run?.model ?? null,
    judge_model: run?.judgeModel ?? null,
    responses_file: input.responsesFile,
    started_at: run?.startedAt ?? null,
    duration_ms: run?.durationMs ?? null,
    cases: (run?.cases ?? []).map(caseJson),
    counts: { passed: input.counts.passed, failed: input.counts.failed, inconclusive: input.counts.inconclusive },
    junit_file: input.junitFile,
    load_error: input.loadError,
    warnings: input.warnings,
    errors: input.errors,
    exit_code: input.exitCode,
  };
}
