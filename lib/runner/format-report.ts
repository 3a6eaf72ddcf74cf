// The report a person reads in a terminal or a CI log: one block per test, what went wrong in
// the words of the trace (nodes, spans, assertions), and a summary line.
import { formatDuration } from "../format/format-time";
import { describeRunDiagnosis, withoutCodeMarks } from "../validation/describe-run-diagnosis";
import type { OutcomeCounts } from "./exit-codes";
import type { FileError, FileResult, TestRun, TestStatus } from "./test-run";

export interface Palette {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const same = (text: string) => text;
export const PLAIN: Palette = { green: same, red: same, yellow: same, dim: same, bold: same };

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
export const ANSI: Palette = { green: ansi(32, 39), red: ansi(31, 39), yellow: ansi(33, 39), dim: ansi(2, 22), bold: ansi(1, 22) };

const MARKERS: Record<TestStatus, string> = { passed: "✓", failed: "✗", inconclusive: "?" };

function tint(status: TestStatus, palette: Palette): (text: string) => string {
  return status === "passed" ? palette.green : status === "failed" ? palette.red : palette.yellow;
}

type Node = { type: string; identifier: string; service?: string };
const node = (n: Node) => `${n.type} ${n.identifier}${n.service ? ` (service ${n.service})` : ""}`;

/** Everything that made a run fail, one line each: also the text of its JUnit failure. */
export function failureLines(run: TestRun): string[] {
  const lines = [...run.setupFailures.map((f) => `setup failed: ${f}`), ...run.requestFailures];
  const v = run.validation;
  if (!v) return lines;
  for (const n of v.missing_nodes) lines.push(`missing node: ${node(n)}, expected at position ${n.index + 1}`);
  for (const n of v.unexpected_nodes) lines.push(`unexpected node: ${node(n)} at position ${n.index + 1}`);
  for (const n of v.order_violations) lines.push(`out of order: ${node(n)} expected at position ${n.expected_index + 1}, seen at ${n.actual_index + 1}`);
  for (const s of v.slow_spans) {
    lines.push(`slow span: ${s.node} (${s.service} "${s.operation}") took ${formatDuration(s.duration_ms)}, budget ${formatDuration(s.budget_ms)}${s.p95_ms === null ? "" : ` (P95 ${formatDuration(s.p95_ms)})`}`);
  }
  for (const e of v.error_spans) {
    if (!e.expected) lines.push(`error span: ${e.service} "${e.operation}"${e.message ? `: ${e.message}` : ""}`);
  }
  for (const a of v.failed_assertions) lines.push(`assertion failed: ${a.expression} (${a.detail})`);
  for (const step of v.step_results ?? []) {
    for (const n of step.missing_nodes) lines.push(`step ${step.id}: missing node: ${node(n)}, expected at position ${n.index + 1}`);
    for (const n of step.unexpected_nodes) lines.push(`step ${step.id}: unexpected node: ${node(n)} at position ${n.index + 1}`);
    for (const n of step.order_violations) lines.push(`step ${step.id}: out of order: ${node(n)} expected at position ${n.expected_index + 1}, seen at ${n.actual_index + 1}`);
  }
  return lines;
}

/** Why the run failed, one line each (first divergence, error chain, slow nodes): the report's and the JUnit failure's first lines. */
export function diagnosisLines(run: TestRun): string[] {
  return describeRunDiagnosis(run.validation?.diagnosis).map((line) => `${line.label}: ${withoutCodeMarks(line.text)}`);
}

export function formatTestRun(run: TestRun, palette: Palette = PLAIN): string {
  const color = tint(run.status, palette);
  const lines = [`${color(MARKERS[run.status])} ${palette.bold(run.name)} ${color(run.status)} ${palette.dim(`in ${formatDuration(run.durationMs)}`)}`];
  const ids = [run.executionId && `execution ${run.executionId}`, run.traceId && `trace ${run.traceId}`].filter(Boolean).join("  ");
  lines.push(palette.dim(`  ${run.file}${ids ? `  ${ids}` : ""}`));
  for (const line of describeRunDiagnosis(run.validation?.diagnosis)) lines.push(`  ${palette.bold(`${line.label}:`)} ${withoutCodeMarks(line.text)}`);
  if (run.status === "failed") for (const line of failureLines(run)) lines.push(`  ${palette.red("-")} ${line}`);
  // Next to a failure the reasons are side notes; for an inconclusive run they are the answer.
  for (const reason of run.reasons) lines.push(`  ${palette.yellow(run.status === "inconclusive" ? "-" : "note:")} ${reason}`);
  return lines.join("\n");
}

export function formatFileError(error: FileError, palette: Palette = PLAIN): string {
  return `${palette.red("✗")} ${palette.bold(error.file)} ${palette.red("could not be loaded")}\n${error.message
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n")}`;
}

export function countResults(results: readonly FileResult[]): OutcomeCounts {
  const counts: OutcomeCounts = { passed: 0, failed: 0, inconclusive: 0, errors: 0 };
  for (const result of results) {
    if (result.kind === "error") counts.errors++;
    else counts[result.run.status]++;
  }
  return counts;
}

export function formatSummary(counts: OutcomeCounts, palette: Palette = PLAIN): string {
  const part = (n: number, text: string, color: (t: string) => string) => (n > 0 ? color(`${n} ${text}`) : `${n} ${text}`);
  const parts = [part(counts.passed, "passed", palette.green), part(counts.failed, "failed", palette.red), part(counts.inconclusive, "inconclusive", palette.yellow)];
  if (counts.errors > 0) parts.push(palette.red(`${counts.errors} ${counts.errors === 1 ? "file" : "files"} not loaded`));
  return parts.join(", ");
}
