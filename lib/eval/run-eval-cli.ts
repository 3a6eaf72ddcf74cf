// `flowprint eval run`: load the dataset (and responses), a report line as soon as a case is
// judged, then the summary, the JUnit file and the exit code. With --output json the lines are
// progress on stderr and stdout gets the whole report as one document at the end.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EXIT_FAILED, EXIT_PASSED, EXIT_USAGE, exitCodeOf } from "../runner/exit-codes";
import { ANSI, PLAIN, formatSummary } from "../runner/format-report";
import { evalReportJson, type EvalReportInput } from "../runner/eval-report-json";
import { humanWriter, jsonDocument } from "../runner/report-format";
import { parseEvalCliArgs, type EvalCliEnv, type EvalRunOptions } from "./eval-cli-args";
import { isLlmJudge, type EvalDataset } from "./eval-dataset.schema";
import { countCases } from "./eval-result";
import { evalJunitXml, evalLoadErrorJunitXml } from "./eval-junit-xml";
import { EVAL_USAGE } from "./eval-usage";
import { formatCaseResult } from "./format-eval-report";
import { formatDatasetProblems, loadEvalDataset } from "./load-eval-dataset";
import { formatResponsesProblems, readResponses } from "./read-responses";
import { NO_ENDPOINT_HINT } from "./resolve-llm-endpoint";
import { runEval } from "./run-eval";

export interface EvalCliIo {
  out(text: string): void;
  err(text: string): void;
  /** Colors only for a person at a terminal, never into a CI log or a file. */
  color: boolean;
  env: EvalCliEnv;
}

class FileLoadError extends Error {
  readonly file: string;

  constructor(file: string, message: string) {
    super(message);
    this.file = file;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new FileLoadError(file, `${file}: ${reason}`);
  }
}

function loadInputs(options: EvalRunOptions): { dataset: EvalDataset; responses: Map<string, string> | null } {
  const loaded = loadEvalDataset(readText(options.datasetPath));
  if (!loaded.ok) throw new FileLoadError(options.datasetPath, formatDatasetProblems(options.datasetPath, loaded.problems));
  if (!options.responsesPath) return { dataset: loaded.dataset, responses: null };
  const responses = readResponses(readText(options.responsesPath));
  if (!responses.ok) throw new FileLoadError(options.responsesPath, formatResponsesProblems(options.responsesPath, responses.problems));
  return { dataset: loaded.dataset, responses: responses.responses };
}

/** Why the report could not be written, or null when it was. */
function writeJunit(file: string, xml: string, io: EvalCliIo): string | null {
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, xml);
    return null;
  } catch (error) {
    const problem = `the JUnit report could not be written to ${file}: ${(error as Error).message}`;
    io.err(`flowprint: ${problem}\n`);
    return problem;
  }
}

function describeOutputs(options: EvalRunOptions, dataset: EvalDataset): string {
  // Where the key came from, never the key: enough to tell which of several variables a 401 is about.
  const key = options.apiKeyFrom ? `key from ${options.apiKeyFrom}` : "no key";
  const outputs = options.responsesPath ? `outputs from ${options.responsesPath}` : `model ${options.model} at ${options.baseUrl} (${key})`;
  const judged = dataset.cases.some((c) => c.assertions.some(isLlmJudge));
  const judge = !judged ? "" : options.judgeModel ? `, judge ${options.judgeModel}` : ", no judge model (llm_judge assertions stay inconclusive)";
  return `Eval ${dataset.name}: ${dataset.cases.length} ${dataset.cases.length === 1 ? "case" : "cases"}, ${outputs}${judge}`;
}

function usageError(message: string, io: EvalCliIo): number {
  io.err(`flowprint eval: ${message}\nRun "flowprint eval --help" for usage.\n`);
  return EXIT_USAGE;
}

/** `argv` after `flowprint eval`: `["run", "--dataset", "x.eval.yaml", "--model", ...]`. */
export async function runEvalCli(argv: readonly string[], io: EvalCliIo): Promise<number> {
  const command = parseEvalCliArgs(argv, io.env);
  if (command.kind === "help") {
    io.out(EVAL_USAGE);
    return EXIT_PASSED;
  }
  if (command.kind === "usage-error") return usageError(command.message, io);
  const { options } = command;
  const palette = io.color ? ANSI : PLAIN;
  const human = humanWriter(io, options.report);
  const report = (input: Omit<EvalReportInput, "datasetFile" | "responsesFile" | "junitFile">): number => {
    if (options.report === "json") io.out(jsonDocument(evalReportJson({ datasetFile: options.datasetPath, responsesFile: options.responsesPath, junitFile: options.junitPath, ...input })));
    return input.exitCode;
  };
  const noCounts = { passed: 0, failed: 0, inconclusive: 0, errors: 0 };

  let inputs: ReturnType<typeof loadInputs>;
  try {
    inputs = loadInputs(options);
  } catch (error) {
    if (!(error instanceof FileLoadError)) throw error;
    human(`${palette.red("✗")} ${palette.bold(error.file)} ${palette.red("could not be loaded")}\n${error.message.split("\n").map((line) => `  ${line}`).join("\n")}\n`);
    const junitProblem = options.junitPath ? writeJunit(options.junitPath, evalLoadErrorJunitXml(error.file, error.message), io) : null;
    const loadError = { file: error.file, message: error.message };
    return report({ run: null, counts: { ...noCounts, errors: 1 }, loadError, warnings: [], errors: junitProblem ? [junitProblem] : [], exitCode: EXIT_FAILED });
  }
  const { dataset, responses } = inputs;
  const judged = dataset.cases.some((c) => c.assertions.some(isLlmJudge));
  if (judged && options.judgeModel && !options.baseUrl) {
    return usageError(`--judge-model needs an OpenAI-compatible endpoint: ${NO_ENDPOINT_HINT}`, io);
  }
  const warnings: string[] = [];
  if (responses) {
    const known = new Set(dataset.cases.map((c) => c.id));
    const unknown = [...responses.keys()].filter((id) => !known.has(id));
    if (unknown.length > 0) warnings.push(`${options.responsesPath} has outputs for cases the dataset does not have: ${unknown.join(", ")}`);
  }
  for (const warning of warnings) io.err(`flowprint eval: ${warning}\n`);

  human(palette.dim(`${describeOutputs(options, dataset)}\n\n`));
  const run = await runEval({
    dataset,
    model: options.model,
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    judgeModel: options.judgeModel,
    responses,
    timeoutMs: options.timeoutMs ?? undefined,
    retries: options.retries ?? undefined,
    concurrency: options.concurrency,
    onCaseResult: (result) => human(`${formatCaseResult(result, palette)}\n`),
  });
  const counts = countCases(run.cases);
  human(`\n${formatSummary(counts, palette)}\n`);
  let code = exitCodeOf(counts);
  const junitProblem = options.junitPath ? writeJunit(options.junitPath, evalJunitXml(run, options.datasetPath), io) : null;
  // A CI job reading the report must not pass on a missing file.
  if (junitProblem && code === EXIT_PASSED) code = EXIT_FAILED;
  return report({ run, counts, loadError: null, warnings, errors: junitProblem ? [junitProblem] : [], exitCode: code });
}
