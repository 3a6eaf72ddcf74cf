// Public API of the trace file format library: Jaeger, Zipkin and OTLP/JSON files → OTLP/JSON
// requests for decodeTraceRequest, and Flowprint spans → Jaeger query JSON. Pure: no I/O, no
// framework, no store.
export type { ConvertedTraces, ConvertOptions, ForeignOtlpRequest, ImportedRequest, TraceFileFormat } from "./converted-traces";
export type { ImportProblem } from "./import-problem";
export { formatImportProblem, MAX_LISTED_PROBLEMS } from "./import-problem";
export type { DetectedTraceFile, DocumentFormat } from "./detect-trace-format";
export { classifyTraceDocument, detectTraceFormat } from "./detect-trace-format";
export type { TraceFileImport } from "./import-trace-file";
export { importTraceFile } from "./import-trace-file";
export { EMPTY_SPAN_NAME, jaegerToOtlp } from "./jaeger-to-otlp";
export { UNKNOWN_SPAN_NAME } from "./zipkin-span-to-otlp";
export { zipkinToOtlp } from "./zipkin-to-otlp";
export type { ZipkinBatch } from "./read-zipkin-batch";
export { readZipkinBatch } from "./read-zipkin-batch";
export { readOtlpJsonDocument, splitOtlpJsonLines } from "./otlp-json-lines";
export type { DecodedImport } from "./decode-imported-requests";
export { decodeImportedRequests } from "./decode-imported-requests";
export type { RepeatsDropped } from "./drop-repeated-spans";
export { dropRepeatedSpans } from "./drop-repeated-spans";
export type * from "./otlp-json";
export type * from "./jaeger-json";
export { JAEGER_TAG } from "./jaeger-json";
export { jaegerTraceId, spansToJaegerTraces, toJaegerQueryResponse } from "./spans-to-jaeger-traces";
export { parseJsonText } from "./parse-json-text";
export { sortJaegerTags } from "./sort-jaeger-tags";
