// Real OTLP/JSON traces from other projects' fixtures, in tests/fixtures/corpora/otlp (its
// README names each file's project, path and licence). A missing file fails the test reading it.
import fs from "node:fs";
import path from "node:path";
import { decodeTraceRequest } from "../index";
import type { Span } from "../span";

export const CORPUS_DIR = path.resolve(import.meta.dirname, "../../../tests/fixtures/corpora/otlp");

/** Prefix of the Jaeger MCP "skills" fixtures: HotROD and OpenTelemetry Demo captures. */
export const SKILLS = "jaegertracing__jaeger__cmd__jaeger__internal__extension__jaegerquery__internal__mcptools__internal__handlers__testdata__skills__";

/** The corpus files that hold OTLP `resourceSpans`. */
export function corpusFiles(): string[] {
  return fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".json") && fs.readFileSync(path.join(CORPUS_DIR, f), "utf8").includes('"resourceSpans"'));
}

/** The ExportTraceServiceRequest inside a file: the file itself, or an API response wrapping it (Jaeger's {"result": ...}). */
function requestBody(text: string): Uint8Array {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  if ("resourceSpans" in parsed) return new TextEncoder().encode(text);
  const inner = Object.values(parsed).find((v) => v !== null && typeof v === "object" && "resourceSpans" in v);
  return new TextEncoder().encode(JSON.stringify(inner));
}

/** The file's spans grouped by trace id. */
export function tracesOf(file: string): Map<string, Span[]> {
  const { spans } = decodeTraceRequest(requestBody(fs.readFileSync(path.join(CORPUS_DIR, file), "utf8")), "json", "ws", 0);
  const byTrace = new Map<string, Span[]>();
  for (const span of spans) byTrace.set(span.traceId, [...(byTrace.get(span.traceId) ?? []), span]);
  return byTrace;
}

/** The spans of a skills fixture that holds exactly the one trace `traceId`. */
export function onlyTrace(fixture: string, traceId: string): Span[] {
  const traces = tracesOf(`${SKILLS}${fixture}.json`);
  const spans = traces.get(traceId);
  if (traces.size !== 1 || !spans) throw new Error(`${fixture} holds traces ${[...traces.keys()].join(", ")}, expected only ${traceId}`);
  return spans;
}
