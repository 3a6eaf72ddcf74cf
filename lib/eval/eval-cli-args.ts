// The command line of `flowprint eval run`, checked up front so a typo costs a usage message
// (exit 2) instead of a half-run dataset.
import { MAX_TIMEOUT_MS } from "../runner/cli-args";
import { CliUsageError, wholeNumber } from "../runner/cli-values";
import { reportFormat, type ReportFormat } from "../runner/report-format";
import { NO_ENDPOINT_HINT, resolveLlmEndpoint, type LlmEndpointEnv } from "./resolve-llm-endpoint";

export interface EvalRunOptions {
  datasetPath: string;
  /** The model that answers each case; null when outputs come from a responses file. */
  model: string | null;
  responsesPath: string | null;
  judgeModel: string | null;
  junitPath: string | null;
  /** The OpenAI-compatible endpoint, without a trailing slash; null when nothing needs it. */
  baseUrl: string | null;
  apiKey: string | null;
  /** Where the key came from (a flag or variable name), for the report; null without a key. */
  apiKeyFrom: string | null;
  timeoutMs: number | null;
  /** Retries of a model or judge call refused for load (429, 5xx); null: the client's default. */
  retries: number | null;
  /** Cases in flight at once. */
  concurrency: number;
  /** `--output`: the text report, or one JSON document on stdout. */
  report: ReportFormat;
}

export type EvalCliCommand = { kind: "help" } | { kind: "run"; options: EvalRunOptions } | { kind: "usage-error"; message: string };

export interface EvalCliEnv extends LlmEndpointEnv {
  FLOWPRINT_LLM_JUDGE_MODEL?: string;
}

const VALUE_FLAGS = ["--dataset", "--model", "--responses", "--judge-model", "--junit", "--base-url", "--api-key", "--timeout-ms", "--retries", "--concurrency", "--output"] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function parseRun(args: readonly string[], env: EvalCliEnv): EvalRunOptions {
  const values = new Map<ValueFlag, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) throw new CliUsageError(`unexpected argument "${arg}" (name the dataset with --dataset)`);
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!(VALUE_FLAGS as readonly string[]).includes(flag)) throw new CliUsageError(`unknown option ${flag}`);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") throw new CliUsageError(`${flag} needs a value`);
    values.set(flag as ValueFlag, value);
  }
  const datasetPath = values.get("--dataset");
  if (!datasetPath) throw new CliUsageError("--dataset is required");
  const responsesPath = values.get("--responses") ?? null;
  const model = values.get("--model") ?? null;
  if (!model && !responsesPath) throw new CliUsageError("--model is required unless --responses is given");
  const { baseUrl, apiKey, apiKeyFrom } = resolveLlmEndpoint({ baseUrl: values.get("--base-url"), apiKey: values.get("--api-key") }, env);
  if (!responsesPath && !baseUrl) throw new CliUsageError(`--model needs an OpenAI-compatible endpoint: ${NO_ENDPOINT_HINT}`);
  const timeoutMs = wholeNumber("--timeout-ms", values.get("--timeout-ms"), 1, MAX_TIMEOUT_MS, "milliseconds");
  const retries = wholeNumber("--retries", values.get("--retries"), 0, 10);
  const concurrency = wholeNumber("--concurrency", values.get("--concurrency"), 1, 32) ?? 1;
  return {
    datasetPath,
    // With a responses file the outputs are given: a model would only be misleading in the report.
    model: responsesPath ? null : model,
    responsesPath,
    judgeModel: values.get("--judge-model") ?? (env.FLOWPRINT_LLM_JUDGE_MODEL || null),
    junitPath: values.get("--junit") ?? null,
    baseUrl,
    apiKey,
    apiKeyFrom,
    timeoutMs,
    retries,
    concurrency,
    report: reportFormat(values.get("--output")),
  };
}

/** `argv` after `flowprint eval`: `["run", "--dataset", "x.eval.yaml", ...]`. */
export function parseEvalCliArgs(argv: readonly string[], env: EvalCliEnv): EvalCliCommand {
  if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") return { kind: "help" };
  if (argv.length === 0) return { kind: "usage-error", message: "no eval command given" };
  const [command, ...rest] = argv;
  if (command !== "run") return { kind: "usage-error", message: `unknown eval command "${command}"` };
  try {
    return { kind: "run", options: parseRun(rest, env) };
  } catch (error) {
    if (error instanceof CliUsageError) return { kind: "usage-error", message: error.message };
    throw error;
  }
}
