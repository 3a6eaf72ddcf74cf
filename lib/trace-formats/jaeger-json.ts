// The JSON the Jaeger query service answers /api/traces and /api/traces/{id} with, and that the
// Jaeger UI downloads: Jaeger's internal/uimodel, field for field and in its field order.

export type JaegerTagType = "string" | "bool" | "int64" | "float64" | "binary";

export interface JaegerKeyValue {
  key: string;
  type: JaegerTagType;
  /** int64 outside ±(2^53-1) is a decimal string (as Jaeger writes it for JavaScript); binary is base64. */
  value: string | number | boolean;
}

export type JaegerRefType = "CHILD_OF" | "FOLLOWS_FROM";

export interface JaegerReference {
  refType: JaegerRefType;
  traceID: string;
  spanID: string;
}

export interface JaegerLog {
  /** Microseconds since the epoch. */
  timestamp: number;
  fields: JaegerKeyValue[];
}

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  /** Omitted when 0, as Jaeger's `omitempty` does; 1 is "sampled". */
  flags?: number;
  operationName: string;
  references: JaegerReference[];
  /** Microseconds since the epoch. */
  startTime: number;
  /** Microseconds. */
  duration: number;
  tags: JaegerKeyValue[];
  logs: JaegerLog[];
  processID: string;
  warnings: string[] | null;
}

export interface JaegerProcess {
  serviceName: string;
  tags: JaegerKeyValue[];
}

export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, JaegerProcess>;
  warnings: string[] | null;
}

/** The envelope of every Jaeger query API answer. */
export interface JaegerQueryResponse {
  data: JaegerTrace[];
  total: number;
  limit: number;
  offset: number;
  errors: null;
}

/** Tag keys by which Jaeger's OTLP translation carries what OTLP keeps in fields of its own. */
export const JAEGER_TAG = {
  spanKind: "span.kind",
  error: "error",
  statusCode: "otel.status_code",
  statusDescription: "otel.status_description",
  scopeName: "otel.scope.name",
  scopeVersion: "otel.scope.version",
  traceState: "w3c.tracestate",
  /** Log field holding an OTLP event's name. */
  event: "event",
  /** Link attribute holding the Jaeger reference type of a link: "child_of" or "follows_from". */
  refType: "opentracing.ref_type",
  /** Span attribute where Jaeger v2 keeps a span's warnings in OTLP (a string array). */
  warnings: "@jaeger@warnings",
} as const;
