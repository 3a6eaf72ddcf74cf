// The three statements of a span batch, for either dialect. SQLite takes multi-row VALUES
// lists. PostgreSQL takes the whole batch as one JSON text read by json_to_recordset(): one
// parameter, a statement that is small to parse and plan whatever the row count, and no
// per-element array escaping in JavaScript (pg's array serializer cost 6 µs a span).
import { sqlDialect, type ColumnType, type SqlDialect } from "./sql-dialect";
import { SPAN_COLUMNS } from "./span-rows";

export type Columns = readonly (readonly [string, ColumnType])[];

export const RESOURCE_COLUMNS: Columns = [
  ["id", "text"],
  ["workspace_id", "text"],
  ["attributes", "json"],
  ["dropped_attributes_count", "int"],
  ["schema_url", "text"],
];

export const TRACE_COLUMNS: Columns = [
  ["workspace_id", "text"],
  ["trace_id", "text"],
  ["start_ns", "bigint"],
  ["end_ns", "bigint"],
  ["span_count", "int"],
  ["error_count", "int"],
  ["root_span_id", "text"],
  ["root_service", "text"],
  ["root_name", "text"],
  ["root_start_ns", "bigint"],
  ["first_seen_ms", "bigint"],
  ["last_seen_ms", "bigint"],
  ["state", "text"],
  ["is_test_generated", "bool"],
];

const postgresDialect = sqlDialect("postgresql");

const PG_TYPES: Record<ColumnType, string> = { text: "text", int: "integer", bigint: "bigint", json: "jsonb", bool: "boolean" };

const names = (columns: Columns) => columns.map(([name]) => name).join(",");

// PostgreSQL refuses NUL in text and \u0000 in jsonb; a span carrying one must not fail its batch.
const NUL = "\u0000";
const ESCAPED_NUL = "\\u0000";

/**
 * `[{"col": value, ...}, ...]` for json_to_recordset. JSON columns hold JSON text already and
 * are spliced in as they are; 64-bit integers are written as exact decimal digits.
 */
export function recordsetJson(columns: Columns, rows: unknown[][]): string {
  const keys = columns.map(([name]) => JSON.stringify(name) + ":");
  const parts: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let out = "{";
    for (let c = 0; c < columns.length; c++) {
      const value = row[c];
      if (c > 0) out += ",";
      out += keys[c];
      if (value === null || value === undefined) out += "null";
      else if (columns[c][1] === "json") out += (value as string).includes(ESCAPED_NUL) ? (value as string).replaceAll(ESCAPED_NUL, "\\ufffd") : value;
      else if (typeof value === "string") out += JSON.stringify(value.includes(NUL) ? value.replaceAll(NUL, "\ufffd") : value);
      else out += String(value);
    }
    parts[r] = out + "}";
  }
  return "[" + parts.join(",") + "]";
}

/** Rows (SQLite) or columns (PostgreSQL) per statement, bounded by the parameter limit. */
export function rowsPerStatement(dialect: SqlDialect, columnCount: number): number {
  return dialect.name === "postgresql" ? 50_000 : Math.floor(dialect.maxParams / columnCount);
}

function source(dialect: SqlDialect, columns: Columns, rowCount: number): string {
  if (dialect.name === "postgresql") {
    return `SELECT ${names(columns)} FROM json_to_recordset($1::json) AS r(${columns.map(([name, type]) => `${name} ${PG_TYPES[type]}`).join(", ")})`;
  }
  const tuple = `(${columns.map(() => "?").join(",")})`;
  return `VALUES ${new Array(rowCount).fill(tuple).join(",")}`;
}

/** The statement's parameters: flat row-major for SQLite, one JSON text for PostgreSQL. */
export function statementArgs(dialect: SqlDialect, columns: Columns, rows: unknown[][]): unknown[] {
  const columnCount = columns.length;
  if (dialect.name === "postgresql") return [recordsetJson(columns, rows)];
  const flat: unknown[] = new Array(rows.length * columnCount);
  let i = 0;
  for (const row of rows) for (let c = 0; c < columnCount; c++) flat[i++] = row[c];
  return flat;
}


export function insertResourcesSql(dialect: SqlDialect, rowCount: number): string {
  return `INSERT INTO resources (${names(RESOURCE_COLUMNS)}) ${source(dialect, RESOURCE_COLUMNS, rowCount)} ON CONFLICT (id) DO NOTHING`;
}

export function insertSpansSql(dialect: SqlDialect, rowCount: number): string {
  return (
    `INSERT INTO spans (${names(SPAN_COLUMNS)}) ${source(dialect, SPAN_COLUMNS, rowCount)} ` +
    `ON CONFLICT (workspace_id, trace_id, span_id) DO NOTHING RETURNING workspace_id, trace_id, span_id`
  );
}

// The root is the earliest parentless span (ties: the smaller span id), whichever request
// brought it. SET expressions all read the row as it was, so the test holds for all four.
function traceConflictUpdate(dialect: SqlDialect): string {
  const earlierRoot =
    `traces.root_span_id = '' OR (excluded.root_span_id <> '' AND (excluded.root_start_ns < traces.root_start_ns ` +
    `OR (excluded.root_start_ns = traces.root_start_ns AND excluded.root_span_id < traces.root_span_id)))`;
  const keepRoot = (column: string) => `${column} = CASE WHEN ${earlierRoot} THEN excluded.${column} ELSE traces.${column} END`;
  return (
    `ON CONFLICT (workspace_id, trace_id) DO UPDATE SET ` +
    `start_ns = ${dialect.least("traces.start_ns", "excluded.start_ns")}, ` +
    `end_ns = ${dialect.greatest("traces.end_ns", "excluded.end_ns")}, ` +
    `span_count = traces.span_count + excluded.span_count, ` +
    `error_count = traces.error_count + excluded.error_count, ` +
    `${keepRoot("root_service")}, ${keepRoot("root_name")}, ${keepRoot("root_span_id")}, ${keepRoot("root_start_ns")}, ` +
    `last_seen_ms = excluded.last_seen_ms, ` +
    // A late span reopens a completed trace so discovery sees the whole trace again.
    `state = 'open', ` +
    `is_test_generated = (traces.is_test_generated OR excluded.is_test_generated)`
  );
}

export function upsertTracesSql(dialect: SqlDialect, rowCount: number): string {
  return `INSERT INTO traces (${names(TRACE_COLUMNS)}) ${source(dialect, TRACE_COLUMNS, rowCount)} ${traceConflictUpdate(dialect)}`;
}

/**
 * PostgreSQL: the whole batch in one statement ($1 resources, $2 spans as recordset JSON, $3
 * received-at milliseconds). The trace bookkeeping reads the span rows that RETURNING says
 * were new, so replays change nothing, and no row travels back to the server. Traces are
 * upserted in key order so concurrent batches lock them in one order.
 */
export function appendBatchPostgresSql(): string {
  const dialect = postgresDialect;
  const recordset = (columns: Columns, param: number) =>
    `SELECT ${names(columns)} FROM json_to_recordset($${param}::json) AS r(${columns.map(([name, type]) => `${name} ${PG_TYPES[type]}`).join(", ")})`;
  const root = (column: string) => `coalesce((array_agg(${column} ORDER BY start_ns, span_id) FILTER (WHERE parent_span_id = ''))[1], '')`;
  return (
    `WITH res AS (INSERT INTO resources (${names(RESOURCE_COLUMNS)}) ${recordset(RESOURCE_COLUMNS, 1)} ON CONFLICT (id) DO NOTHING), ` +
    `ins AS (INSERT INTO spans (${names(SPAN_COLUMNS)}) ${recordset(SPAN_COLUMNS, 2)} ` +
    `ON CONFLICT (workspace_id, trace_id, span_id) DO NOTHING ` +
    `RETURNING workspace_id, trace_id, span_id, parent_span_id, service, name, status_code, start_ns, end_ns, is_test_generated), ` +
    `up AS (INSERT INTO traces (${names(TRACE_COLUMNS)}) ` +
    `SELECT workspace_id, trace_id, min(start_ns), max(end_ns), count(*), count(*) FILTER (WHERE status_code = 2), ` +
    `${root("span_id")}, ${root("service")}, ${root("name")}, coalesce(min(start_ns) FILTER (WHERE parent_span_id = ''), 0), ` +
    `$3::bigint, $3::bigint, 'open', bool_or(is_test_generated) ` +
    `FROM ins GROUP BY workspace_id, trace_id ORDER BY workspace_id, trace_id ${traceConflictUpdate(dialect)} RETURNING 1) ` +
    `SELECT (SELECT count(*) FROM ins)::integer AS inserted, (SELECT count(*) FROM up)::integer AS traces`
  );
}
