// The OTLP rules for a storable span: trace_id 16 bytes and span_id 8 bytes, neither all
// zero (W3C: an all-zero id is invalid); parent_span_id empty for a root, else a valid span
// id; and a non-empty name, which every later stage (entry points, flows) keys on.
import type { RejectionReason } from "./tally-rejections";

/** Bytes of an id as read, or null when the JSON text was neither hex nor base64. */
export type RawId = Uint8Array | null;

/** The first problem of a span, or null when it can be stored. */
export function findRejectionReason(traceId: RawId, spanId: RawId, parentSpanId: RawId, name: string): RejectionReason | null {
  if (traceId === null) return "traceIdEncoding";
  if (traceId.length === 0) return "traceIdMissing";
  if (traceId.length !== 16) return "traceIdLength";
  if (isAllZero(traceId)) return "traceIdZero";
  if (spanId === null) return "spanIdEncoding";
  if (spanId.length === 0) return "spanIdMissing";
  if (spanId.length !== 8) return "spanIdLength";
  if (isAllZero(spanId)) return "spanIdZero";
  if (parentSpanId === null) return "parentSpanIdEncoding";
  if (parentSpanId.length !== 0) {
    if (parentSpanId.length !== 8) return "parentSpanIdLength";
    if (isAllZero(parentSpanId)) return "parentSpanIdZero";
  }
  if (name.length === 0) return "nameMissing";
  return null;
}

function isAllZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}
