// The command line of `flowprint import <file|dir>...`, checked up front so a typo costs a usage
// message (exit 2) before anything is sent.
import { apiTokenOf } from "./api-token";
import { DEFAULT_SERVER, DEFAULT_WORKSPACE, WORKSPACE_SLUG, type CliEnv } from "./cli-args";
import { CliUsageError, httpUrl } from "./cli-values";
import { reportFormat, type ReportFormat } from "./report-format";

export interface ImportOptions {
  /** Files and directories, as given. */
  paths: string[];
  server: string;
  workspace: string;
  apiToken: string | null;
  report: ReportFormat;
}

export type ImportCommand = { kind: "help" } | { kind: "import"; options: ImportOptions } | { kind: "usage-error"; message: string };

const VALUE_FLAGS = new Set(["--server", "--workspace", "--token", "--output"]);

function parse(argv: readonly string[], env: CliEnv): ImportOptions {
  const values = new Map<string, string>();
  const paths: string[] = [];
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith("-") || arg === "-") {
      paths.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!VALUE_FLAGS.has(flag)) throw new CliUsageError(`unknown option ${flag}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") throw new CliUsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  if (paths.length === 0) throw new CliUsageError("no files given: name trace files (.json, .jsonl, .ndjson) or directories holding them");
  const workspace = values.get("--workspace") ?? env.FLOWPRINT_WORKSPACE ?? DEFAULT_WORKSPACE;
  if (!WORKSPACE_SLUG.test(workspace)) throw new CliUsageError(`--workspace must be letters, digits, - and _ (at most 64), got "${workspace}"`);
  return {
    paths,
    server: httpUrl("--server", values.get("--server") ?? env.FLOWPRINT_SERVER ?? DEFAULT_SERVER),
    workspace,
    apiToken: apiTokenOf(values.get("--token"), env),
    report: reportFormat(values.get("--output")),
  };
}

/** `argv` after `flowprint import`. */
export function parseImportArgs(argv: readonly string[], env: CliEnv): ImportCommand {
  if (argv.includes("--help") || argv.includes("-h")) return { kind: "help" };
  try {
    return { kind: "import", options: parse(argv, env) };
  } catch (error) {
    if (error instanceof CliUsageError) return { kind: "usage-error", message: error.message };
    throw error;
  }
}
