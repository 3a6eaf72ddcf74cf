// A trace file of any supported format → OTLP/JSON requests and the problems found: detection
// and conversion in one call, parsing the file once.
import type { ConvertedTraces, ConvertOptions, ForeignOtlpRequest, TraceFileFormat } from "./converted-traces";
import { detectTraceFormat } from "./detect-trace-format";
import { jaegerToOtlp } from "./jaeger-to-otlp";
import type { OtlpJsonRequest } from "./otlp-json";
import { readOtlpJsonDocument, splitOtlpJsonLines } from "./otlp-json-lines";
import { zipkinToOtlp } from "./zipkin-to-otlp";

export interface TraceFileImport extends ConvertedTraces<OtlpJsonRequest | ForeignOtlpRequest> {
  /** null when the file is none of the formats; `problems` then says why. */
  format: TraceFileFormat | null;
}

export function importTraceFile(text: string, options: ConvertOptions = {}): TraceFileImport {
  const detected = detectTraceFormat(text, options.fileName);
  switch (detected.format) {
    case null:
      return { format: null, requests: [], spanCount: 0, skippedSpanCount: 0, problems: [detected.problem] };
    case "otlp-json-lines":
      return { format: detected.format, ...splitOtlpJsonLines(text, options) };
    case "otlp-json":
      return { format: detected.format, ...readOtlpJsonDocument(detected.document, options) };
    case "jaeger-json":
      return { format: detected.format, ...jaegerToOtlp(detected.document, options) };
    case "zipkin-json":
      return { format: detected.format, ...zipkinToOtlp(detected.document, options) };
  }
}
