// Jaeger UI / query-API JSON (`{"data": [trace, ...]}` or one bare trace) → Spans. Jaeger keeps
// attributes as typed tags and events as logs whose `event` field names them.
import { makeSpan } from "../../otlp/testing/make-span";
import type { AttributeValue, Attributes, Span, SpanKindNumber } from "../../otlp/span";

interface JaegerTag {
  key: string;
  type?: string;
  value: unknown;
}

interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references?: { refType: string; spanID: string }[];
  startTime: number;
  duration: number;
  processID: string;
  tags?: JaegerTag[];
  logs?: { timestamp: number; fields: JaegerTag[] }[];
}

interface JaegerTrace {
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string; tags?: JaegerTag[] }>;
}

const KINDS: Record<string, SpanKindNumber> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };

function tagValue(tag: JaegerTag): AttributeValue {
  // int64 tags may be written as strings to survive JSON's doubles.
  if (tag.type === "int64" && typeof tag.value === "string") {
    const n = Number(tag.value);
    return Number.isSafeInteger(n) ? n : { $int: tag.value };
  }
  return tag.value as AttributeValue;
}

function tagsToAttributes(tags: readonly JaegerTag[] = []): Attributes {
  return Object.fromEntries(tags.map((tag) => [tag.key, tagValue(tag)]));
}

function toSpan(jaeger: JaegerSpan, trace: JaegerTrace): Span {
  const process = trace.processes[jaeger.processID] ?? { serviceName: "unknown" };
  const attributes = tagsToAttributes(jaeger.tags);
  const startNs = BigInt(jaeger.startTime) * 1000n;
  const isError = attributes.error === true || attributes["otel.status_code"] === "ERROR";
  return makeSpan({
    traceId: jaeger.traceID,
    spanId: jaeger.spanID,
    parentSpanId: jaeger.references?.find((r) => r.refType === "CHILD_OF")?.spanID ?? "",
    service: process.serviceName,
    name: jaeger.operationName,
    kind: KINDS[String(attributes["span.kind"])] ?? 1,
    status: isError ? "error" : "unset",
    statusMessage: typeof attributes["otel.status_description"] === "string" ? attributes["otel.status_description"] : "",
    startNs,
    endNs: startNs + BigInt(jaeger.duration) * 1000n,
    attributes,
    events: (jaeger.logs ?? []).map((log) => {
      const fields = tagsToAttributes(log.fields);
      const { event, ...rest } = fields;
      return { timeNs: BigInt(log.timestamp) * 1000n, name: typeof event === "string" ? event : "log", attributes: rest, droppedAttributesCount: 0 };
    }),
    resource: { attributes: { "service.name": process.serviceName, ...tagsToAttributes(process.tags) }, droppedAttributesCount: 0, schemaUrl: "" },
  });
}

/** The spans of every trace in a Jaeger JSON document. */
export function jaegerTraceToSpans(document: { data?: JaegerTrace[] } | JaegerTrace): Span[] {
  const traces = "data" in document && Array.isArray(document.data) ? document.data : [document as JaegerTrace];
  return traces.flatMap((trace) => trace.spans.map((span) => toSpan(span, trace)));
}
