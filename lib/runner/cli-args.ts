// The command line of `flowprint run`, checked up front so a typo costs a usage message
// (exit 2) instead of a half-run suite.
import { apiTokenOf } from "./api-token";
import { CliUsageError, httpUrl, wholeNumber } from "./cli-values";
import { reportFormat, type ReportFormat } from "./report-format";

export interface RunOptions {
  files: string[];
  baseUrl: string | null;
  server: string;
  workspace: string;
  junitPath: string | null;
  ingestKey: string | null;
  /** REST API token (`--token`, FLOWPRINT_API_TOKEN) for an instance with accounts on. */
  apiToken: string | null;
  /** `--var name=value`, in the order given (a later one wins). */
  vars: Record<string, string>;
  timeoutMs: number | null;
  /** `--output`: the text report, or one JSON document on stdout. */
  report: ReportFormat;
}

export type CliCommand = { kind: "help" } | { kind: "run"; options: RunOptions } | { kind: "usage-error"; message: string };

export interface CliEnv {
  [name: string]: string | undefined;
  FLOWPRINT_SERVER?: string;
  FLOWPRINT_WORKSPACE?: string;
  FLOWPRINT_INGEST_KEY?: string;
  FLOWPRINT_BASE_URL?: string;
  FLOWPRINT_API_TOKEN?: string;
}

// The product's own defaults: `npm start` listens on 3000, ingestion without a header lands in `default`.
export const DEFAULT_SERVER = "http://localhost:3000";
export const DEFAULT_WORKSPACE = "default";
/** The server refuses longer run timeouts. */
export const MAX_TIMEOUT_MS = 3_600_000;

const VALUE_FLAGS = ["--base-url", "--server", "--workspace", "--junit", "--key", "--token", "--var", "--timeout-ms", "--output"] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
export const WORKSPACE_SLUG = /^[A-Za-z0-9_-]{1,64}$/;

function splitFlag(arg: string): { flag: string; inline: string | null } {
  const eq = arg.indexOf("=");
  return eq === -1 ? { flag: arg, inline: null } : { flag: arg.slice(0, eq), inline: arg.slice(eq + 1) };
}

function parseRun(args: readonly string[], env: CliEnv): RunOptions {
  const values = new Map<ValueFlag, string>();
  const vars: Record<string, string> = {};
  const files: string[] = [];
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyFiles || !arg.startsWith("-") || arg === "-") {
      files.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyFiles = true;
      continue;
    }
    const { flag, inline } = splitFlag(arg);
    if (!(VALUE_FLAGS as readonly string[]).includes(flag)) throw new CliUsageError(`unknown option ${flag}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new CliUsageError(`${flag} needs a value`);
    if (flag === "--var") {
      const eq = value.indexOf("=");
      if (eq <= 0) throw new CliUsageError(`--var takes name=value, got "${value}"`);
      vars[value.slice(0, eq)] = value.slice(eq + 1);
    } else {
      values.set(flag as ValueFlag, value);
    }
  }
  if (files.length === 0) throw new CliUsageError("no test files given");

  const workspace = values.get("--workspace") ?? env.FLOWPRINT_WORKSPACE ?? DEFAULT_WORKSPACE;
  if (!WORKSPACE_SLUG.test(workspace)) throw new CliUsageError(`--workspace must be letters, digits, - and _ (at most 64), got "${workspace}"`);
  const baseUrl = values.get("--base-url") ?? env.FLOWPRINT_BASE_URL;
  const timeoutMs = wholeNumber("--timeout-ms", values.get("--timeout-ms"), 1, MAX_TIMEOUT_MS, "milliseconds");
  return {
    files,
    baseUrl: baseUrl ? httpUrl("--base-url", baseUrl) : null,
    server: httpUrl("--server", values.get("--server") ?? env.FLOWPRINT_SERVER ?? DEFAULT_SERVER),
    workspace,
    junitPath: values.get("--junit") ?? null,
    ingestKey: values.get("--key") ?? env.FLOWPRINT_INGEST_KEY ?? null,
    apiToken: apiTokenOf(values.get("--token"), env),
    vars,
    timeoutMs,
    report: reportFormat(values.get("--output")),
  };
}

/** `argv` without node and the script: `["run", "a.yaml", "--server", ...]`. */
export function parseCliArgs(argv: readonly string[], env: CliEnv): CliCommand {
  if (argv.length === 0) return { kind: "usage-error", message: "no command given" };
  if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") return { kind: "help" };
  const [command, ...rest] = argv;
  if (command !== "run") return { kind: "usage-error", message: `unknown command "${command}"` };
  try {
    return { kind: "run", options: parseRun(rest, env) };
  } catch (error) {
    if (error instanceof CliUsageError) return { kind: "usage-error", message: error.message };
    throw error;
  }
}
