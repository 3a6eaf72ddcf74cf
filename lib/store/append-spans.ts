// The hot ingest path: one transaction of multi-row INSERTs per batch, duplicates ignored.
import type { Span, SpanResource } from "../otlp/span";
import type { SqlQueryable } from "@prisma/driver-adapter-utils";
import type { Store } from "./db";
import { driverExecute, driverQuery, inDriverTransaction } from "./driver-sql";
import { sqlDialect, valuesList, type ColumnType, type SqlDialect } from "./sql-dialect";
import { SPAN_COLUMN_NAMES, SPAN_COLUMN_TYPES, resourceRow, spanRow, type ResourceRow } from "./span-rows";

export interface AppendResult {
  /** Spans newly stored; spans already stored (a retried request) are not counted. */
  inserted: number;
  duplicates: number;
  traces: number;
}

type RawSql = SqlQueryable;

const TRACE_COLUMNS: readonly (readonly [string, ColumnType])[] = [
  ["workspace_id", "text"],
  ["trace_id", "text"],
  ["start_ns", "bigint"],
  ["end_ns", "bigint"],
  ["span_count", "int"],
  ["error_count", "int"],
  ["root_span_id", "text"],
  ["root_service", "text"],
  ["root_name", "text"],
  ["first_seen_ms", "bigint"],
  ["last_seen_ms", "bigint"],
  ["state", "text"],
  ["is_test_generated", "bool"],
];

const RESOURCE_COLUMNS: readonly ColumnType[] = ["text", "text", "json", "int", "text"];

interface TraceDelta {
  workspaceId: string;
  traceId: string;
  startNs: bigint;
  endNs: bigint;
  spanCount: number;
  errorCount: number;
  root: Span | null;
  isTestGenerated: boolean;
}

function spanKey(workspaceId: string, traceId: string, spanId: string): string {
  return `${workspaceId}\u0000${traceId}\u0000${spanId}`;
}

/**
 * Stores `spans` (possibly from several requests and workspaces) in one transaction and
 * updates their traces' bookkeeping from the spans that were actually new, so a replayed
 * request changes nothing.
 */
export async function appendSpans(store: Store, spans: Span[], receivedAtMs = Date.now()): Promise<AppendResult> {
  if (spans.length === 0) return { inserted: 0, duplicates: 0, traces: 0 };
  const dialect = sqlDialect(store.dialect);
  const received = BigInt(receivedAtMs);

  const resources = new Map<SpanResource, ResourceRow>();
  const rows: unknown[][] = new Array(spans.length);
  const byKey = new Map<string, Span>();
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    let resource = resources.get(span.resource);
    if (!resource) {
      resource = resourceRow(span.workspaceId, span.resource);
      resources.set(span.resource, resource);
    }
    rows[i] = spanRow(dialect, span, resource.id, received);
    byKey.set(spanKey(span.workspaceId, span.traceId, span.spanId), span);
  }

  return inDriverTransaction(await store.driver(), async (sql) => {
    await insertResources(sql, dialect, uniqueResources(resources));
    const insertedKeys = await insertSpanRows(sql, dialect, rows);
    const inserted: Span[] = [];
    for (const key of insertedKeys) {
      const span = byKey.get(key);
      if (span) inserted.push(span);
    }
    const deltas = traceDeltas(inserted);
    await upsertTraces(sql, dialect, deltas, received);
    return { inserted: inserted.length, duplicates: spans.length - inserted.length, traces: deltas.length };
  });
}

function uniqueResources(resources: Map<SpanResource, ResourceRow>): ResourceRow[] {
  const byId = new Map<string, ResourceRow>();
  for (const row of resources.values()) byId.set(row.id, row);
  return [...byId.values()];
}

async function insertResources(sql: RawSql, dialect: SqlDialect, resources: ResourceRow[]): Promise<void> {
  if (resources.length === 0) return;
  const values = valuesList(
    dialect,
    RESOURCE_COLUMNS,
    resources.map((r) => [r.id, r.workspaceId, r.attributesJson, r.droppedAttributesCount, r.schemaUrl]),
  );
  await driverExecute(
    sql,
    `INSERT INTO resources (id, workspace_id, attributes, dropped_attributes_count, schema_url) VALUES ${values.sql} ON CONFLICT (id) DO NOTHING`,
    values.params,
  );
}

async function insertSpanRows(sql: RawSql, dialect: SqlDialect, rows: unknown[][]): Promise<string[]> {
  const perStatement = Math.floor(dialect.maxParams / SPAN_COLUMN_TYPES.length);
  const keys: string[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = valuesList(dialect, SPAN_COLUMN_TYPES, chunk);
    const returned = await driverQuery(
      sql,
      `INSERT INTO spans (${SPAN_COLUMN_NAMES.join(",")}) VALUES ${values.sql} ` +
        `ON CONFLICT (workspace_id, trace_id, span_id) DO NOTHING RETURNING workspace_id, trace_id, span_id`,
      values.params,
    );
    for (const [workspaceId, traceId, spanId] of returned) keys.push(spanKey(workspaceId as string, traceId as string, spanId as string));
  }
  return keys;
}

function traceDeltas(spans: Span[]): TraceDelta[] {
  const deltas = new Map<string, TraceDelta>();
  for (const span of spans) {
    const key = `${span.workspaceId}\u0000${span.traceId}`;
    let delta = deltas.get(key);
    if (!delta) {
      delta = {
        workspaceId: span.workspaceId,
        traceId: span.traceId,
        startNs: span.startNs,
        endNs: span.endNs,
        spanCount: 0,
        errorCount: 0,
        root: null,
        isTestGenerated: false,
      };
      deltas.set(key, delta);
    }
    delta.spanCount++;
    if (span.status === "error") delta.errorCount++;
    if (span.startNs < delta.startNs) delta.startNs = span.startNs;
    if (span.endNs > delta.endNs) delta.endNs = span.endNs;
    if (span.isTestGenerated) delta.isTestGenerated = true;
    // With several roots the earliest one names the trace.
    if (span.parentSpanId === "" && (delta.root === null || span.startNs < delta.root.startNs)) delta.root = span;
  }
  return [...deltas.values()];
}

async function upsertTraces(sql: RawSql, dialect: SqlDialect, deltas: TraceDelta[], receivedAtMs: bigint): Promise<void> {
  const types = TRACE_COLUMNS.map(([, type]) => type);
  const perStatement = Math.floor(dialect.maxParams / types.length);
  for (let start = 0; start < deltas.length; start += perStatement) {
    const chunk = deltas.slice(start, start + perStatement).map((d) => [
      d.workspaceId,
      d.traceId,
      d.startNs,
      d.endNs,
      d.spanCount,
      d.errorCount,
      d.root?.spanId ?? "",
      d.root?.service ?? "",
      d.root?.name ?? "",
      receivedAtMs,
      receivedAtMs,
      "open",
      dialect.bool(d.isTestGenerated),
    ]);
    const values = valuesList(dialect, types, chunk);
    const keepRoot = (column: string) =>
      `${column} = CASE WHEN traces.root_span_id = '' THEN excluded.${column} ELSE traces.${column} END`;
    await driverExecute(
      sql,
      `INSERT INTO traces (${TRACE_COLUMNS.map(([name]) => name).join(",")}) VALUES ${values.sql} ` +
        `ON CONFLICT (workspace_id, trace_id) DO UPDATE SET ` +
        `start_ns = ${dialect.least("traces.start_ns", "excluded.start_ns")}, ` +
        `end_ns = ${dialect.greatest("traces.end_ns", "excluded.end_ns")}, ` +
        `span_count = traces.span_count + excluded.span_count, ` +
        `error_count = traces.error_count + excluded.error_count, ` +
        // SET expressions all read the row as it was, so root_span_id = '' holds for each of the three.
        `${keepRoot("root_service")}, ${keepRoot("root_name")}, ${keepRoot("root_span_id")}, ` +
        `last_seen_ms = excluded.last_seen_ms, ` +
        // A late span reopens a completed trace so discovery sees the whole trace again.
        `state = 'open', ` +
        `is_test_generated = (traces.is_test_generated OR excluded.is_test_generated)`,
      values.params,
    );
  }
}
