// `flowprint export-trace <traceId> --output <dir>`: the trace's LLM calls as an eval dataset,
// written as trace-<first 8 hex>.eval.yaml. From Flowprint, which builds it (POST .../eval-export);
// or with --jaeger-url from any Jaeger query service, the dataset then built here by the same
// pure steps. `--output` also takes text|json, the report format (see lib/runner/output-argument).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_SERVER, DEFAULT_WORKSPACE } from "../runner/cli-args";
import { apiTokenOf, authorizationHeader, tokenHint } from "../runner/api-token";
import { CliUsageError, httpUrl } from "../runner/cli-values";
import { describeFetchError } from "../runner/describe-fetch-error";
import { EXIT_FAILED, EXIT_PASSED, EXIT_USAGE } from "../runner/exit-codes";
import { fetchJaegerTrace } from "../runner/fetch-jaeger-trace";
import { evalDatasetFromJaeger, type ExportedDataset } from "../runner/jaeger-eval-dataset";
import { outputArgument } from "../runner/output-argument";
import { humanWriter, jsonDocument, type ReportFormat } from "../runner/report-format";
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
  /** `--output text|json`: how the result is reported. */
  report: ReportFormat;
  /** A Jaeger query service to read the trace from instead of Flowprint; null for Flowprint. */
  jaegerUrl: string | null;
}

type Parsed = { kind: "help" } | { kind: "export"; options: ExportTraceOptions } | { kind: "usage-error"; message: string };

const VALUE_FLAGS = new Set(["--output", "-o", "--server", "--workspace", "--token", "--jaeger-url"]);

function jaegerUrlOf(value: string): string {
  const url = httpUrl("--jaeger-url", value);
  // fetch refuses such URLs, and the URL is written into the dataset's source.
  if (new URL(url).username || new URL(url).password) throw new CliUsageError("--jaeger-url must not carry a user name or password");
  return url;
}

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
      const output = outputArgument(flag, value);
      if ("message" in output) return { kind: "usage-error", message: output.message };
      if ("report" in output) values.set("--report", output.report);
      else values.set(flag === "-o" ? "--output" : flag, value);
    } else if (arg.startsWith("-")) return { kind: "usage-error", message: `unknown option ${arg}` };
    else positional.push(arg);
  }
  const jaeger = values.get("--jaeger-url");
  if (jaeger !== undefined) {
    // The environment's FLOWPRINT_SERVER is a default, not a choice: only the flags conflict.
    if (values.has("--server")) return { kind: "usage-error", message: "--jaeger-url and --server are mutually exclusive: the trace comes from Jaeger or from Flowprint" };
    const flowprintOnly = ["--workspace", "--token"].find((flag) => values.has(flag));
    if (flowprintOnly) return { kind: "usage-error", message: `${flowprintOnly} is for Flowprint and does not apply with --jaeger-url` };
  }
  if (positional.length !== 1) return { kind: "usage-error", message: positional.length === 0 ? "which trace? give its id" : `one trace id at a time, got ${positional.length}` };
  const traceId = positional[0].toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(traceId)) {
    const padding = jaeger !== undefined && /^[0-9a-f]{1,31}$/.test(traceId) ? `; a shorter Jaeger id is padded with zeros on the left: ${traceId.padStart(32, "0")}` : "";
    return { kind: "usage-error", message: `"${positional[0]}" is not a trace id (32 hex characters${padding})` };
  }
  let jaegerUrl: string | null = null;
  try {
    jaegerUrl = jaeger === undefined ? null : jaegerUrlOf(jaeger);
  } catch (error) {
    if (error instanceof CliUsageError) return { kind: "usage-error", message: error.message };
    throw error;
  }
  return {
    kind: "export",
    options: {
      traceId,
      output: values.get("--output") ?? ".",
      server: (values.get("--server") ?? env.FLOWPRINT_SERVER ?? DEFAULT_SERVER).replace(/\/+$/, ""),
      workspace: values.get("--workspace") ?? env.FLOWPRINT_WORKSPACE ?? DEFAULT_WORKSPACE,
      apiToken: apiTokenOf(values.get("--token"), env),
      report: values.get("--report") === "json" ? "json" : "text",
      jaegerUrl,
    },
  };
}

type Exported = { ok: true; dataset: ExportedDataset; warnings: string[] } | { ok: false; message: string; warnings: string[] };

async function fromFlowprint(options: ExportTraceOptions, fetchImpl: typeof fetch): Promise<Exported> {
  const { traceId, server, workspace, apiToken } = options;
  const url = `${server}/api/v1/workspaces/${encodeURIComponent(workspace)}/telemetry/traces/${traceId}/eval-export`;
  let response: Response;
  try {
    response = await fetchImpl(url, { method: "POST", headers: authorizationHeader(apiToken), signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    return { ok: false, message: `Flowprint at ${server} could not be reached: ${describeFetchError(error)}`, warnings: [] };
  }
  const text = await response.text().catch(() => "");
  let body: { yaml?: string; file_name?: string; cases?: number; error?: { message?: string } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not JSON: a proxy's error page; its status says enough.
  }
  if (!response.ok || typeof body.yaml !== "string" || typeof body.file_name !== "string") {
    return { ok: false, message: `${body.error?.message ?? `Flowprint answered ${response.status} ${response.statusText}`}${tokenHint(response.status, apiToken)}`, warnings: [] };
  }
  return { ok: true, dataset: { yaml: body.yaml, fileName: body.file_name, cases: typeof body.cases === "number" ? body.cases : Number.NaN }, warnings: [] };
}

async function fromJaeger(jaegerUrl: string, traceId: string, fetchImpl: typeof fetch): Promise<Exported> {
  const answer = await fetchJaegerTrace(jaegerUrl, traceId, fetchImpl);
  if (!answer.ok) return { ok: false, message: answer.message, warnings: [] };
  return evalDatasetFromJaeger(answer.document, traceId, jaegerUrl, new Date());
}

/** `flowprint export-trace --output json`: the file written, or why there is none. */
export interface ExportTraceReportJson {
  command: "export-trace";
  trace_id: string;
  source: { type: "flowprint"; server: string; workspace: string } | { type: "jaeger"; url: string };
  file: string | null;
  cases: number | null;
  warnings: string[];
  errors: string[];
  exit_code: number;
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
  const options = parsed.options;
  const { traceId, output, jaegerUrl } = options;
  const fetchImpl = io.fetch ?? fetch;
  const exported = jaegerUrl ? await fromJaeger(jaegerUrl, traceId, fetchImpl) : await fromFlowprint(options, fetchImpl);
  for (const warning of exported.warnings) io.err(`warning: ${warning}\n`);
  const finish = (code: number, result: { file: string; cases: number } | { error: string }): number => {
    if ("error" in result) io.err(`flowprint: ${result.error}\n`);
    if (options.report === "json") {
      const report: ExportTraceReportJson = {
        command: "export-trace",
        trace_id: traceId,
        source: jaegerUrl ? { type: "jaeger", url: jaegerUrl } : { type: "flowprint", server: options.server, workspace: options.workspace },
        file: "file" in result ? result.file : null,
        cases: "cases" in result && Number.isFinite(result.cases) ? result.cases : null,
        warnings: exported.warnings,
        errors: "error" in result ? result.error.split("\n").map((line) => line.trim()) : [],
        exit_code: code,
      };
      io.out(jsonDocument(report));
    }
    return code;
  };
  if (!exported.ok) return finish(EXIT_FAILED, { error: exported.message });
  const { dataset } = exported;
  const file = path.join(output, path.basename(dataset.fileName));
  try {
    mkdirSync(output, { recursive: true });
    writeFileSync(file, dataset.yaml);
  } catch (error) {
    return finish(EXIT_FAILED, { error: `${file} could not be written: ${(error as Error).message}` });
  }
  const cases = Number.isFinite(dataset.cases) ? String(dataset.cases) : "?";
  humanWriter(io, options.report)(`Wrote ${file} (${cases} case${dataset.cases === 1 ? "" : "s"} from trace ${traceId}${jaegerUrl ? ` in Jaeger at ${jaegerUrl}` : ""})\n`);
  return finish(EXIT_PASSED, { file, cases: dataset.cases });
}
