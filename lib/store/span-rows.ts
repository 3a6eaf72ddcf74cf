// Span → database row values, in SPAN_COLUMNS order (the raw INSERTs of span-batch-sql.ts).
import { createHash } from "node:crypto";
import type { Span, SpanEvent, SpanLink, SpanResource, SpanStatus } from "../otlp/span";
import type { ColumnType, SqlDialect } from "./sql-dialect";

export const SPAN_COLUMNS = [
  ["workspace_id", "text"],
  ["trace_id", "text"],
  ["span_id", "text"],
  ["parent_span_id", "text"],
  ["trace_state", "text"],
  ["flags", "int"],
  ["service", "text"],
  ["name", "text"],
  ["kind", "int"],
  ["status_code", "int"],
  ["status_message", "text"],
  ["start_ns", "bigint"],
  ["end_ns", "bigint"],
  ["duration_ns", "bigint"],
  ["attributes", "json"],
  ["dropped_attributes_count", "int"],
  ["events", "json"],
  ["dropped_events_count", "int"],
  ["links", "json"],
  ["dropped_links_count", "int"],
  ["resource_id", "text"],
  ["scope_name", "text"],
  ["scope_version", "text"],
  ["scope_attributes", "json"],
  ["is_test_generated", "bool"],
  ["is_synthetic", "bool"],
  ["received_at_ms", "bigint"],
] as const satisfies readonly (readonly [string, ColumnType])[];

export const SPAN_COLUMN_NAMES = SPAN_COLUMNS.map(([name]) => name);

export const STATUS_CODES: Record<SpanStatus, number> = { unset: 0, ok: 1, error: 2 };

/** Events as stored and as the API returns them: snake_case, nanoseconds as decimal strings. */
export function eventsJson(events: SpanEvent[]): string {
  if (events.length === 0) return "[]";
  return JSON.stringify(
    events.map((e) => ({
      time_ns: e.timeNs.toString(),
      name: e.name,
      attributes: e.attributes,
      dropped_attributes_count: e.droppedAttributesCount,
    })),
  );
}

export function linksJson(links: SpanLink[]): string {
  if (links.length === 0) return "[]";
  return JSON.stringify(
    links.map((l) => ({
      trace_id: l.traceId,
      span_id: l.spanId,
      trace_state: l.traceState,
      flags: l.flags,
      attributes: l.attributes,
      dropped_attributes_count: l.droppedAttributesCount,
    })),
  );
}

export interface ResourceRow {
  id: string;
  workspaceId: string;
  attributesJson: string;
  droppedAttributesCount: number;
  schemaUrl: string;
}

/**
 * Resources are identified by a hash of their workspace and content so that every process
 * restart or request that repeats a resource maps to the same row.
 */
export function resourceRow(workspaceId: string, resource: SpanResource): ResourceRow {
  const attributesJson = JSON.stringify(resource.attributes);
  const id = createHash("sha256")
    .update(workspaceId)
    .update("\0")
    .update(attributesJson)
    .update("\0")
    .update(resource.schemaUrl)
    .update("\0")
    .update(String(resource.droppedAttributesCount))
    .digest("hex")
    .slice(0, 32);
  return { id, workspaceId, attributesJson, droppedAttributesCount: resource.droppedAttributesCount, schemaUrl: resource.schemaUrl };
}

export function spanRow(
  dialect: SqlDialect,
  span: Span,
  resourceId: string,
  receivedAtMs: bigint,
): unknown[] {
  const scopeAttributes = Object.keys(span.scope.attributes).length === 0 ? null : JSON.stringify(span.scope.attributes);
  return [
    span.workspaceId,
    span.traceId,
    span.spanId,
    span.parentSpanId,
    span.traceState,
    span.flags,
    span.service,
    span.name,
    span.kind,
    STATUS_CODES[span.status],
    span.statusMessage,
    span.startNs,
    span.endNs,
    span.endNs >= span.startNs ? span.endNs - span.startNs : 0n,
    JSON.stringify(span.attributes),
    span.droppedAttributesCount,
    eventsJson(span.events),
    span.droppedEventsCount,
    linksJson(span.links),
    span.droppedLinksCount,
    resourceId,
    span.scope.name,
    span.scope.version,
    scopeAttributes,
    dialect.bool(span.isTestGenerated),
    dialect.bool(span.isSynthetic),
    receivedAtMs,
  ];
}
