// Flowprint spans → the JSON the Jaeger query service answers /api/traces and /api/traces/{id}
// with, so Jaeger's UI and tools built on its API can read Flowprint. The mapping is Jaeger's
// own path from OTLP: the Collector's traces_to_jaegerproto.go, then Jaeger's
// internal/uimodel/converter/v1/json (from_domain.go, process_hashtable.go):
// - ids: span ids as 16 hex digits; a trace id whose high half is zero as 16 digits, else 32;
// - references: the parent as CHILD_OF first, then each link, typed by its
//   `opentracing.ref_type` attribute (FOLLOWS_FROM when absent); a link to the parent retypes
//   the parent reference instead of repeating it;
// - tags: otel.scope.name / otel.scope.version first, then the attributes, then span.kind,
//   otel.status_code (OK / ERROR), error=true for ERROR, otel.status_description and
//   w3c.tracestate when set; the `@jaeger@warnings` attribute becomes the span's warnings;
// - logs: each event, its name as the `event` field first; times in whole microseconds
//   (truncated, as Jaeger truncates), durations never negative;
// - processes: one per distinct service + resource attributes, numbered p1, p2… in order of
//   first use; a service without service.name is Flowprint's "unknown".
// Jaeger's query-time adjusters (clock-skew correction, sorting tags) are not applied.
import type { AttributeValue, Span, SpanLink } from "../otlp/span";
import { attributeToJaegerTag } from "./attribute-to-jaeger-tag";
import {
  JAEGER_TAG,
  type JaegerKeyValue,
  type JaegerLog,
  type JaegerProcess,
  type JaegerQueryResponse,
  type JaegerReference,
  type JaegerSpan,
  type JaegerTrace,
} from "./jaeger-json";

const KIND_NAMES = ["", "internal", "server", "client", "producer", "consumer"] as const;
const ZERO_HIGH_HALF = "0000000000000000";

/** One Jaeger trace per trace id, in the order the ids first occur; spans keep their order. */
export function spansToJaegerTraces(spans: readonly Span[]): JaegerTrace[] {
  const byTrace = new Map<string, Span[]>();
  for (const span of spans) {
    const group = byTrace.get(span.traceId);
    if (group === undefined) byTrace.set(span.traceId, [span]);
    else group.push(span);
  }
  return Array.from(byTrace, ([traceId, group]) => toJaegerTrace(traceId, group));
}

/** The envelope Jaeger's API puts around traces, for /api/traces and /api/traces/{id} alike. */
export function toJaegerQueryResponse(traces: JaegerTrace[]): JaegerQueryResponse {
  return { data: traces, total: 0, limit: 0, offset: 0, errors: null };
}

/** Jaeger's TraceID.String(): 16 digits when the high 64 bits are zero, else 32. */
export function jaegerTraceId(traceId: string): string {
  return traceId.length === 32 && traceId.startsWith(ZERO_HIGH_HALF) ? traceId.slice(16) : traceId;
}

function toJaegerTrace(traceId: string, spans: Span[]): JaegerTrace {
  const processIds = new Map<string, string>();
  const processes: Record<string, JaegerProcess> = {};
  const jaegerSpans = spans.map((span) => {
    const process = toProcess(span);
    const key = JSON.stringify(process);
    let processId = processIds.get(key);
    if (processId === undefined) {
      processId = `p${processIds.size + 1}`;
      processIds.set(key, processId);
      processes[processId] = process;
    }
    return toJaegerSpan(span, processId);
  });
  return { traceID: jaegerTraceId(traceId), spans: jaegerSpans, processes, warnings: null };
}

function toProcess(span: Span): JaegerProcess {
  const serviceName = span.resource.attributes["service.name"];
  const tags: JaegerKeyValue[] = [];
  for (const [key, value] of Object.entries(span.resource.attributes)) if (key !== "service.name") tags.push(attributeToJaegerTag(key, value));
  return { serviceName: typeof serviceName === "string" ? serviceName : span.service, tags };
}

function toJaegerSpan(span: Span, processID: string): JaegerSpan {
  const tags: JaegerKeyValue[] = [];
  if (span.scope.name !== "") tags.push(stringTag(JAEGER_TAG.scopeName, span.scope.name));
  if (span.scope.version !== "") tags.push(stringTag(JAEGER_TAG.scopeVersion, span.scope.version));
  let warnings: string[] | null = null;
  for (const [key, value] of Object.entries(span.attributes)) {
    const spanWarnings = key === JAEGER_TAG.warnings ? readWarnings(value) : null;
    if (spanWarnings !== null) warnings = spanWarnings;
    else tags.push(attributeToJaegerTag(key, value));
  }
  if (span.kind !== 0) tags.push(stringTag(JAEGER_TAG.spanKind, KIND_NAMES[span.kind]));
  if (span.status === "ok") tags.push(stringTag(JAEGER_TAG.statusCode, "OK"));
  if (span.status === "error") tags.push(stringTag(JAEGER_TAG.statusCode, "ERROR"), { key: JAEGER_TAG.error, type: "bool", value: true });
  if (span.statusMessage !== "") tags.push(stringTag(JAEGER_TAG.statusDescription, span.statusMessage));
  if (span.traceState !== "") tags.push(stringTag(JAEGER_TAG.traceState, span.traceState));

  const flags = span.flags & 1;
  return {
    traceID: jaegerTraceId(span.traceId),
    spanID: span.spanId,
    ...(flags !== 0 ? { flags } : {}),
    operationName: span.name,
    references: toReferences(span),
    startTime: micros(span.startNs),
    duration: span.endNs > span.startNs ? micros(span.endNs - span.startNs) : 0,
    tags,
    logs: span.events.map(
      (event): JaegerLog => ({
        timestamp: micros(event.timeNs),
        fields: [
          ...(event.name !== "" && !Object.hasOwn(event.attributes, JAEGER_TAG.event) ? [stringTag(JAEGER_TAG.event, event.name)] : []),
          ...Object.entries(event.attributes).map(([key, value]) => attributeToJaegerTag(key, value)),
        ],
      }),
    ),
    processID,
    warnings,
  };
}

function toReferences(span: Span): JaegerReference[] {
  const refs: JaegerReference[] = [];
  const traceID = jaegerTraceId(span.traceId);
  if (span.parentSpanId !== "") refs.push({ refType: "CHILD_OF", traceID, spanID: span.parentSpanId });
  for (const link of span.links) {
    // A link whose ids the decoder could not read carries nothing to point at (Jaeger drops them too).
    if (link.traceId === "" || link.spanId === "") continue;
    const refType = link.attributes[JAEGER_TAG.refType] === "child_of" ? "CHILD_OF" : "FOLLOWS_FROM";
    if (isLinkToParent(link, span)) {
      refs[0].refType = refType;
      continue;
    }
    refs.push({ refType, traceID: jaegerTraceId(link.traceId), spanID: link.spanId });
  }
  return refs;
}

function isLinkToParent(link: SpanLink, span: Span): boolean {
  return span.parentSpanId !== "" && link.traceId === span.traceId && link.spanId === span.parentSpanId;
}

/** Jaeger v2 stores a span's warnings as a string array attribute; a single string is one warning. */
function readWarnings(value: AttributeValue): string[] | null {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((w): w is string => typeof w === "string")) return value;
  return null;
}

function stringTag(key: string, value: string): JaegerKeyValue {
  return { key, type: "string", value };
}

function micros(ns: bigint): number {
  return Number(ns / 1000n);
}
