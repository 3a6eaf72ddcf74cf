// `flowprint export flow|journey|openapi <id>`: asks Flowprint's API for a test file or an
// OpenAPI document and writes it, printing what the file could not do as recorded.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_SERVER, DEFAULT_WORKSPACE } from "./cli-args";
import { describeFetchError } from "./describe-fetch-error";
import { EXIT_FAILED, EXIT_PASSED, EXIT_USAGE } from "./exit-codes";
import { EXPORT_USAGE } from "./export-usage";

export interface ExportIo {
  out(text: string): void;
  err(text: string): void;
  env: { [name: string]: string | undefined };
}

const KINDS = ["flow", "journey", "openapi"] as const;
type Kind = (typeof KINDS)[number];

export interface ExportOptions {
  kind: Kind;
  target: string;
  output: string;
  setup: "auto" | "none";
  format: string | null;
  server: string;
  workspace: string;
}

type Parsed = { kind: "help" } | { kind: "export"; options: ExportOptions } | { kind: "usage-error"; message: string };

const VALUE_FLAGS = new Set(["--output", "-o", "--server", "--workspace", "--setup", "--format"]);
const FORMATS: Record<Kind, readonly string[]> = { flow: ["flowprint", "testmesh"], journey: [], openapi: ["json", "yaml"] };

export function parseExportArgs(argv: readonly string[], env: ExportIo["env"]): Parsed {
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
  const [kind, target, ...extra] = positional;
  if (!KINDS.includes(kind as Kind)) return { kind: "usage-error", message: kind === undefined ? "export what? flow, journey or openapi" : `"${kind}" is not something to export: flow, journey or openapi` };
  if (target === undefined) return { kind: "usage-error", message: `which ${kind === "flow" ? "flow? give its id" : kind === "journey" ? "entity? give its name" : "service? give its name"}` };
  if (extra.length > 0) return { kind: "usage-error", message: `one ${kind} at a time, got ${extra.length + 1}` };
  const setup = values.get("--setup") ?? "auto";
  if (setup !== "auto" && setup !== "none") return { kind: "usage-error", message: `--setup must be auto or none, got "${setup}"` };
  if (values.has("--setup") && kind !== "flow") return { kind: "usage-error", message: "--setup applies to flow exports only" };
  const format = values.get("--format") ?? null;
  if (format !== null && !FORMATS[kind as Kind].includes(format)) {
    return { kind: "usage-error", message: FORMATS[kind as Kind].length === 0 ? `--format does not apply to ${kind} exports` : `--format for ${kind} must be ${FORMATS[kind as Kind].join(" or ")}, got "${format}"` };
  }
  return {
    kind: "export",
    options: {
      kind: kind as Kind,
      target,
      output: values.get("--output") ?? ".",
      setup,
      format,
      server: (values.get("--server") ?? env.FLOWPRINT_SERVER ?? DEFAULT_SERVER).replace(/\/+$/, ""),
      workspace: values.get("--workspace") ?? env.FLOWPRINT_WORKSPACE ?? DEFAULT_WORKSPACE,
    },
  };
}

/** The API request for an export, and how to read its answer into a file name and text. */
function requestOf(o: ExportOptions): { url: string; method: "GET" | "POST" } {
  const base = `${o.server}/api/v1/workspaces/${encodeURIComponent(o.workspace)}`;
  if (o.kind === "flow") return { method: "POST", url: `${base}/telemetry/flows/${encodeURIComponent(o.target)}/export?setup=${o.setup}&format=${o.format ?? "flowprint"}` };
  if (o.kind === "journey") return { method: "POST", url: `${base}/model/entities/${encodeURIComponent(o.target)}/journey/export` };
  return { method: "GET", url: `${base}/model/openapi?service=${encodeURIComponent(o.target)}&format=${o.format ?? "json"}` };
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
  const { url, method } = requestOf(o);
  let response: Response;
  try {
    response = await fetch(url, { method, signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    io.err(`flowprint: Flowprint at ${o.server} could not be reached: ${describeFetchError(error)}\n`);
    return EXIT_FAILED;
  }
  const text = await response.text().catch(() => "");
  let body: { yaml?: string; file_name?: string; warnings?: string[]; error?: { message?: string } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // YAML (an OpenAPI document) or a proxy's error page.
  }
  if (!response.ok) {
    io.err(`flowprint: ${body.error?.message ?? `Flowprint answered ${response.status} ${response.statusText}`}\n`);
    return EXIT_FAILED;
  }
  let fileName: string;
  let content: string;
  if (o.kind === "openapi") {
    fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `${o.target}.openapi.${o.format ?? "json"}`;
    content = o.format === "yaml" ? text : `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } else {
    if (typeof body.yaml !== "string" || typeof body.file_name !== "string") {
      io.err(`flowprint: Flowprint answered without a file\n`);
      return EXIT_FAILED;
    }
    fileName = body.file_name;
    content = body.yaml;
  }
  const file = path.join(o.output, path.basename(fileName));
  try {
    mkdirSync(o.output, { recursive: true });
    writeFileSync(file, content);
  } catch (error) {
    io.err(`flowprint: ${file} could not be written: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
  for (const warning of body.warnings ?? []) io.err(`warning: ${warning}\n`);
  io.out(`Wrote ${file}\n`);
  return EXIT_PASSED;
}
