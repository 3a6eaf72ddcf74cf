// The OTLP/JSON ExportTraceServiceRequest the converters build: hex ids, enums as numbers,
// 64-bit integers and nanosecond times as decimal strings, so JSON.stringify of it is exactly
// what an SDK would have sent and decodeTraceRequest(…, "json", …) reads it like live traffic.

export type OtlpJsonAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  /** A number, or "NaN" / "Infinity" / "-Infinity", which JSON cannot write as numbers. */
  | { doubleValue: number | string }
  /** Standard base64. */
  | { bytesValue: string }
  | { arrayValue: { values: OtlpJsonAnyValue[] } }
  | { kvlistValue: { values: OtlpJsonKeyValue[] } };

export interface OtlpJsonKeyValue {
  key: string;
  value: OtlpJsonAnyValue;
}

export interface OtlpJsonEvent {
  timeUnixNano: string;
  name: string;
  attributes: OtlpJsonKeyValue[];
  droppedAttributesCount?: number;
}

export interface OtlpJsonLink {
  traceId: string;
  spanId: string;
  traceState?: string;
  attributes: OtlpJsonKeyValue[];
  droppedAttributesCount?: number;
}

/** SpanKind and StatusCode numbers as in lib/otlp/span.ts. */
export interface OtlpJsonSpan {
  traceId: string;
  spanId: string;
  /** "" for a root span. */
  parentSpanId: string;
  traceState?: string;
  flags?: number;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpJsonKeyValue[];
  events: OtlpJsonEvent[];
  links: OtlpJsonLink[];
  status: { code: number; message?: string };
}

export interface OtlpJsonScopeSpans {
  scope: { name: string; version?: string };
  spans: OtlpJsonSpan[];
}

export interface OtlpJsonResourceSpans {
  resource: { attributes: OtlpJsonKeyValue[] };
  scopeSpans: OtlpJsonScopeSpans[];
}

export interface OtlpJsonRequest {
  resourceSpans: OtlpJsonResourceSpans[];
}

export const STATUS_UNSET = 0;
export const STATUS_OK = 1;
export const STATUS_ERROR = 2;

/** W3C trace-flags bit 0, which OTLP keeps in the low byte of Span.flags. */
export const SAMPLED_FLAG = 0x01;

export function stringValue(value: string): OtlpJsonAnyValue {
  return { stringValue: value };
}

/**
 * Attributes in the order first set, each key once (OTLP requires unique keys): a later value
 * for a key replaces the earlier one in its place, as the Collector's pcommon.Map does.
 */
export type AttributeMap = Map<string, OtlpJsonAnyValue>;

export function toKeyValues(attributes: AttributeMap): OtlpJsonKeyValue[] {
  return Array.from(attributes, ([key, value]) => ({ key, value }));
}

/** The string an attribute holds, or undefined when absent or of another type. */
export function stringAttribute(attributes: AttributeMap, key: string): string | undefined {
  const value = attributes.get(key);
  return value !== undefined && "stringValue" in value ? value.stringValue : undefined;
}

/** Microseconds (Jaeger, Zipkin) as OTLP's decimal nanoseconds. */
export function microsToNanos(micros: bigint): string {
  return (micros * 1000n).toString();
}
