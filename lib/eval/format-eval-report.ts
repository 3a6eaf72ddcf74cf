// The report a person reads in a terminal or a CI log: a line per case, under a failed case
// each failing assertion with what it expected and what the output had, then a summary line.
import { formatDuration } from "../format/format-time";
import { PLAIN, type Palette } from "../runner/format-report";
import type { AssertionResult } from "./assertion-result";
import type { CaseResult, CaseStatus } from "./eval-result";

const MARKERS: Record<CaseStatus, string> = { passed: "✓", failed: "✗", inconclusive: "?" };

function tint(status: CaseStatus, palette: Palette): (text: string) => string {
  return status === "passed" ? palette.green : status === "failed" ? palette.red : palette.yellow;
}

function usage(result: CaseResult): string {
  const parts: string[] = [];
  if (result.latencyMs !== null) parts.push(`model ${formatDuration(result.latencyMs)}`);
  if (result.inputTokens !== null || result.outputTokens !== null) parts.push(`${result.inputTokens ?? "?"} → ${result.outputTokens ?? "?"} tokens`);
  if (result.outputFrom === "responses") parts.push("output from responses file");
  return parts.join(", ");
}

/** A failed assertion as the lines of its report: also the text of its JUnit failure. */
export function failedAssertionLines(assertion: AssertionResult): string[] {
  return [`${assertion.label}`, `  expected: ${assertion.expected}`, `  actual:   ${assertion.actual}`];
}

export function formatCaseResult(result: CaseResult, palette: Palette = PLAIN): string {
  const color = tint(result.status, palette);
  const details = usage(result);
  const lines = [`${color(MARKERS[result.status])} ${palette.bold(result.id)} ${color(result.status)} ${palette.dim(`in ${formatDuration(result.durationMs)}${details ? `  ${details}` : ""}`)}`];
  for (const assertion of result.assertions) {
    if (assertion.status === "failed") {
      const [label, ...rest] = failedAssertionLines(assertion);
      lines.push(`  ${palette.red("-")} ${label}`, ...rest.map((line) => `    ${line}`));
    } else if (assertion.status === "inconclusive") {
      lines.push(`  ${palette.yellow("?")} ${assertion.label}: ${assertion.actual}`);
    }
  }
  for (const reason of result.reasons) lines.push(`  ${palette.yellow("-")} ${reason}`);
  return lines.join("\n");
}
