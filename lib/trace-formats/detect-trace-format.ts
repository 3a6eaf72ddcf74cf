// Which trace format a file holds, from its content (the name only settles whether a one-line
// OTLP file is JSON Lines). The parsed document comes back with the answer so a large file is
// parsed once; JSON Lines are parsed line by line by their reader.
import type { TraceFileFormat } from "./converted-traces";
import { ProblemLog, type ImportProblem } from "./import-problem";
import { parseJsonText } from "./parse-json-text";
import { isJsonObject, type JsonObject } from "./read-json-fields";
import { otherOtlpSignal, readOtlpRequest } from "./otlp-json-lines";

/** The formats one JSON document can hold (JSON Lines is many). */
export type DocumentFormat = Exclude<TraceFileFormat, "otlp-json-lines">;

export type DetectedTraceFile =
  | { format: DocumentFormat; document: unknown }
  | { format: "otlp-json-lines" }
  | { format: null; problem: ImportProblem };

const JSON_LINES_NAME = /\.(jsonl|ndjson)$/i;
const EXPECTED =
  'expected OTLP/JSON ({"resourceSpans": …}, one per file or one per line), ' +
  'Jaeger JSON ({"data": [traces]}, an array of traces or one trace) or Zipkin v2 JSON (an array of spans, or of traces).';

export function detectTraceFormat(text: string, fileName?: string): DetectedTraceFile {
  const log = new ProblemLog(fileName);
  const problem = (where: string, message: string): DetectedTraceFile => ({ format: null, problem: { where, message } });
  if (text.trim() === "") return problem(log.pathLocation(""), "is empty: nothing to import.");
  const namedAsLines = fileName !== undefined && JSON_LINES_NAME.test(fileName);
  const parsed = parseJsonText(text);

  if (parsed.ok) {
    const format = classifyTraceDocument(parsed.value);
    if (typeof format !== "string") return problem(log.pathLocation(""), format.reason);
    if (format === "otlp-json" && namedAsLines) return { format: "otlp-json-lines" };
    return { format, document: parsed.value };
  }
  // Not one JSON document: JSON Lines when the name says so or the first line is an OTLP request.
  if (namedAsLines) return { format: "otlp-json-lines" };
  const lines = text.split("\n");
  const firstIndex = lines.findIndex((line) => line.trim() !== "");
  const firstLine = parseJsonText(lines[firstIndex]);
  if (firstLine.ok && lines.slice(firstIndex + 1).some((line) => line.trim() !== "")) {
    if (!("reason" in readOtlpRequest(firstLine.value))) return { format: "otlp-json-lines" };
    return problem(
      log.pathLocation(""),
      `holds one JSON value per line, which Flowprint reads only as OTLP/JSON requests (the Collector's file exporter); line ${firstIndex + 1} is not one.`,
    );
  }
  return problem(log.lineLocation(parsed.line, parsed.column), `not valid JSON: ${parsed.reason}.`);
}

/** The format of a parsed JSON document, or why it is none of them. */
export function classifyTraceDocument(document: unknown): DocumentFormat | { reason: string } {
  if (Array.isArray(document)) return classifyArray(document);
  if (!isJsonObject(document)) return { reason: `holds ${document === null ? "null" : `a JSON ${typeof document}`}, not traces: ${EXPECTED}` };
  const otlp = readOtlpRequest(document);
  if (!("reason" in otlp)) return "otlp-json";
  if (otherOtlpSignal(document) !== undefined) return otlp;
  // The Jaeger query API: {"data": [traces]}, or {"data": null, "errors": [...]} for a failed query.
  if ("data" in document && (Array.isArray(document.data) || Array.isArray(document.errors))) return "jaeger-json";
  if (Array.isArray(document.spans)) return "jaeger-json";
  if (isZipkinSpan(document)) return "zipkin-json";
  return { reason: `is not a trace file Flowprint reads: ${EXPECTED}` };
}

function classifyArray(items: unknown[]): DocumentFormat | { reason: string } {
  if (items.length === 0) return { reason: "holds an empty array: no traces to import." };
  const firstItem: unknown = items[0];
  // Zipkin's UI downloads and /api/v2/traces answer an array of traces, each an array of spans.
  if (Array.isArray(firstItem)) return "zipkin-json";
  if (isJsonObject(firstItem)) {
    if (Array.isArray(firstItem.spans)) return "jaeger-json";
    if (isZipkinSpan(firstItem)) {
      if (isZipkinV1Span(firstItem)) {
        return { reason: "holds Zipkin v1 JSON, which Flowprint does not read: fetch the trace from Zipkin's v2 API (/api/v2/trace/{id}) instead." };
      }
      return "zipkin-json";
    }
  }
  return { reason: `is an array, but not of Zipkin spans or Jaeger traces: ${EXPECTED}` };
}

function isZipkinSpan(o: JsonObject): boolean {
  return "traceId" in o && "id" in o;
}

/** Zipkin v1 has binaryAnnotations, and its annotations carry their endpoint; v2 ones have only timestamp and value. */
export function isZipkinV1Span(o: JsonObject): boolean {
  if ("binaryAnnotations" in o) return true;
  return Array.isArray(o.annotations) && o.annotations.some((a: unknown) => isJsonObject(a) && "endpoint" in a);
}
