// Public API of the OTLP/HTTP trace decoding library. Pure: no I/O, no framework, no store.
export type { OtlpEncoding } from "./parse-content-type";
export { parseContentType } from "./parse-content-type";
export { OtlpDecodeError } from "./otlp-decode-error";
export type { DecodedTraces } from "./collect-spans";
export { decodeTraceRequest } from "./decode-trace-request";
export { encodeExportResponse } from "./encode-export-response";
export { encodeRpcStatus } from "./encode-rpc-status";
export { classifyTraffic, isSynthetic, isSyntheticUserAgent, isHealthPath, isTestGenerated } from "./classify-traffic";
export type { AnyValue } from "./any-value";
export { encodeAttributeValue } from "./encode-attribute-value";
export { decodeAttributeValue } from "./decode-attribute-value";
export * from "./span";
export type { OtherSignal } from "./other-signals";
export { countOtherSignalItems, encodeOtherSignalResponse, STORES_TRACES_ONLY } from "./other-signals";
export { encodeGrpcStatusDetails } from "./encode-grpc-status-details";
