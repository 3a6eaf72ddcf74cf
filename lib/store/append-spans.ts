// The hot ingest path on the driver adapter: duplicates ignored, trace bookkeeping from the
// rows actually inserted (so a replayed request changes nothing). PostgreSQL: one statement
// per batch. SQLite, when its writer thread is not available: one transaction of multi-row
// statements.
import type { SqlQueryable } from "@prisma/driver-adapter-utils";
import type { Span } from "../otlp/span";
import type { Store } from "./db";
import { driverExecute, driverQuery, inDriverTransaction } from "./driver-sql";
import { sqlDialect, type SqlDialect } from "./sql-dialect";
import { buildSpanBatch, insertedRows, resourceValues, traceDeltas, traceRow, type SpanBatch } from "./span-batch";
import {
  appendBatchPostgresSql,
  insertResourcesSql,
  recordsetJson,
  insertSpansSql,
  RESOURCE_COLUMNS,
  rowsPerStatement,
  statementArgs,
  TRACE_COLUMNS,
  upsertTracesSql,
  type Columns,
} from "./span-batch-sql";
import { SPAN_COLUMNS } from "./span-rows";

export interface AppendResult {
  /** Spans newly stored; spans already stored (a retried request) are not counted. */
  inserted: number;
  duplicates: number;
  traces: number;
}

export async function appendSpans(store: Store, spans: Span[], receivedAtMs = Date.now()): Promise<AppendResult> {
  if (spans.length === 0) return { inserted: 0, duplicates: 0, traces: 0 };
  const dialect = sqlDialect(store.dialect);
  return appendSpanBatch(store, dialect, buildSpanBatch(dialect, spans, receivedAtMs));
}

export async function appendSpanBatch(store: Store, dialect: SqlDialect, batch: SpanBatch): Promise<AppendResult> {
  if (dialect.name === "postgresql") return appendSpanBatchPostgres(store, batch);
  return inDriverTransaction(await store.driver(), async (tx) => {
    await runChunked(tx, dialect, RESOURCE_COLUMNS, batch.resources.map(resourceValues), (n) => insertResourcesSql(dialect, n));
    const returned = await runChunked(tx, dialect, SPAN_COLUMNS, batch.rows, (n) => insertSpansSql(dialect, n), true);
    const inserted = insertedRows(batch.rows, returned);
    const deltas = traceDeltas(inserted);
    await runChunked(
      tx,
      dialect,
      TRACE_COLUMNS,
      deltas.map((d) => traceRow(dialect, d, batch.receivedAtMs)),
      (n) => upsertTracesSql(dialect, n),
    );
    return { inserted: inserted.length, duplicates: batch.rows.length - inserted.length, traces: deltas.length };
  });
}

/** One statement, so one round trip and no explicit transaction: a statement is atomic. */
async function appendSpanBatchPostgres(store: Store, batch: SpanBatch): Promise<AppendResult> {
  const [[inserted, traces]] = (await driverQuery(await store.driver(), appendBatchPostgresSql(), [
    recordsetJson(RESOURCE_COLUMNS, batch.resources.map(resourceValues)),
    recordsetJson(SPAN_COLUMNS, batch.rows),
    batch.receivedAtMs,
  ])) as [number, number][];
  return { inserted: Number(inserted), duplicates: batch.rows.length - Number(inserted), traces: Number(traces) };
}

async function runChunked(
  tx: SqlQueryable,
  dialect: SqlDialect,
  columns: Columns,
  rows: unknown[][],
  sql: (rowCount: number) => string,
  returning = false,
): Promise<unknown[][]> {
  const out: unknown[][] = [];
  const per = rowsPerStatement(dialect, columns.length);
  for (let start = 0; start < rows.length; start += per) {
    const chunk = rows.slice(start, start + per);
    const args = statementArgs(dialect, columns, chunk);
    if (returning) out.push(...(await driverQuery(tx, sql(chunk.length), args)));
    else await driverExecute(tx, sql(chunk.length), args);
  }
  return out;
}
