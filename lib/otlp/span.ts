// The normalized span: what every layer after decoding works with.

/**
 * An attribute value, lossless across every OTLP AnyValue type while reading as plain JSON:
 * strings, booleans, safe integers and non-integral finite doubles are themselves; arrays are
 * arrays; kvlists are objects. Values plain JSON would blur are tagged objects:
 * `{"$int":"<decimal>"}` for integers outside ±2^53, `{"$double":n}` for integral doubles and
 * `{"$double":"NaN"|"Infinity"|"-Infinity"|"-0"}` (JSON cannot write these; -0 would read back as
 * 0), `{"$bytes":"<base64>"}` (standard alphabet, padded), and
 * `{"$kvlist":{...}}` for a kvlist whose keys would be mistaken for a tag (its only key is
 * `$int`, `$double`, `$bytes` or `$kvlist`). An empty AnyValue is null. decodeAttributeValue
 * in lib/otlp reverses the encoding.
 */
export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | AttributeValue[]
  | { [key: string]: AttributeValue };

export type Attributes = Record<string, AttributeValue>;

/** OTLP SpanKind numbers. */
export const SpanKind = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
} as const;
export type SpanKindNumber = (typeof SpanKind)[keyof typeof SpanKind];

export type SpanStatus = "unset" | "ok" | "error";

export interface SpanEvent {
  timeNs: bigint;
  name: string;
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState: string;
  flags: number;
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface SpanResource {
  attributes: Attributes;
  droppedAttributesCount: number;
  schemaUrl: string;
}

export interface SpanScope {
  name: string;
  version: string;
  attributes: Attributes;
  droppedAttributesCount: number;
  schemaUrl: string;
}

export interface Span {
  workspaceId: string;
  /** 32 lowercase hex characters, never all zero. */
  traceId: string;
  /** 16 lowercase hex characters, never all zero. */
  spanId: string;
  /** 16 lowercase hex characters, or "" for a root span. */
  parentSpanId: string;
  traceState: string;
  flags: number;
  /** Resource `service.name`, else "unknown". */
  service: string;
  name: string;
  kind: SpanKindNumber;
  status: SpanStatus;
  statusMessage: string;
  startNs: bigint;
  endNs: bigint;
  attributes: Attributes;
  droppedAttributesCount: number;
  events: SpanEvent[];
  droppedEventsCount: number;
  links: SpanLink[];
  droppedLinksCount: number;
  /** Shared by reference between the spans of one ResourceSpans. */
  resource: SpanResource;
  /** Shared by reference between the spans of one ScopeSpans. */
  scope: SpanScope;
  isTestGenerated: boolean;
  /** Health-check or bot traffic that discovery skips. */
  isSynthetic: boolean;
}
