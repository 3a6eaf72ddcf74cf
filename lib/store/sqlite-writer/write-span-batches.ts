// SQLite's side of the hot ingest path, synchronous on better-sqlite3: several batches in one
// transaction (group commit), prepared statements cached by row count. Runs in the writer
// thread (sqlite-writer-thread.ts) and in the benchmark's raw-insert ceiling.
import type Database from "better-sqlite3";
import { sqlDialect } from "../sql-dialect";
import { insertedRows, resourceValues, traceDeltas, traceRow, type SpanBatch } from "../span-batch";
import {
  insertResourcesSql,
  insertSpansSql,
  RESOURCE_COLUMNS,
  rowsPerStatement,
  statementArgs,
  TRACE_COLUMNS,
  upsertTracesSql,
  type Columns,
} from "../span-batch-sql";
import { SPAN_COLUMNS } from "../span-rows";

const dialect = sqlDialect("sqlite");

// Statements are cached per power-of-two row count; other counts run as the largest cached
// size plus the remainder, so a handful of prepared statements serve every batch size.
const CHUNK_SIZES = [256, 64, 16, 4, 1];

export interface BatchOutcome {
  inserted: number;
  duplicates: number;
}

export class SqliteSpanBatchWriter {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  private run(columns: Columns, rows: unknown[][], sql: (n: number) => string, returning: boolean): unknown[][] {
    const out: unknown[][] = [];
    const max = Math.min(rowsPerStatement(dialect, columns.length), CHUNK_SIZES[0]);
    let offset = 0;
    while (offset < rows.length) {
      const remaining = rows.length - offset;
      const size = remaining >= max ? max : (CHUNK_SIZES.find((s) => s <= remaining) ?? 1);
      const chunk = rows.slice(offset, offset + size);
      const stmt = this.statement(sql(size));
      const args = statementArgs(dialect, columns, chunk);
      if (returning) for (const row of stmt.raw(true).all(args) as unknown[][]) out.push(row);
      else stmt.run(args);
      offset += size;
    }
    return out;
  }

  /** Writes every batch in one transaction and reports each batch's outcome. */
  write(batches: SpanBatch[]): BatchOutcome[] {
    return this.db.transaction(() => batches.map((batch) => this.writeOne(batch)))();
  }

  private writeOne(batch: SpanBatch): BatchOutcome {
    this.run(RESOURCE_COLUMNS, batch.resources.map(resourceValues), (n) => insertResourcesSql(dialect, n), false);
    const returned = this.run(SPAN_COLUMNS, batch.rows, (n) => insertSpansSql(dialect, n), true);
    const inserted = insertedRows(batch.rows, returned);
    const traces = traceDeltas(inserted).map((d) => traceRow(dialect, d, batch.receivedAtMs));
    this.run(TRACE_COLUMNS, traces, (n) => upsertTracesSql(dialect, n), false);
    return { inserted: inserted.length, duplicates: batch.rows.length - inserted.length };
  }
}
