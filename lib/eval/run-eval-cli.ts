// `flowprint eval run`: load the dataset (and responses), a report line as soon as a case is
// judged, then the summary, the JUnit file and the exit code.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EXIT_FAILED, EXIT_PASSED, EXIT_USAGE, exitCodeOf } from "../runner/exit-codes";
import { ANSI, PLAIN, formatSummary } from "../runner/format-report";
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

function writeJunit(file: string, xml: string, io: EvalCliIo): boolean {
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, xml);
    return true;
  } catch (error) {
    io.err(`flowprint: the JUnit report could not be written to ${file}: ${(error as Error).message}\n`);
    return false;
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

  let inputs: ReturnType<typeof loadInputs>;
  try {
    inputs = loadInputs(options);
  } catch (error) {
    if (!(error instanceof FileLoadError)) throw error;
    io.out(`${palette.red("✗")} ${palette.bold(error.file)} ${palette.red("could not be loaded")}\n${error.message.split("\n").map((line) => `  ${line}`).join("\n")}\n`);
    if (options.junitPath) writeJunit(options.junitPath, evalLoadErrorJunitXml(error.file, error.message), io);
    return EXIT_FAILED;
  }
  const { dataset, responses } = inputs;
  const judged = dataset.cases.some((c) => c.assertions.some(isLlmJudge));
  if (judged && options.judgeModel && !options.baseUrl) {
    return usageError(`--judge-model needs an OpenAI-compatible endpoint: ${NO_ENDPOINT_HINT}`, io);
  }
  if (responses) {
    const known = new Set(dataset.cases.map((c) => c.id));
    const unknown = [...responses.keys()].filter((id) => !known.has(id));
    if (unknown.length > 0) io.err(`flowprint eval: ${options.responsesPath} has outputs for cases the dataset does not have: ${unknown.join(", ")}\n`);
  }

  io.out(palette.dim(`${describeOutputs(options, dataset)}\n\n`));
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
    onCaseResult: (result) => io.out(`${formatCaseResult(result, palette)}\n`),
  });
  const counts = countCases(run.cases);
  io.out(`\n${formatSummary(counts, palette)}\n`);
  let code = exitCodeOf(counts);
  // A CI job reading the report must not pass on a missing file.
  if (options.junitPath && !writeJunit(options.junitPath, evalJunitXml(run, options.datasetPath), io) && code === EXIT_PASSED) code = EXIT_FAILED;
  return code;
}
