// `flowprint import <file|dir>...`: every file found is sent in turn (one request each, so one
// bad file costs only itself), a report line as soon as Flowprint answers, then the summary and
// the exit code.
import type { CliEnv } from "./cli-args";
import { EXIT_FAILED, EXIT_PASSED, EXIT_USAGE } from "./exit-codes";
import { countImports, formatFileImport, formatImportSummary } from "./format-import-report";
import { parseImportArgs } from "./import-args";
import { findImportFiles } from "./import-files";
import { importReportJson } from "./import-report-json";
import type { FileImportResult } from "./import-result";
import { IMPORT_USAGE } from "./import-usage";
import { humanWriter, jsonDocument } from "./report-format";
import { uploadTraceFile } from "./upload-trace-file";

export interface ImportIo {
  out(text: string): void;
  err(text: string): void;
  env: CliEnv;
  /** A seam for tests; the real one by default. */
  fetch?: typeof fetch;
}

function usageError(message: string, io: ImportIo): number {
  io.err(`flowprint: ${message}\nRun "flowprint import --help" for usage.\n`);
  return EXIT_USAGE;
}

/** `argv` after `flowprint import`. */
export async function runImportCli(argv: readonly string[], io: ImportIo): Promise<number> {
  const command = parseImportArgs(argv, io.env);
  if (command.kind === "help") {
    io.out(IMPORT_USAGE);
    return EXIT_PASSED;
  }
  if (command.kind === "usage-error") return usageError(command.message, io);
  const { options } = command;
  const found = findImportFiles(options.paths);
  if (!found.ok) return usageError(found.problems.join("\nflowprint: "), io);

  const human = humanWriter(io, options.report);
  const results: FileImportResult[] = [];
  for (const file of found.files) {
    const result = await uploadTraceFile(file, options, io.fetch);
    results.push(result);
    human(`${formatFileImport(result)}\n`);
  }
  const counts = countImports(results);
  human(`${formatImportSummary(counts)}\n`);
  const code = counts.imported === counts.files ? EXIT_PASSED : EXIT_FAILED;
  if (options.report === "json") io.out(jsonDocument(importReportJson({ server: options.server, workspace: options.workspace, results, counts, exitCode: code })));
  return code;
}
