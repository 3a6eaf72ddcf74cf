// The statements of trace search (lib/traces/trace-search-plan.ts says which run), for SQLite
// and PostgreSQL. Text and parameters are appended together, left to right, because SQLite's
// `?` placeholders bind by position.
import type { AttributeMatch, SpanMatch, TraceSearchPlan } from "../traces/trace-search-plan";
import type { Dialect } from "./db";
import { sqlDialect, type ColumnType, type SqlDialect } from "./sql-dialect";
import { STATUS_CODES } from "./span-rows";

export class SqlStatement {
  text = "";
  readonly args: unknown[] = [];
  private readonly dialect: SqlDialect;

  constructor(dialect: Dialect) {
    this.dialect = sqlDialect(dialect);
  }

  add(text: string): this {
    this.text += text;
    return this;
  }

  value(value: unknown, type?: ColumnType): this {
    this.args.push(value);
    this.text += this.dialect.param(this.args.length, type);
    return this;
  }

  values(values: readonly unknown[], type?: ColumnType): this {
    values.forEach((value, i) => {
      if (i > 0) this.text += ", ";
      this.value(value, type);
    });
    return this;
  }
}

/** The trace columns a summary is made of, in the order traceRows (trace-search.ts) reads them. */
export const TRACE_SUMMARY_COLUMNS = "t.trace_id, t.start_ns, t.end_ns, t.span_count, t.error_count, t.root_service, t.root_name, t.state, t.is_test_generated";

/** `AND …` conditions on the trace row `t`: its start within [lowNs, to), duration, errors. */
export function traceRowConditions(sql: SqlStatement, plan: TraceSearchPlan, lowNs: bigint | undefined): SqlStatement {
  if (lowNs !== undefined) sql.add(" AND t.start_ns >= ").value(lowNs, "bigint");
  if (plan.toNs !== undefined) sql.add(" AND t.start_ns < ").value(plan.toNs, "bigint");
  if (plan.minDurationNs !== undefined) sql.add(" AND t.end_ns - t.start_ns >= ").value(plan.minDurationNs, "bigint");
  if (plan.maxDurationNs !== undefined) sql.add(" AND t.end_ns - t.start_ns <= ").value(plan.maxDurationNs, "bigint");
  if (plan.errorsOnly) sql.add(" AND t.error_count > 0");
  return sql;
}

/**
 * The ids of the resources each attribute filter passes on, in filter order: a span without the
 * key is judged by its resource's attributes (host.name, service.version, ...). Read once per
 * search, so the statements that scan spans look a span's resource up in a list instead of
 * reading resources (a table only ever added to) again in each.
 */
export type PassingResources = string[][];

/** `AND …` conditions on the span row `s`; `toNs`: the span started before it. */
export function spanConditions(sql: SqlStatement, dialect: Dialect, match: SpanMatch, resources: PassingResources, options: { skipService?: boolean; toNs?: bigint }): SqlStatement {
  if (match.service !== undefined && !options.skipService) sql.add(" AND s.service = ").value(match.service);
  if (match.operation !== undefined) sql.add(" AND s.name = ").value(match.operation);
  if (match.status !== undefined) sql.add(" AND s.status_code = ").value(STATUS_CODES[match.status], "int");
  if (options.toNs !== undefined) sql.add(" AND s.start_ns < ").value(options.toNs, "bigint");
  if (match.minDurationNs !== undefined) sql.add(" AND s.duration_ns >= ").value(match.minDurationNs, "bigint");
  if (match.maxDurationNs !== undefined) sql.add(" AND s.duration_ns <= ").value(match.maxDurationNs, "bigint");
  match.attributes.forEach((attribute, i) => attributeCondition(sql, dialect, attribute, resources[i] ?? []));
  return sql;
}

/** The statement reading the resources of the workspace that pass `attribute` (PassingResources). */
export function passingResourcesSql(dialect: Dialect, workspaceId: string, attribute: AttributeMatch): SqlStatement {
  const sql = new SqlStatement(dialect).add("SELECT r.id FROM resources r WHERE r.workspace_id = ").value(workspaceId).add(" AND ");
  // A missing key makes the test null: not passing.
  attributeTest(sql, dialect, attribute, "r");
  return sql;
}

/**
 * `table`'s attribute passes `attribute`: null when the key is missing. Values are JSON: text
 * on SQLite (`->` gives compact JSON text), jsonb on PostgreSQL.
 */
function attributeTest(sql: SqlStatement, dialect: Dialect, attribute: AttributeMatch, table: "s" | "r"): void {
  // SQLite reads `->` operands that start with `$` as paths; a quoted path label compares with
  // the key as JSON wrote it (escapes included), which JSON.stringify reproduces. PostgreSQL
  // cannot tell `jsonb -> $1` (a key) from `jsonb -> $1` (an array index) untyped.
  const path = dialect === "sqlite" ? `$.${JSON.stringify(attribute.key)}` : attribute.key;
  const value = () => sql.add(`${table}.attributes -> `).value(path).add(dialect === "postgresql" ? "::text" : "");
  if (attribute.op === "exists") {
    sql.add("CASE WHEN ");
    value().add(" IS NOT NULL THEN 1 = 1 END");
    return;
  }
  sql.add("(");
  value().add(attribute.op === "equals" ? " IN (" : " NOT IN (").values(attribute.jsonTexts, "json").add(")");
  if (attribute.op === "not_equals") {
    // An empty value (JSON null) has no text: it equals nothing and differs from nothing.
    sql.add(" AND ");
    value().add(dialect === "sqlite" ? " <> 'null'" : " <> 'null'::jsonb");
  }
  sql.add(")");
}

/**
 * `AND` the span's attribute passes `attribute`, or, when the span lacks the key, its resource
 * is among `resourceIds`. Most spans do not pass, so cheap tests come first. On SQLite,
 * attributes are stored as JSON.stringify wrote them: a value or key found nowhere in that text
 * by a substring search is not there, and the text need not be parsed.
 */
function attributeCondition(sql: SqlStatement, dialect: Dialect, attribute: AttributeMatch, resourceIds: string[]): void {
  const resourcePasses = () => {
    if (resourceIds.length === 0) sql.add("1 = 0");
    // One parameter however many: a JSON array, read back into a list the database builds once.
    else if (dialect === "sqlite") sql.add("s.resource_id IN (SELECT value FROM json_each(").value(JSON.stringify(resourceIds)).add("))");
    else sql.add("s.resource_id IN (SELECT jsonb_array_elements_text(").value(JSON.stringify(resourceIds), "json").add("))");
  };
  const spanElseResource = () => {
    sql.add("COALESCE(");
    attributeTest(sql, dialect, attribute, "s");
    sql.add(", ");
    resourcePasses();
    sql.add(")");
  };
  sql.add(" AND ");
  if (dialect === "postgresql") {
    spanElseResource();
    return;
  }
  // What must occur in the span's JSON text if the span passes by its own attribute: the value's
  // JSON text for equality, the key otherwise.
  const keyText = `${JSON.stringify(attribute.key)}:`;
  // Each search reads the whole text, and costs more the more often its first character occurs
  // there: quotes are dropped from the front (`gold"` for "gold"), and a text that holds another
  // is left to that one (500 for "500", 500 and {"$double":500}). Three searches took 118 ms
  // per 10,000 traces' spans, one 45 ms (bench database, 5M spans).
  const candidates = (attribute.op === "equals" ? attribute.jsonTexts : [keyText]).map((text) => (text.startsWith('"') ? text.slice(1) : text));
  const texts = candidates.filter((text, i) => !candidates.some((other, j) => j !== i && text.includes(other) && (other !== text || j < i)));
  sql.add("(");
  for (const text of texts) sql.add("instr(s.attributes, ").value(text).add(") > 0 OR ");
  resourcePasses();
  sql.add(") AND CASE WHEN instr(s.attributes, ").value(keyText).add(") > 0 THEN ");
  spanElseResource();
  sql.add(" ELSE ");
  resourcePasses();
  sql.add(" END");
}

/**
 * `FROM spans s` reached through the primary key (workspace, trace, span). SQLite's planner has
 * no statistics (nothing runs ANALYZE) and, when the service index covers the columns asked
 * for, prefers walking it for the whole workspace over the key's few rows: `operation=` alone
 * took 53 s instead of 2 ms at 1M spans. PostgreSQL plans from statistics. (The index is the
 * one SQLite makes for the table's primary key; were it renamed, every search by span
 * condition would fail, not slow down, and the tests with it.)
 */
export function spansByTrace(dialect: Dialect): string {
  return dialect === "sqlite" ? "spans s INDEXED BY sqlite_autoindex_spans_1" : "spans s";
}

/** `AND EXISTS (a span of trace t meeting match)`, spans reached through the primary key. */
export function traceHasSpan(sql: SqlStatement, dialect: Dialect, match: SpanMatch, resources: PassingResources, toNs: bigint | undefined): SqlStatement {
  sql.add(` AND EXISTS (SELECT 1 FROM ${spansByTrace(dialect)} WHERE s.workspace_id = t.workspace_id AND s.trace_id = t.trace_id`);
  spanConditions(sql, dialect, match, resources, { toNs });
  return sql.add(")");
}
