// `flowprint import`'s report: one line per file, what the server said of it indented below, and
// a summary line.
import { formatImportProblem } from "../trace-formats";
import type { FileImportResult } from "./import-result";

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function formatFileImport(result: FileImportResult): string {
  const { answer } = result;
  if (result.status === "failed" || answer === null) return `failed ${result.path}: ${result.error ?? "no answer"}`;
  const format = answer.format ? ` (${answer.format})` : "";
  const left = [answer.skipped_spans > 0 ? `${answer.skipped_spans} skipped` : "", answer.rejected_spans > 0 ? `${answer.rejected_spans} rejected` : ""].filter(Boolean);
  const head =
    result.status === "rejected"
      ? `not imported ${result.path}${format}: nothing in it could be imported${left.length > 0 ? ` (spans ${left.join(", ")})` : ""}`
      : `imported ${result.path}${format}: ${count(answer.traces, "trace")}, ${count(answer.spans, "span")}${left.length > 0 ? `; ${left.join(", ")}` : ""}`;
  return [head, ...answer.problems.map((problem) => `  ${formatImportProblem(problem)}`)].join("\n");
}

export interface ImportCounts {
  files: number;
  imported: number;
  imported_with_problems: number;
  rejected: number;
  failed: number;
  traces: number;
  spans: number;
  skipped_spans: number;
  rejected_spans: number;
}

export function countImports(results: readonly FileImportResult[]): ImportCounts {
  const counts: ImportCounts = { files: results.length, imported: 0, imported_with_problems: 0, rejected: 0, failed: 0, traces: 0, spans: 0, skipped_spans: 0, rejected_spans: 0 };
  for (const result of results) {
    counts[result.status]++;
    counts.traces += result.answer?.traces ?? 0;
    counts.spans += result.answer?.spans ?? 0;
    counts.skipped_spans += result.answer?.skipped_spans ?? 0;
    counts.rejected_spans += result.answer?.rejected_spans ?? 0;
  }
  return counts;
}

export function formatImportSummary(counts: ImportCounts): string {
  const imported = counts.imported + counts.imported_with_problems;
  const problems = counts.imported_with_problems > 0 ? ` (${counts.imported_with_problems} with problems)` : "";
  const notImported = counts.rejected + counts.failed;
  return `${count(counts.files, "file")}: ${imported} imported${problems}, ${notImported} not imported; ${count(counts.traces, "trace")}, ${count(counts.spans, "span")}`;
}
