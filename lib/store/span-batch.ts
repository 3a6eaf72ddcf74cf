// A batch of spans as rows ready for the database, and the trace bookkeeping derived from the
// rows that were actually inserted. Plain data, so a batch can cross to a worker thread.
import type { Span, SpanResource } from "../otlp/span";
import type { SqlDialect } from "./sql-dialect";
import { resourceRow, spanRow, SPAN_COLUMN_NAMES, type ResourceRow } from "./span-rows";

export interface SpanBatch {
  /** One row per span in SPAN_COLUMNS order. */
  rows: unknown[][];
  resources: ResourceRow[];
  receivedAtMs: bigint;
}

const col = (name: (typeof SPAN_COLUMN_NAMES)[number]) => SPAN_COLUMN_NAMES.indexOf(name);
const WS = col("workspace_id");
const TRACE = col("trace_id");
const SPAN = col("span_id");
const PARENT = col("parent_span_id");
const SERVICE = col("service");
const NAME = col("name");
const STATUS = col("status_code");
const START = col("start_ns");
const END = col("end_ns");
const TEST = col("is_test_generated");

export function buildSpanBatch(dialect: SqlDialect, spans: Span[], receivedAtMs: number): SpanBatch {
  const received = BigInt(receivedAtMs);
  const byResource = new Map<SpanResource, ResourceRow>();
  const rows: unknown[][] = new Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    let resource = byResource.get(span.resource);
    if (!resource) {
      resource = resourceRow(span.workspaceId, span.resource);
      byResource.set(span.resource, resource);
    }
    rows[i] = spanRow(dialect, span, resource.id, received);
  }
  // One global order for the keys a transaction locks, so two concurrent transactions (two
  // app instances on one PostgreSQL) that touch the same traces cannot deadlock.
  rows.sort(compareRowKeys);
  const unique = new Map<string, ResourceRow>();
  for (const r of byResource.values()) unique.set(r.id, r);
  return { rows, resources: [...unique.values()], receivedAtMs: received };
}

function compareRowKeys(a: unknown[], b: unknown[]): number {
  for (const index of [WS, TRACE, SPAN]) {
    const x = a[index] as string;
    const y = b[index] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function spanRowKey(workspaceId: unknown, traceId: unknown, spanId: unknown): string {
  return `${workspaceId}\u0000${traceId}\u0000${spanId}`;
}

export function rowKey(row: unknown[]): string {
  return spanRowKey(row[WS], row[TRACE], row[SPAN]);
}

export interface TraceDelta {
  workspaceId: string;
  traceId: string;
  startNs: bigint;
  endNs: bigint;
  spanCount: number;
  errorCount: number;
  rootSpanId: string;
  rootService: string;
  rootName: string;
  rootStartNs: bigint;
  isTestGenerated: boolean;
}

/** Per-trace changes from newly inserted span rows; the earliest root names the trace. */
export function traceDeltas(rows: unknown[][]): TraceDelta[] {
  const deltas = new Map<string, TraceDelta>();
  for (const row of rows) {
    const key = `${row[WS]}\u0000${row[TRACE]}`;
    const start = row[START] as bigint;
    const end = row[END] as bigint;
    let delta = deltas.get(key);
    if (!delta) {
      delta = {
        workspaceId: row[WS] as string,
        traceId: row[TRACE] as string,
        startNs: start,
        endNs: end,
        spanCount: 0,
        errorCount: 0,
        rootSpanId: "",
        rootService: "",
        rootName: "",
        rootStartNs: 0n,
        isTestGenerated: false,
      };
      deltas.set(key, delta);
    }
    delta.spanCount++;
    if (row[STATUS] === 2) delta.errorCount++;
    if (start < delta.startNs) delta.startNs = start;
    if (end > delta.endNs) delta.endNs = end;
    if (row[TEST] === true || row[TEST] === 1) delta.isTestGenerated = true;
    if (row[PARENT] === "" && (delta.rootSpanId === "" || start < delta.rootStartNs)) {
      delta.rootSpanId = row[SPAN] as string;
      delta.rootService = row[SERVICE] as string;
      delta.rootName = row[NAME] as string;
      delta.rootStartNs = start;
    }
  }
  // Deltas come out in row order, which buildSpanBatch made the global key order.
  return [...deltas.values()];
}

export function traceRow(dialect: SqlDialect, d: TraceDelta, receivedAtMs: bigint): unknown[] {
  return [
    d.workspaceId,
    d.traceId,
    d.startNs,
    d.endNs,
    d.spanCount,
    d.errorCount,
    d.rootSpanId,
    d.rootService,
    d.rootName,
    d.rootStartNs,
    receivedAtMs,
    receivedAtMs,
    "open",
    dialect.bool(d.isTestGenerated),
  ];
}

export function resourceValues(r: ResourceRow): unknown[] {
  return [r.id, r.workspaceId, r.attributesJson, r.droppedAttributesCount, r.schemaUrl];
}

/**
 * The rows an INSERT ... RETURNING actually stored, each once: a span repeated inside one
 * batch is inserted by its first row only.
 */
export function insertedRows(rows: unknown[][], returned: unknown[][]): unknown[][] {
  if (returned.length === rows.length) return rows;
  const pending = new Set(returned.map(([ws, trace, span]) => spanRowKey(ws, trace, span)));
  return rows.filter((row) => pending.delete(rowKey(row)));
}
