// Reading spans back: the spans API and the trace pages.
import type { Attributes, SpanKindNumber } from "../otlp/span";
import type { TraceSpan } from "../traces/trace-span";
import type { Store } from "./db";

export type SpanKindName = "unspecified" | "internal" | "server" | "client" | "producer" | "consumer";
const KIND_NAMES: SpanKindName[] = ["unspecified", "internal", "server", "client", "producer", "consumer"];
const STATUS_NAMES = ["unset", "ok", "error"] as const;
export type SpanStatusName = (typeof STATUS_NAMES)[number];

/** A stored span as the API returns it (snake_case, nanoseconds as decimal strings). */
export interface SpanView {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  trace_state: string;
  flags: number;
  service: string;
  name: string;
  kind: SpanKindName;
  status: SpanStatusName;
  status_message: string;
  start_time: string;
  start_time_unix_nano: string;
  end_time_unix_nano: string;
  duration_ms: number;
  attributes: unknown;
  resource: { attributes: unknown; dropped_attributes_count: number; schema_url: string } | null;
  scope: { name: string; version: string; attributes: unknown };
  events: unknown;
  links: unknown;
  dropped_attributes_count: number;
  dropped_events_count: number;
  dropped_links_count: number;
  is_test_generated: boolean;
  is_synthetic: boolean;
}

export interface SpanFilter {
  traceId?: string;
  service?: string;
  operation?: string;
  status?: SpanStatusName;
  limit: number;
  offset: number;
}

type SpanRecord = {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  traceState: string;
  flags: number;
  service: string;
  name: string;
  kind: number;
  statusCode: number;
  statusMessage: string;
  startNs: bigint;
  endNs: bigint;
  durationNs: bigint;
  attributes: unknown;
  droppedAttributesCount: number;
  events: unknown;
  droppedEventsCount: number;
  links: unknown;
  droppedLinksCount: number;
  resourceId: string;
  scopeName: string;
  scopeVersion: string;
  scopeAttributes: unknown;
  isTestGenerated: boolean;
  isSynthetic: boolean;
};

/** Spans of one workspace, newest first, with the total matching the filter. */
export async function listSpans(store: Store, workspaceId: string, filter: SpanFilter): Promise<{ spans: SpanView[]; total: number }> {
  const where = {
    workspaceId,
    ...(filter.traceId ? { traceId: filter.traceId } : {}),
    ...(filter.service ? { service: filter.service } : {}),
    ...(filter.operation ? { name: filter.operation } : {}),
    ...(filter.status ? { statusCode: STATUS_NAMES.indexOf(filter.status) } : {}),
  };
  if (filter.traceId) {
    // One trace's spans come by primary key and are ordered here (see getTraceSpans).
    const all = (await store.prisma.span.findMany({ where })).sort(newestFirst);
    return { spans: await withResources(store, workspaceId, all.slice(filter.offset, filter.offset + filter.limit)), total: all.length };
  }
  const [records, total] = await Promise.all([
    store.prisma.span.findMany({
      where,
      orderBy: [{ startNs: "desc" }, { spanId: "asc" }],
      take: filter.limit,
      skip: filter.offset,
    }),
    store.prisma.span.count({ where }),
  ]);
  return { spans: await withResources(store, workspaceId, records), total };
}

function newestFirst(a: SpanRecord, b: SpanRecord): number {
  if (a.startNs !== b.startNs) return a.startNs > b.startNs ? -1 : 1;
  return a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0;
}

/** Every span of one trace, in start order. */
export async function getTraceSpans(store: Store, workspaceId: string, traceId: string): Promise<SpanView[]> {
  // Sorted here, not in SQL: ORDER BY start_ns led SQLite to walk the workspace's
  // (workspace_id, start_ns) index, every span of the workspace, instead of the primary key.
  const records = await store.prisma.span.findMany({ where: { workspaceId, traceId } });
  records.sort((a, b) => (a.startNs !== b.startNs ? (a.startNs < b.startNs ? -1 : 1) : a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0));
  return withResources(store, workspaceId, records);
}

async function withResources(store: Store, workspaceId: string, records: SpanRecord[]): Promise<SpanView[]> {
  const ids = [...new Set(records.map((r) => r.resourceId))];
  const resources = ids.length
    ? await store.prisma.resource.findMany({ where: { workspaceId, id: { in: ids } } })
    : [];
  const byId = new Map(resources.map((r) => [r.id, r]));
  return records.map((r) => {
    const resource = byId.get(r.resourceId);
    return spanView(
      r,
      resource
        ? { attributes: resource.attributes, dropped_attributes_count: resource.droppedAttributesCount, schema_url: resource.schemaUrl }
        : null,
    );
  });
}

function spanView(r: SpanRecord, resource: SpanView["resource"]): SpanView {
  return {
    trace_id: r.traceId,
    span_id: r.spanId,
    parent_span_id: r.parentSpanId === "" ? null : r.parentSpanId,
    trace_state: r.traceState,
    flags: r.flags,
    service: r.service,
    name: r.name,
    kind: KIND_NAMES[r.kind] ?? "unspecified",
    status: STATUS_NAMES[r.statusCode] ?? "unset",
    status_message: r.statusMessage,
    start_time: new Date(Number(r.startNs / 1_000_000n)).toISOString(),
    start_time_unix_nano: r.startNs.toString(),
    end_time_unix_nano: r.endNs.toString(),
    duration_ms: Number(r.durationNs) / 1e6,
    attributes: r.attributes,
    resource,
    scope: { name: r.scopeName, version: r.scopeVersion, attributes: r.scopeAttributes ?? {} },
    events: r.events,
    links: r.links,
    dropped_attributes_count: r.droppedAttributesCount,
    dropped_events_count: r.droppedEventsCount,
    dropped_links_count: r.droppedLinksCount,
    is_test_generated: r.isTestGenerated,
    is_synthetic: r.isSynthetic,
  };
}

/** The fields of a span view that trace analysis reads. */
export type AnalysedSpanView = Pick<
  SpanView,
  "trace_id" | "span_id" | "parent_span_id" | "service" | "name" | "kind" | "status" | "status_message" | "start_time_unix_nano" | "end_time_unix_nano" | "attributes"
>;

/** A span as the API returns it, back in the shape span trees and the diagnoses read. */
export function traceSpanOfView(s: AnalysedSpanView): TraceSpan & { statusMessage: string } {
  return {
    traceId: s.trace_id,
    spanId: s.span_id,
    parentSpanId: s.parent_span_id ?? "",
    service: s.service,
    name: s.name,
    kind: KIND_NAMES.indexOf(s.kind) as SpanKindNumber,
    status: s.status,
    statusMessage: s.status_message,
    startNs: BigInt(s.start_time_unix_nano),
    endNs: BigInt(s.end_time_unix_nano),
    attributes: s.attributes as Attributes,
  };
}
