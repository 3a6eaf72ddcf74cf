// The trace as trace_assert expressions see it. Field names are snake_case because they are
// the expression language's vocabulary (`trace.duration_ms`, `.status_message`), matching the
// OpenTelemetry style people already write in attribute keys; times are milliseconds because
// that is how assertions are written.
import type { Attributes, SpanStatus } from "../otlp/span";
import { buildSpanTree, type TraceSpan } from "../traces";
import { findFirstSpan, findSpans } from "./find-spans";
import { normalizeAttributes } from "./normalize-attribute-value";
import type { PlainRecord } from "./plain-value";

export type SpanKindName = "server" | "client" | "internal" | "producer" | "consumer" | "unspecified";

export interface SpanEventContext {
  name: string;
  attributes: PlainRecord;
}

export interface SpanContext {
  id: string;
  /** null for a span that names no parent. */
  parent_id: string | null;
  /** The operation name. */
  name: string;
  service: string;
  kind: SpanKindName;
  status: SpanStatus;
  status_message: string;
  duration_ms: number;
  /** Milliseconds after the earliest span of the trace started. */
  start_ms: number;
  attributes: PlainRecord;
  /** Resource attributes (`service.version`, `deployment.environment.name`, ...). */
  resource: PlainRecord;
  events: SpanEventContext[];
}

export interface TraceContext {
  id: string;
  /** Wall clock: earliest span start to latest span end. */
  duration_ms: number;
  span_count: number;
  /** In start order; a parent comes before a child that starts at the same instant. */
  spans: SpanContext[];
  /** The parentless span; null when none arrived, rather than a stand-in that would mislead. */
  root: SpanContext | null;
  /** Distinct service names in order of first appearance. */
  services: string[];
  /** Spans with status "error", in start order. */
  errors: SpanContext[];
  /** First span, in start order, whose service or operation is `name`; null if none. */
  span(name: string): SpanContext | null;
  /** Every span whose service or operation is `name` (the expression language's `spans(name)`). */
  matchingSpans(name: string): SpanContext[];
}

/** A stored span plus the optional parts assertions may read. */
export interface TraceContextSpanInput extends TraceSpan {
  statusMessage?: string;
  resourceAttributes?: Attributes;
  events?: readonly { name: string; attributes?: Attributes }[];
}

const KIND_NAMES: readonly SpanKindName[] = ["unspecified", "internal", "server", "client", "producer", "consumer"];

/**
 * Builds the context of one trace (callers group spans by traceId first). Duplicates from
 * retried exports are dropped and the root is chosen as trace assembly does (buildSpanTree), so
 * an assertion sees the same trace the rest of Flowprint shows.
 */
export function buildTraceContext(input: readonly TraceContextSpanInput[]): TraceContext {
  const tree = buildSpanTree(input);
  if (tree.nodes.length === 0) return assemble("", 0, [], null);

  // buildSpanTree's preorder settles ties in start time parent-first; the sort is stable.
  const kept = tree.nodes.map((node) => node.span).sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0));
  let traceStart = kept[0].startNs;
  let traceEnd = kept[0].endNs;
  for (const span of kept) {
    if (span.startNs < traceStart) traceStart = span.startNs;
    if (span.endNs > traceEnd) traceEnd = span.endNs;
  }

  const contexts = new Map<TraceContextSpanInput, SpanContext>();
  const spans = kept.map((span) => {
    const context = toSpanContext(span, traceStart);
    contexts.set(span, context);
    return context;
  });
  const root = tree.root === null || tree.rootMissing ? null : (contexts.get(tree.root.span) ?? null);
  const id = (tree.root?.span ?? kept[0]).traceId;
  return assemble(id, nsToMs(traceEnd - traceStart), spans, root);
}

function assemble(id: string, durationMs: number, spans: SpanContext[], root: SpanContext | null): TraceContext {
  return {
    id,
    duration_ms: durationMs,
    span_count: spans.length,
    spans,
    root,
    services: [...new Set(spans.map((span) => span.service))],
    errors: spans.filter((span) => span.status === "error"),
    span: (name) => findFirstSpan(spans, name),
    matchingSpans: (name) => findSpans(spans, name),
  };
}

function toSpanContext(span: TraceContextSpanInput, traceStart: bigint): SpanContext {
  return {
    id: span.spanId,
    parent_id: span.parentSpanId === "" ? null : span.parentSpanId,
    name: span.name,
    service: span.service,
    kind: KIND_NAMES[span.kind] ?? "unspecified",
    status: span.status,
    status_message: span.statusMessage ?? "",
    duration_ms: nsToMs(span.endNs - span.startNs),
    start_ms: nsToMs(span.startNs - traceStart),
    attributes: normalizeAttributes(span.attributes),
    resource: normalizeAttributes(span.resourceAttributes),
    events: (span.events ?? []).map((event) => ({ name: event.name, attributes: normalizeAttributes(event.attributes) })),
  };
}

/** Differences are taken in bigint first, so only the (small) duration becomes a double. */
function nsToMs(ns: bigint): number {
  return Number(ns) / 1_000_000;
}
