// A stored span as the store reads it back (SpanView) in the span model lib/trace-formats renders
// as Jaeger JSON. The store keeps attribute values in the model's own encoding, so they pass as they are.
import { SpanKind, type Attributes, type Span, type SpanKindNumber } from "../../otlp/span";
import type { SpanView } from "../../store/span-queries";

const KINDS: Record<SpanView["kind"], SpanKindNumber> = {
  unspecified: SpanKind.UNSPECIFIED,
  internal: SpanKind.INTERNAL,
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  producer: SpanKind.PRODUCER,
  consumer: SpanKind.CONSUMER,
};

const attributesOf = (value: unknown): Attributes => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Attributes) : {});
const listOf = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);

export function spanFromView(workspaceId: string, view: SpanView): Span {
  return {
    workspaceId,
    traceId: view.trace_id,
    spanId: view.span_id,
    parentSpanId: view.parent_span_id ?? "",
    traceState: view.trace_state,
    flags: view.flags,
    service: view.service,
    name: view.name,
    kind: KINDS[view.kind],
    status: view.status,
    statusMessage: view.status_message,
    startNs: BigInt(view.start_time_unix_nano),
    endNs: BigInt(view.end_time_unix_nano),
    attributes: attributesOf(view.attributes),
    droppedAttributesCount: view.dropped_attributes_count,
    events: listOf(view.events).map((e) => ({ timeNs: BigInt(String(e.time_ns ?? "0")), name: String(e.name ?? ""), attributes: attributesOf(e.attributes), droppedAttributesCount: Number(e.dropped_attributes_count ?? 0) })),
    droppedEventsCount: view.dropped_events_count,
    links: listOf(view.links).map((l) => ({
      traceId: String(l.trace_id ?? ""),
      spanId: String(l.span_id ?? ""),
      traceState: String(l.trace_state ?? ""),
      flags: Number(l.flags ?? 0),
      attributes: attributesOf(l.attributes),
      droppedAttributesCount: Number(l.dropped_attributes_count ?? 0),
    })),
    droppedLinksCount: view.dropped_links_count,
    resource: { attributes: attributesOf(view.resource?.attributes), droppedAttributesCount: view.resource?.dropped_attributes_count ?? 0, schemaUrl: view.resource?.schema_url ?? "" },
    scope: { name: view.scope.name, version: view.scope.version, attributes: attributesOf(view.scope.attributes), droppedAttributesCount: 0, schemaUrl: "" },
    isTestGenerated: view.is_test_generated,
    isSynthetic: view.is_synthetic,
  };
}
