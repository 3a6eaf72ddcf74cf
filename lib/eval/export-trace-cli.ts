// `flowprint export-trace <traceId> --output <dir>`: asks Flowprint for the trace's LLM calls
// as an eval dataset and writes it as trace-<first 8 hex>.eval.yaml.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_SERVER, DEFAULT_WORKSPACE } from "../runner/cli-args";
import { apiTokenOf, authorizationHeader, tokenHint } from "../runner/api-token";
import { describeFetchError } from "../runner/describe-fetch-error";
import { EXIT_FAILED, EXIT_PASSED, EXIT_USAGE } from "../runner/exit-codes";
import { EXPORT_TRACE_USAGE } from "./export-trace-usage";

export interface ExportTraceIo {
  out(text: string): void;
  err(text: string): void;
  env: { [name: string]: string | undefined };
  fetch?: typeof fetch;
}

interface ExportTraceOptions {
  traceId: string;
  output: string;
  server: string;
  workspace: string;
  apiToken: string | null;
}

type Parsed = { kind: "help" } | { kind: "export"; options: ExportTraceOptions } | { kind: "usage-error"; message: string };

const VALUE_FLAGS = new Set(["--output", "-o", "--server", "--workspace", "--token"]);

export function parseExportTraceArgs(argv: readonly string[], env: ExportTraceIo["env"]): Parsed {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") return { kind: "help" };
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") return { kind: "usage-error", message: `${flag} needs a value` };
      values.set(flag === "-o" ? "--output" : flag, value);
    } else if (arg.startsWith("-")) return { kind: "usage-error", message: `unknown option ${arg}` };
    else positional.push(arg);
  }
  if (positional.length !== 1) return { kind: "usage-error", message: positional.length === 0 ? "which trace? give its id" : `one trace id at a time, got ${positional.length}` };
  const traceId = positional[0].toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(traceId)) return { kind: "usage-error", message: `"${positional[0]}" is not a trace id (32 hex characters)` };
  return {
    kind: "export",
    options: {
      traceId,
      output: values.get("--output") ?? ".",
      server: (values.get("--server") ?? env.FLOWPRINT_SERVER ?? DEFAULT_SERVER).replace(/\/+$/, ""),
      workspace: values.get("--workspace") ?? env.FLOWPRINT_WORKSPACE ?? DEFAULT_WORKSPACE,
      apiToken: apiTokenOf(values.get("--token"), env),
    },
  };
}

export async function runExportTraceCli(argv: readonly string[], io: ExportTraceIo): Promise<number> {
  const parsed = parseExportTraceArgs(argv, io.env);
  if (parsed.kind === "help") {
    io.out(EXPORT_TRACE_USAGE);
    return EXIT_PASSED;
  }
  if (parsed.kind === "usage-error") {
    io.err(`flowprint: ${parsed.message}\nRun "flowprint export-trace --help" for usage.\n`);
    return EXIT_USAGE;
  }
  const { traceId, output, server, workspace, apiToken } = parsed.options;
  const url = `${server}/api/v1/workspaces/${encodeURIComponent(workspace)}/telemetry/traces/${traceId}/eval-export`;
  let response: Response;
  try {
    response = await (io.fetch ?? fetch)(url, { method: "POST", headers: authorizationHeader(apiToken), signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    io.err(`flowprint: Flowprint at ${server} could not be reached: ${describeFetchError(error)}\n`);
    return EXIT_FAILED;
  }
  const text = await response.text().catch(() => "");
  let body: { yaml?: string; file_name?: string; cases?: number; error?: { message?: string } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not JSON: a proxy's error page; its status says enough.
  }
  if (!response.ok || typeof body.yaml !== "string" || typeof body.file_name !== "string") {
    io.err(`flowprint: ${body.error?.message ?? `Flowprint answered ${response.status} ${response.statusText}`}${tokenHint(response.status, apiToken)}\n`);
    return EXIT_FAILED;
  }
  const file = path.join(output, body.file_name);
  try {
    mkdirSync(output, { recursive: true });
    writeFileSync(file, body.yaml);
  } catch (error) {
    io.err(`flowprint: ${file} could not be written: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
  io.out(`Wrote ${file} (${body.cases ?? "?"} case${body.cases === 1 ? "" : "s"} from trace ${traceId})\n`);
  return EXIT_PASSED;
}
