// `flowprint import --output json`: the report as one document, a file per entry with the
// server's counts and problems as it answered them.
import type { ImportCounts } from "./format-import-report";
import type { FileImportResult, FileImportStatus, ImportAnswer } from "./import-result";

/** One file: the server's answer's counts and problems, and what was sent. */
export interface ImportFileJson extends ImportAnswer {
  path: string;
  file_name: string;
  bytes: number;
  gzip: boolean;
  status: FileImportStatus;
  http_status: number | null;
  error: string | null;
}

export interface ImportReportJson {
  command: "import";
  server: string;
  workspace: string;
  files: ImportFileJson[];
  counts: ImportCounts;
  exit_code: number;
}

export function importReportJson(input: { server: string; workspace: string; results: readonly FileImportResult[]; counts: ImportCounts; exitCode: number }): ImportReportJson {
  return {
    command: "import",
    server: input.server,
    workspace: input.workspace,
    files: input.results.map((r) => ({
      path: r.path,
      file_name: r.fileName,
      bytes: r.bytes,
      gzip: r.gzip,
      status: r.status,
      http_status: r.httpStatus,
      format: r.answer?.format ?? null,
      traces: r.answer?.traces ?? 0,
      spans: r.answer?.spans ?? 0,
      skipped_spans: r.answer?.skipped_spans ?? 0,
      rejected_spans: r.answer?.rejected_spans ?? 0,
      problems: r.answer?.problems ?? [],
      error: r.error,
    })),
    counts: input.counts,
    exit_code: input.exitCode,
  };
}
