// `flowprint run`: each file in turn (runs of one suite should not race each other for the
// system under test), a report block as soon as a test is judged, then the summary, the JUnit
// file and the exit code. With --output json the blocks are progress on stderr and stdout gets
// the whole report as one document at the end.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FlowprintTest } from "../export/flowprint-test.schema";
import { formatProblems, loadFlowprintTest } from "../export/load-flowprint-test";
import { parseCliArgs, type CliEnv, type RunOptions } from "./cli-args";
import { EXIT_FAILED, EXIT_PASSED, EXIT_USAGE, exitCodeOf } from "./exit-codes";
import { expandFileArgs } from "./expand-file-args";
import { flowprintApi, type FlowprintApi } from "./flowprint-api";
import { ANSI, PLAIN, countResults, formatFileError, formatSummary, formatTestRun } from "./format-report";
import { junitXml } from "./junit-xml";
import { humanWriter, jsonDocument } from "./report-format";
import { runReportJson } from "./run-report-json";
import { createRunTracer, type RunTracer } from "./run-tracer";
import { failedOnlyBySlowness, withFirstRun } from "./confirm-slowness";
import { runTest, type RunDependencies } from "./run-test";
import type { FileError, FileResult } from "./test-run";
import { USAGE } from "./usage";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Colors only for a person at a terminal, never into a CI log or a file. */
  color: boolean;
  env: CliEnv;
  /** Seams for tests; real ones by default. */
  makeApi?: (server: string, workspace: string, apiToken: string | null) => FlowprintApi;
  makeTracer?: (options: RunOptions) => RunTracer;
  fetchSystem?: typeof fetch;
}

function loadFile(file: string): { ok: true; test: FlowprintTest } | { ok: false; error: FileError } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    return { ok: false, error: { file, message: `${file}: ${reason}` } };
  }
  const loaded = loadFlowprintTest(text);
  if (!loaded.ok) return { ok: false, error: { file, message: formatProblems(file, loaded.problems) } };
  return { ok: true, test: loaded.test };
}

async function runFiles(options: RunOptions, io: CliIo, deps: RunDependencies): Promise<FileResult[]> {
  const palette = io.color ? ANSI : PLAIN;
  const human = humanWriter(io, options.report);
  const results: FileResult[] = [];
  const fail = (error: FileError) => {
    results.push({ kind: "error", error });
    human(`${formatFileError(error, palette)}\n\n`);
  };
  for (const entry of expandFileArgs(options.files)) {
    if ("error" in entry) {
      fail(entry.error);
      continue;
    }
    const loaded = loadFile(entry.file);
    if (!loaded.ok) {
      fail(loaded.error);
      continue;
    }
    let run = await runTest(entry.file, loaded.test, options, deps);
    if (failedOnlyBySlowness(run)) run = withFirstRun(await runTest(entry.file, loaded.test, options, deps), run);
    results.push({ kind: "run", run });
    human(`${formatTestRun(run, palette)}\n\n`);
  }
  return results;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseCliArgs(argv, io.env);
  if (command.kind === "help") {
    io.out(USAGE);
    return EXIT_PASSED;
  }
  if (command.kind === "usage-error") {
    io.err(`flowprint: ${command.message}\nRun "flowprint --help" for usage.\n`);
    return EXIT_USAGE;
  }
  const { options } = command;
  const palette = io.color ? ANSI : PLAIN;
  const human = humanWriter(io, options.report);
  const startedAt = new Date();
  const tracer = (io.makeTracer ?? createRunTracer)(options);
  let results: FileResult[];
  try {
    const api = (io.makeApi ?? ((server, workspace, token) => flowprintApi(server, workspace, fetch, token)))(options.server, options.workspace, options.apiToken);
    human(palette.dim(`Flowprint ${options.server}, workspace ${options.workspace}${options.baseUrl ? `, system ${options.baseUrl}` : ""}\n\n`));
    results = await runFiles(options, io, { api, tracer, fetchSystem: io.fetchSystem });
  } finally {
    await tracer.shutdown().catch(() => undefined);
  }
  const counts = countResults(results);
  human(`${formatSummary(counts, palette)}\n`);
  let code = exitCodeOf(counts);
  const errors: string[] = [];
  if (options.junitPath) {
    try {
      mkdirSync(path.dirname(path.resolve(options.junitPath)), { recursive: true });
      writeFileSync(options.junitPath, junitXml(results, { timestamp: startedAt.toISOString() }));
    } catch (error) {
      errors.push(`the JUnit report could not be written to ${options.junitPath}: ${(error as Error).message}`);
      io.err(`flowprint: ${errors.at(-1)}\n`);
      // A CI job reading the report must not pass on a missing file.
      if (code === EXIT_PASSED) code = EXIT_FAILED;
    }
  }
  if (options.report === "json") {
    const { server, workspace, baseUrl, junitPath } = options;
    io.out(jsonDocument(runReportJson({ server, workspace, baseUrl, results, counts, junitFile: junitPath, errors, exitCode: code })));
  }
  return code;
}
