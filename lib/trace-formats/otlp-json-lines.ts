// OTLP/JSON files: one ExportTraceServiceRequest per file (what an SDK sends, or Jaeger's v3
// API answer {"result": request}), or JSON Lines with one request per line, which is what the
// Collector's file exporter writes. Requests pass through as written, since decodeTraceRequest
// is the reader for OTLP; this only finds them, counts their spans and keeps each line number.
import type { ConvertedTraces, ConvertOptions, ForeignOtlpRequest } from "./converted-traces";
import { ProblemLog } from "./import-problem";
import { parseJsonText } from "./parse-json-text";
import { isJsonObject, type JsonObject } from "./read-json-fields";

type RequestOrReason = { request: ForeignOtlpRequest; spanCount: number } | { reason: string };

/** A parsed OTLP/JSON file holding one request. */
export function readOtlpJsonDocument(document: unknown, options: ConvertOptions = {}): ConvertedTraces<ForeignOtlpRequest> {
  const log = new ProblemLog(options.fileName);
  const result = emptyResult();
  const read = readOtlpRequest(document);
  if ("reason" in read) log.atPath("", read.reason);
  else add(result, read, log.pathLocation(""));
  result.problems = log.list();
  return result;
}

/** JSON Lines: each non-blank line one request; a bad line is reported by its number and the others still count. */
export function splitOtlpJsonLines(text: string, options: ConvertOptions = {}): ConvertedTraces<ForeignOtlpRequest> {
  const log = new ProblemLog(options.fileName);
  const result = emptyResult();
  const lines = text.split("\n");
  lines.forEach((rawLine, i) => {
    const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === "") return;
    const lineNumber = i + 1;
    const parsed = parseJsonText(line);
    if (!parsed.ok) {
      log.atLine(lineNumber, parsed.column, `not valid JSON: ${parsed.reason}.`);
      return;
    }
    const read = readOtlpRequest(parsed.value);
    if ("reason" in read) log.atLine(lineNumber, undefined, read.reason);
    else add(result, read, log.lineLocation(lineNumber));
  });
  if (result.requests.length === 0 && log.count === 0) log.atPath("", "holds no OTLP requests: nothing to import.");
  result.problems = log.list();
  return result;
}

function emptyResult(): ConvertedTraces<ForeignOtlpRequest> {
  return { requests: [], spanCount: 0, skippedSpanCount: 0, problems: [] };
}

function add(result: ConvertedTraces<ForeignOtlpRequest>, read: { request: ForeignOtlpRequest; spanCount: number }, where: string): void {
  // An empty request (the file exporter never writes one, but other tools may) adds nothing.
  if (read.spanCount === 0) return;
  result.requests.push({ request: read.request, where, spanCount: read.spanCount });
  result.spanCount += read.spanCount;
}

/** Field names as OTLP/JSON writes them, and as proto3 JSON parsers must also accept them. */
const RESOURCE_SPANS = ["resourceSpans", "resource_spans"];
const SCOPE_SPANS = ["scopeSpans", "scope_spans", "instrumentationLibrarySpans", "instrumentation_library_spans"];

export function readOtlpRequest(value: unknown): RequestOrReason {
  // Jaeger's v3 API wraps the request: {"result": {"resourceSpans": [...]}}.
  const request = isJsonObject(value) && isJsonObject(value.result) && !hasAny(value, RESOURCE_SPANS) ? value.result : value;
  if (!isJsonObject(request)) return { reason: "is not an OTLP/JSON request: expected an object with \"resourceSpans\"." };
  const resourceSpans = first(request, RESOURCE_SPANS);
  if (resourceSpans === undefined) {
    const signal = otherOtlpSignal(request);
    if (signal !== undefined) return { reason: `holds OTLP ${signal}, not traces.` };
    return { reason: "is not an OTLP/JSON request: it has no \"resourceSpans\"." };
  }
  if (!Array.isArray(resourceSpans)) return { reason: "is not an OTLP/JSON request: \"resourceSpans\" must be an array." };
  return { request, spanCount: countSpans(resourceSpans) };
}

/** Spans as far as the shape can be trusted; decodeTraceRequest reports anything malformed. */
function countSpans(resourceSpans: unknown[]): number {
  let count = 0;
  for (const rs of resourceSpans) {
    const scopes = isJsonObject(rs) ? first(rs, SCOPE_SPANS) : undefined;
    if (!Array.isArray(scopes)) continue;
    for (const ss of scopes) if (isJsonObject(ss) && Array.isArray(ss.spans)) count += ss.spans.length;
  }
  return count;
}

/** "logs", "metrics" or "profiles" when the object is an OTLP export request of another signal. */
export function otherOtlpSignal(o: JsonObject): string | undefined {
  const key = ["resourceLogs", "resourceMetrics", "resourceProfiles", "resource_logs", "resource_metrics", "resource_profiles"].find((k) => k in o);
  return key === undefined ? undefined : key.replace(/^resource_?/i, "").toLowerCase();
}

function first(o: JsonObject, keys: string[]): unknown {
  for (const key of keys) if (o[key] !== undefined && o[key] !== null) return o[key];
  return undefined;
}

function hasAny(o: JsonObject, keys: string[]): boolean {
  return keys.some((key) => key in o);
}
