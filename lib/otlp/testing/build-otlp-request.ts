// Hand-built OTLP requests for the cases the SDK cannot produce (bytes, kvlists, empty values,
// integral doubles, invalid ids), encoded by protoc-gen-es' generated code: an encoder
// independent of the decoder under test, for protobuf and for canonical proto3 JSON.
import { create, toBinary, toJsonString, type MessageInitShape } from "@bufbuild/protobuf";
import type { AnyValue } from "../any-value";
import { ExportTraceServiceRequestSchema } from "../gen/opentelemetry/proto/collector/trace/v1/trace_service_pb";
import type { AnyValueSchema, KeyValueSchema } from "../gen/opentelemetry/proto/common/v1/common_pb";
import type { ResourceSpansSchema, SpanSchema } from "../gen/opentelemetry/proto/trace/v1/trace_pb";

/** The plain-object form of a message (MessageInitShape also admits the message type itself). */
type InitOf<T> = Exclude<T, { $typeName: string }>;

export type SpanInit = InitOf<MessageInitShape<typeof SpanSchema>>;
export type ResourceSpansInit = MessageInitShape<typeof ResourceSpansSchema>;
export type RequestInit = MessageInitShape<typeof ExportTraceServiceRequestSchema>;
type AnyValueInit = MessageInitShape<typeof AnyValueSchema>;
type KeyValueInit = MessageInitShape<typeof KeyValueSchema>;

export function bytesOf(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export const TRACE_ID = "5b8efff798038103d269b633813fc60c";
export const SPAN_ID = "eee19b7ec3c1b174";
export const PARENT_SPAN_ID = "eee19b7ec3c1b173";

export function toProtoAnyValue(value: AnyValue): AnyValueInit {
  switch (value.type) {
    case "empty":
      return {};
    case "string":
      return { value: { case: "stringValue", value: value.value } };
    case "bool":
      return { value: { case: "boolValue", value: value.value } };
    case "int":
      return { value: { case: "intValue", value: value.value } };
    case "double":
      return { value: { case: "doubleValue", value: value.value } };
    case "bytes":
      return { value: { case: "bytesValue", value: value.value } };
    case "array":
      return { value: { case: "arrayValue", value: { values: value.values.map(toProtoAnyValue) } } };
    case "kvlist":
      return { value: { case: "kvlistValue", value: { values: value.values.map((e) => ({ key: e.key, value: toProtoAnyValue(e.value) })) } } };
  }
}

export function protoAttributes(attributes: Record<string, AnyValue>): KeyValueInit[] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: toProtoAnyValue(value) }));
}

/** A valid span; override what the test is about. */
export function spanInit(overrides: Partial<SpanInit> = {}): SpanInit {
  return {
    traceId: bytesOf(TRACE_ID),
    spanId: bytesOf(SPAN_ID),
    parentSpanId: bytesOf(PARENT_SPAN_ID),
    name: "GET /orders/:id",
    kind: 2,
    startTimeUnixNano: 1_700_000_000_123_456_789n,
    endTimeUnixNano: 1_700_000_000_223_456_789n,
    ...overrides,
  };
}

export function requestInit(spans: SpanInit[], serviceName: string | null = "orders"): RequestInit {
  return {
    resourceSpans: [
      {
        resource: { attributes: serviceName === null ? [] : [{ key: "service.name", value: { value: { case: "stringValue", value: serviceName } } }] },
        scopeSpans: [{ scope: { name: "test-scope", version: "1.0.0" }, spans }],
      },
    ],
  };
}

export function encodeProtobuf(init: RequestInit): Uint8Array {
  return toBinary(ExportTraceServiceRequestSchema, create(ExportTraceServiceRequestSchema, init));
}

/**
 * Canonical proto3 JSON, which differs from OTLP/JSON: ids in base64, enums as names, int64 as
 * strings; `useProtoFieldName` writes snake_case names.
 */
export function encodeProto3Json(init: RequestInit, useProtoFieldName = false): Uint8Array {
  return new TextEncoder().encode(toJsonString(ExportTraceServiceRequestSchema, create(ExportTraceServiceRequestSchema, init), { useProtoFieldName }));
}
