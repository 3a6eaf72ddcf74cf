// Real LLM spans from other projects' fixtures, in tests/fixtures/corpora/genai (its README
// names each file's project, path and licence). Every file becomes Spans, whatever its format:
// OTLP/JSON, Jaeger JSON, Langfuse trace exports, or a bare attribute map (OpenInference's
// fixtures). A missing file fails the test reading it.
import fs from "node:fs";
import path from "node:path";
import { decodeTraceRequest } from "../../otlp";
import type { Attributes, Span } from "../../otlp/span";
import { makeSpan } from "../../otlp/testing/make-span";
import { jaegerTraceToSpans } from "./jaeger-trace-to-spans";
import { langfuseExportToObservations, type LangfuseObservation } from "./langfuse-export-to-spans";

export const GENAI_CORPUS_DIR = path.resolve(import.meta.dirname, "../../../tests/fixtures/corpora/genai");

/** Prefixes of the corpus files by origin. */
export const OPENINFERENCE = "Arize-ai__openinference__js__packages__openinference-genai__test____fixtures____";
export const JAEGER_UI = "jaegertracing__jaeger-ui__packages__jaeger-ui__src__";
export const LANGFUSE = "langfuse__langfuse__worker__src____tests____chatml__framework-traces__";
export const SEMCONV = "open-telemetry__semantic-conventions__";

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(GENAI_CORPUS_DIR, file), "utf8"));
}

/** The corpus's JSON files whose names start with `prefix`. */
export function corpusFiles(prefix = ""): string[] {
  return fs.readdirSync(GENAI_CORPUS_DIR).filter((f) => f.startsWith(prefix) && f.endsWith(".json")).sort();
}

/**
 * The files that hold spans: not the chatml expectations beside the Langfuse traces, nor the
 * semantic conventions' JSON Schemas.
 */
export function spanFiles(): string[] {
  return corpusFiles().filter((f) => !f.endsWith(".chatml.json") && !f.startsWith(SEMCONV));
}

/** The spans a corpus file holds, whichever of the corpus formats it is in. */
export function readCorpusSpans(file: string): Span[] {
  const document = readJson(file) as Record<string, unknown>;
  if ("resourceSpans" in document) {
    const body = new TextEncoder().encode(JSON.stringify(document));
    return decodeTraceRequest(body, "json", "corpus", 0).spans;
  }
  if ("observations" in document) return langfuseExportToObservations(document as never).map((o) => o.span);
  if ("spans" in document || "data" in document) return jaegerTraceToSpans(document as never);
  // A bare attribute map is one span; its name is the fixture's.
  return [makeSpan({ name: file.replace(OPENINFERENCE, "").replace(/\.json$/, ""), attributes: document as Attributes })];
}

/** The Langfuse framework traces, by name (e.g. "agno-2025-06-11"). */
export function langfuseTraceNames(): string[] {
  return corpusFiles(LANGFUSE)
    .filter((f) => f.endsWith(".trace.json"))
    .map((f) => f.slice(LANGFUSE.length, -".trace.json".length));
}

export function readLangfuseObservations(name: string): LangfuseObservation[] {
  return langfuseExportToObservations(readJson(`${LANGFUSE}${name}.trace.json`) as never);
}

/** One side of a chatml entry: the messages Langfuse rendered, or its parse failure. */
export type ChatmlSide = { success: true; data: Record<string, unknown>[] } | { success: false };

/** `*.chatml.json`: for each observation id, what Langfuse rendered of its input and output as chat messages. */
export function readChatml(name: string): Record<string, { input?: ChatmlSide; output?: ChatmlSide }> {
  return readJson(`${LANGFUSE}${name}.chatml.json`) as never;
}
