// `flowprint export flow|journey|variants|openapi <id>`: asks Flowprint's API for test files or
// an OpenAPI document and writes them, printing what a file could not do as recorded.
// `--output` has two meanings here: it named the directory before it named the report format
// (text|json) on every command, so any other value still names the directory.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_SERVER, DEFAULT_WORKSPACE } from "./cli-args";
import { apiTokenOf, authorizationHeader, tokenHint } from "./api-token";
import { describeFetchError } from "./describe-fetch-error";
import { EXIT_FAILED, EXIT_PASSED, EXIT_USAGE } from "./exit-codes";
import { EXPORT_USAGE } from "./export-usage";
import { outputArgument } from "./output-argument";
import { humanWriter, jsonDocument, type ReportFormat } from "./report-format";

export interface ExportIo {
  out(text: string): void;
  err(text: string): void;
  env: { [name: string]: string | undefined };
}

const KINDS = ["flow", "journey", "variants", "openapi"] as const;
type Kind = (typeof KINDS)[number];

export interface ExportOptions {
  kind: Kind;
  target: string;
  /** variants: the entry operation (`target` is the entry service). */
  operation: string | null;
  /** flow, journey: a draft by the configured model instead of the deterministic export. */
  ai: boolean;
  output: string;
  setup: "auto" | "none";
  format: string | null;
  server: string;
  workspace: string;
  apiToken: string | null;
  /** `--output text|json`: how the result is reported. */
  report: ReportFormat;
}

type Parsed = { kind: "help" } | { kind: "export"; options: ExportOptions } | { kind: "usage-error"; message: string };

const VALUE_FLAGS = new Set(["--output", "-o", "--server", "--workspace", "--setup", "--format", "--token"]);
const FORMATS: Record<Kind, readonly string[]> = { flow: ["flowprint", "testmesh"], journey: [], variants: [], openapi: ["json", "yaml"] };

export function parseExportArgs(argv: readonly string[], env: ExportIo["env"]): Parsed {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") return { kind: "help" };
    if (arg === "--ai") {
      values.set("--ai", "true");
      continue;
    }
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
  const [kind, target, ...rest] = positional;
  if (!KINDS.includes(kind as Kind)) return { kind: "usage-error", message: kind === undefined ? "export what? flow, journey, variants or openapi" : `"${kind}" is not something to export: flow, journey, variants or openapi` };
  const which = { flow: "flow? give its id", journey: "entity? give its name", variants: "entry point? give its service and operation", openapi: "service? give its name" };
  if (target === undefined) return { kind: "usage-error", message: `which ${which[kind as Kind]}` };
  // An entry operation has spaces (`POST /orders`): the words after the service make it up.
  const operation = kind === "variants" ? rest.join(" ") : null;
  if (kind === "variants" && !operation) return { kind: "usage-error", message: 'which operation of the entry point? e.g. flowprint export variants api-gateway "POST /api/v1/orders"' };
  if (kind !== "variants" && rest.length > 0) return { kind: "usage-error", message: `one ${kind} at a time, got ${rest.length + 1}` };
  const ai = values.has("--ai");
  if (ai && kind !== "flow" && kind !== "journey") return { kind: "usage-error", message: "--ai drafts flow and journey tests only" };
  const setup = values.get("--setup") ?? "auto";
  if (setup !== "auto" && setup !== "none") return { kind: "usage-error", message: `--setup must be auto or none, got "${setup}"` };
  if (values.has("--setup") && kind !== "flow" && kind !== "variants") return { kind: "usage-error", message: "--setup applies to flow and variants exports only" };
  const format = values.get("--format") ?? null;
  if (format !== null && !FORMATS[kind as Kind].includes(format)) {
    return { kind: "usage-error", message: FORMATS[kind as Kind].length === 0 ? `--format does not apply to ${kind} exports` : `--format for ${kind} must be ${FORMATS[kind as Kind].join(" or ")}, got "${format}"` };
  }
  return {
    kind: "export",
    options: {
      kind: kind as Kind,
      target,
      operation,
      ai,
      output: values.get("--output") ?? ".",
      setup,
      format,
      server: (values.get("--server") ?? env.FLOWPRINT_SERVER ?? DEFAULT_SERVER).replace(/\/+$/, ""),
      workspace: values.get("--workspace") ?? env.FLOWPRINT_WORKSPACE ?? DEFAULT_WORKSPACE,
      apiToken: apiTokenOf(values.get("--token"), env),
      report: values.get("--report") === "json" ? "json" : "text",
    },
  };
}

/** The API request for an export, and how to read its answer into a file name and text. */
function requestOf(o: ExportOptions): { url: string; method: "GET" | "POST"; body?: string } {
  const base = `${o.server}/api/v1/workspaces/${encodeURIComponent(o.workspace)}`;
  if (o.kind === "flow" && o.ai) return { method: "POST", url: `${base}/telemetry/flows/${encodeURIComponent(o.target)}/export/ai-draft` };
  if (o.kind === "flow") return { method: "POST", url: `${base}/telemetry/flows/${encodeURIComponent(o.target)}/export?setup=${o.setup}&format=${o.format ?? "flowprint"}` };
  if (o.kind === "journey") return { method: "POST", url: `${base}/model/entities/${encodeURIComponent(o.target)}/journey/${o.ai ? "ai-draft" : "export"}` };
  if (o.kind === "variants") return { method: "POST", url: `${base}/telemetry/entry-points/export`, body: JSON.stringify({ entry_service: o.target, entry_operation: o.operation, setup: o.setup }) };
  return { method: "GET", url: `${base}/model/openapi?service=${encodeURIComponent(o.target)}&format=${o.format ?? "json"}` };
}

interface ExportedFile {
  fileName: string;
  content: string;
  warnings: string[];
}

type ApiBody = { yaml?: string; file_name?: string; warnings?: string[]; files?: { yaml: string; file_name: string; warnings?: string[] }[]; error?: { message?: string; issues?: { path: string; message: string }[] } };

/** The files an answer holds; null when it holds none. */
function filesOf(o: ExportOptions, body: ApiBody, text: string, response: Response): ExportedFile[] | null {
  if (o.kind === "openapi") {
    const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `${o.target}.openapi.${o.format ?? "json"}`;
    return [{ fileName, content: o.format === "yaml" ? text : `${JSON.stringify(JSON.parse(text), null, 2)}\n`, warnings: [] }];
  }
  if (o.kind === "variants") {
    if (!Array.isArray(body.files)) return null;
    // Warnings of the whole export (variants left out) go with the first file.
    return body.files.map((f, i) => ({ fileName: f.file_name, content: f.yaml, warnings: [...(i === 0 ? (body.warnings ?? []) : []), ...(f.warnings ?? [])] }));
  }
  if (typeof body.yaml !== "string" || typeof body.file_name !== "string") return null;
  return [{ fileName: body.file_name, content: body.yaml, warnings: body.warnings ?? [] }];
}

/** `flowprint export --output json`: the files written, each with its warnings, or why there are none. */
export interface ExportReportJson {
  command: "export";
  what: Kind;
  target: string;
  files: { file: string; warnings: string[] }[];
  errors: string[];
  exit_code: number;
}

export async function runExportCli(argv: readonly string[], io: ExportIo): Promise<number> {
  const parsed = parseExportArgs(argv, io.env);
  if (parsed.kind === "help") {
    io.out(EXPORT_USAGE);
    return EXIT_PASSED;
  }
  if (parsed.kind === "usage-error") {
    io.err(`flowprint: ${parsed.message}\nRun "flowprint export --help" for usage.\n`);
    return EXIT_USAGE;
  }
  const o = parsed.options;
  const human = humanWriter(io, o.report);
  const written: ExportReportJson["files"] = [];
  const finish = (code: number, error?: string): number => {
    if (error !== undefined) io.err(`flowprint: ${error}\n`);
    if (o.report === "json") {
      const report: ExportReportJson = { command: "export", what: o.kind, target: o.operation ? `${o.target} ${o.operation}` : o.target, files: written, errors: error === undefined ? [] : error.split("\n").map((line) => line.trim()), exit_code: code };
      io.out(jsonDocument(report));
    }
    return code;
  };
  const { url, method, body: requestBody } = requestOf(o);
  let response: Response;
  try {
    // A model's draft can take a while; Flowprint bounds the model call itself.
    const headers = { ...authorizationHeader(o.apiToken), ...(requestBody ? { "content-type": "application/json" } : {}) };
    response = await fetch(url, { method, headers, ...(requestBody ? { body: requestBody } : {}), signal: AbortSignal.timeout(o.ai ? 300_000 : 60_000) });
  } catch (error) {
    return finish(EXIT_FAILED, `Flowprint at ${o.server} could not be reached: ${describeFetchError(error)}`);
  }
  const text = await response.text().catch(() => "");
  let body: ApiBody = {};
  try {
    body = JSON.parse(text) as ApiBody;
  } catch {
    // YAML (an OpenAPI document) or a proxy's error page.
  }
  if (!response.ok) {
    const issues = (body.error?.issues ?? []).map((i) => `\n  ${i.path}: ${i.message}`).join("");
    return finish(EXIT_FAILED, `${body.error?.message ?? `Flowprint answered ${response.status} ${response.statusText}`}${tokenHint(response.status, o.apiToken)}${issues}`);
  }
  const files = filesOf(o, body, text, response);
  if (files === null) return finish(EXIT_FAILED, "Flowprint answered without a file");
  try {
    mkdirSync(o.output, { recursive: true });
  } catch (error) {
    return finish(EXIT_FAILED, `${o.output} could not be created: ${(error as Error).message}`);
  }
  for (const exported of files) {
    const file = path.join(o.output, path.basename(exported.fileName));
    try {
      writeFileSync(file, exported.content);
    } catch (error) {
      return finish(EXIT_FAILED, `${file} could not be written: ${(error as Error).message}`);
    }
    for (const warning of exported.warnings) io.err(`warning: ${path.basename(exported.fileName)}: ${warning}\n`);
    written.push({ file, warnings: exported.warnings });
    human(`Wrote ${file}\n`);
  }
  return finish(EXIT_PASSED);
}
