// What every converter returns: requests ready for decodeTraceRequest, and what it skipped.
import type { ImportProblem } from "./import-problem";
import type { OtlpJsonRequest } from "./otlp-json";

export interface ConvertOptions {
  /** Named in every problem's `where`. */
  fileName?: string;
}

export type TraceFileFormat = "otlp-json" | "otlp-json-lines" | "jaeger-json" | "zipkin-json";

/**
 * An OTLP/JSON request as a file holds it: an object with a "resourceSpans" (or snake_case
 * "resource_spans") array; decodeTraceRequest validates the rest.
 */
export type ForeignOtlpRequest = { [field: string]: unknown };

export interface ImportedRequest<R = OtlpJsonRequest> {
  /** JSON.stringify this and pass it to decodeTraceRequest(body, "json", workspaceId). */
  request: R;
  /** Where it came from, in the words of ImportProblem.where: "trace.json at data[2]", "spans.jsonl:7". */
  where: string;
  spanCount: number;
}

export interface ConvertedTraces<R = OtlpJsonRequest> {
  requests: ImportedRequest<R>[];
  /** Spans in `requests`. */
  spanCount: number;
  /** Spans the converter saw and left out; a line or file it could not read adds a problem but no count. */
  skippedSpanCount: number;
  problems: ImportProblem[];
}
