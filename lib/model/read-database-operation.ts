// What a database client span did: which system and namespace, which operation, which tables
// (or collections) it touched, and whether it changed stored data. Read from the semantic
// convention attributes, current keys before older ones; what they leave out comes from the
// statement (parsed with node-sql-parser), then from `db.query.summary`, then from the span name.
import sqlParser from "node-sql-parser";
import { classifyDatabaseOperation } from "../graph/classify-database-operation";
import type { Attributes } from "../otlp/span";
import { readTextAttribute } from "../traces/read-text-attribute";

export type DatabaseOperationKind = "insert" | "select" | "update" | "delete" | "upsert" | "other";

export interface DatabaseOperation {
  system: string | null;
  namespace: string | null;
  operation: string | null;
  kind: DatabaseOperationKind;
  tables: string[];
  writes: boolean;
}

interface ParsedStatement {
  operation: string | null;
  kind: DatabaseOperationKind;
  tables: string[];
}

const SYSTEM_KEYS = ["db.system.name", "db.system"];
const NAMESPACE_KEYS = ["db.namespace", "db.name"];
const OPERATION_KEYS = ["db.operation.name", "db.operation"];
const TABLE_KEYS = ["db.collection.name", "db.sql.table", "db.mongodb.collection", "db.cosmosdb.container"];
const STATEMENT_KEYS = ["db.query.text", "db.statement"];
// Newest conventions (≥ 1.30): a low-cardinality "{operation} {target}..." summary.
const SUMMARY_KEYS = ["db.query.summary"];
// Older DynamoDB convention: the tables as a string array.
const DYNAMODB_TABLES_KEY = "aws.dynamodb.table_names";

const WRITE_KINDS: ReadonlySet<DatabaseOperationKind> = new Set(["insert", "update", "delete", "upsert"]);

// Relational systems (current and older db.system spellings), as in
// lib/graph/classify-database-operation: their operations are SQL keywords, so `SET` is a
// session setting and `CREATE` is a schema change, not a record.
const SQL_SYSTEMS: ReadonlySet<string> = new Set([
  "postgresql", "mysql", "mariadb", "mssql", "microsoft.sql_server", "oracle", "oracle.db", "sqlite", "db2", "ibm.db2",
  "h2", "hsqldb", "derby", "cockroachdb", "clickhouse", "trino", "tidb", "spanner", "gcp.spanner", "redshift",
  "aws.redshift", "snowflake", "sybase", "teradata", "vertica", "informix", "firebird", "hive", "sap.hana", "hanadb",
  "cassandra", "other_sql",
]);
// Key-value stores: the statement is a command line ("HSET cart:1 ? ?") whose argument is a key,
// not a table.
const COMMAND_SYSTEMS: ReadonlySet<string> = new Set(["redis", "valkey", "memcached"]);
// Statements of these systems are not SQL (JSON commands, REST bodies, Cypher...): never parsed.
const NON_SQL_SYSTEMS: ReadonlySet<string> = new Set([
  ...COMMAND_SYSTEMS, "mongodb", "aws.dynamodb", "dynamodb", "elasticsearch", "opensearch", "couchbase", "couchdb",
  "cosmosdb", "azure.cosmosdb", "hbase", "geode", "neo4j", "coherence",
]);
// Systems whose names carry no schema prefix to strip: a MongoDB collection may be "fs.chunks".
const DOTTED_NAME_SYSTEMS: ReadonlySet<string> = new Set(["mongodb", "cosmosdb", "azure.cosmosdb", "couchbase", "couchdb", "elasticsearch", "opensearch"]);

// node-sql-parser dialect per system. A statement that fails in its dialect is retried as MySQL
// and then PostgreSQL: JDBC and ODBC record `?` placeholders whatever the database, which the
// PostgreSQL and T-SQL grammars reject.
const DIALECTS: ReadonlyMap<string, string> = new Map(Object.entries({
  postgresql: "PostgresQL", cockroachdb: "PostgresQL", mysql: "MySQL", tidb: "MySQL", mariadb: "MariaDB",
  sqlite: "Sqlite", mssql: "TransactSQL", "microsoft.sql_server": "TransactSQL", redshift: "Redshift",
  "aws.redshift": "Redshift", snowflake: "Snowflake", trino: "Trino", db2: "DB2", "ibm.db2": "DB2", hive: "Hive",
}));
const FALLBACK_DIALECTS = ["MySQL", "PostgresQL"];

// SQL statement keywords (also what node-sql-parser calls its statement types).
const SQL_KINDS: ReadonlyMap<string, DatabaseOperationKind> = new Map(Object.entries({
  SELECT: "select", INSERT: "insert", UPDATE: "update", DELETE: "delete", UPSERT: "upsert", MERGE: "upsert",
  REPLACE: "upsert", TRUNCATE: "delete",
} as const));
// Command and method names of document and key-value stores: MongoDB, Redis/Valkey, Memcached,
// DynamoDB, Elasticsearch/OpenSearch, and generic client verbs. Uppercased. Reads not listed
// here come from the classifier's read commands; writes that fit no kind (BulkWrite,
// BatchWriteItem, FLUSHALL mixes) stay "other" and still count as writes.
const COMMAND_KINDS: ReadonlyMap<string, DatabaseOperationKind> = new Map([
  ...kindOf("insert", [
      "INSERT", "INSERTONE", "INSERTMANY", "CREATE", "PUT", "PUTITEM", "ADD", "SETNX", "MSETNX", "HSETNX",
      "LPUSH", "RPUSH", "LPUSHX", "RPUSHX", "LINSERT", "SADD", "ZADD", "XADD", "GEOADD", "PFADD",
  ]),
  ...kindOf("update", [
      "UPDATE", "UPDATEONE", "UPDATEMANY", "REPLACEONE", "FINDANDMODIFY", "FINDONEANDUPDATE", "FINDONEANDREPLACE",
      "UPDATEITEM", "UPDATE_BY_QUERY", "INCR", "INCRBY", "INCRBYFLOAT", "DECR", "DECRBY", "HINCRBY", "HINCRBYFLOAT",
      "ZINCRBY", "APPEND", "PREPEND", "SETRANGE", "SETBIT", "LSET", "CAS", "TOUCH", "EXPIRE", "PEXPIRE", "EXPIREAT",
      "PEXPIREAT", "PERSIST", "GETEX", "RENAME", "RENAMENX",
  ]),
  ...kindOf("delete", [
      "DELETE", "DELETEONE", "DELETEMANY", "REMOVE", "FINDONEANDDELETE", "DELETEITEM", "DELETE_BY_QUERY", "DEL",
      "UNLINK", "GETDEL", "HDEL", "LREM", "LTRIM", "LPOP", "RPOP", "BLPOP", "BRPOP", "SREM", "SPOP", "ZREM",
      "ZPOPMIN", "ZPOPMAX", "ZREMRANGEBYSCORE", "ZREMRANGEBYRANK", "XDEL", "XTRIM",
  ]),
  // Written whether or not the key or document exists.
  ...kindOf("upsert", ["UPSERT", "SET", "SETEX", "PSETEX", "MSET", "GETSET", "HSET", "HMSET", "SAVE", "INDEX"]),
]);

function kindOf(kind: DatabaseOperationKind, names: readonly string[]): [string, DatabaseOperationKind][] {
  return names.map((name) => [name, kind]);
}

// Statements longer than this are not parsed: parse time grows with length and a failing parse
// of a few kilobytes already takes a good fraction of a second.
const MAX_STATEMENT_CHARS = 8192;
// Instrumented applications repeat the same parameterized statements; parsing each once keeps
// the parser off the hot path. Oldest entries go first.
const PARSE_CACHE_SIZE = 512;
const parseCache = new Map<string, ParsedStatement | null>();
const parser = new sqlParser.Parser();

/** What a database client span did; null when the span names no database system. */
export function readDatabaseOperation(attributes: Attributes, spanName?: string): DatabaseOperation | null {
  const recordedSystem = readTextAttribute(attributes, SYSTEM_KEYS);
  if (recordedSystem === undefined) return null;
  const system = recordedSystem.trim().toLowerCase();
  const namespace = readTextAttribute(attributes, NAMESPACE_KEYS) ?? null;
  const recordedOperation = readTextAttribute(attributes, OPERATION_KEYS)?.trim();
  const isCommandSystem = COMMAND_SYSTEMS.has(system);
  const recordedTables = isCommandSystem ? [] : readRecordedTables(attributes, system);

  let derived: ParsedStatement | null = null;
  if (recordedOperation === undefined || recordedTables.length === 0) {
    const statement = readTextAttribute(attributes, STATEMENT_KEYS);
    const summary = readTextAttribute(attributes, SUMMARY_KEYS);
    derived =
      (statement === undefined ? null : readStatement(statement, system)) ??
      (summary === undefined ? null : readSummary(summary, system, namespace, false)) ??
      (spanName === undefined ? null : readSummary(spanName, system, namespace, true));
    if (derived !== null && isCommandSystem) derived = { ...derived, tables: [] };
  }

  const operation = recordedOperation ?? derived?.operation ?? null;
  const recordedKind = recordedOperation === undefined ? undefined : operationKind(recordedOperation, system);
  // The recorded name wins unless it names no kind ("execute", JDBC's) or the statement is more
  // precise about it (an INSERT with ON CONFLICT DO UPDATE is an upsert).
  const kind =
    recordedKind === undefined || recordedKind === "other" || (recordedKind === "insert" && derived?.kind === "upsert")
      ? (derived?.kind ?? recordedKind ?? "other")
      : recordedKind;
  const tables = dedupe([...recordedTables, ...(derived?.tables ?? [])]);
  // Writes that fit no kind (schema changes, bulk writes) count as the service graph counts them.
  const writes = WRITE_KINDS.has(kind) || classifyDatabaseOperation(attributes, spanName) === "writes";
  return { system, namespace, operation, kind, tables, writes };
}

/**
 * Operation, kind and tables of one SQL statement, or null when it cannot be parsed (blank,
 * longer than 8192 characters, or rejected by every dialect tried). `system` (a `db.system`
 * value) picks the parser dialect. Tables are unqualified (no schema prefix), lowercase, in
 * statement order and without the names of common table expressions.
 *
 * `INSERT ... ON CONFLICT ... DO UPDATE` (PostgreSQL), `INSERT ... ON DUPLICATE KEY UPDATE`,
 * `INSERT OR REPLACE` and `REPLACE` are upserts; `ON CONFLICT DO NOTHING` only ever inserts.
 * Statements the parser does not know are null, e.g. a data-modifying `WITH ... DELETE` or
 * SQLite's `ON CONFLICT` clause.
 */
export function parseSqlStatement(sql: string, system?: string | null): ParsedStatement | null {
  const text = sql.trim();
  if (text === "" || text.length > MAX_STATEMENT_CHARS) return null;
  const dialects = dedupe([DIALECTS.get(system?.trim().toLowerCase() ?? "") ?? FALLBACK_DIALECTS[0], ...FALLBACK_DIALECTS]);
  const cacheKey = `${dialects.join(",")}\n${text}`;
  if (parseCache.has(cacheKey)) return copyParsed(parseCache.get(cacheKey) ?? null);
  const parsed = parseInDialects(text, dialects);
  if (parseCache.size >= PARSE_CACHE_SIZE) parseCache.delete(parseCache.keys().next().value as string);
  parseCache.set(cacheKey, parsed);
  return copyParsed(parsed);
}

function parseInDialects(text: string, dialects: readonly string[]): ParsedStatement | null {
  for (const database of dialects) {
    let result: { tableList: string[]; ast: unknown };
    try {
      result = parser.parse(text, { database });
    } catch {
      // A syntax error, or a RangeError from absurd nesting: try the next dialect.
      continue;
    }
    const statements = (Array.isArray(result.ast) ? result.ast : [result.ast]).filter(isRecord);
    if (statements.length === 0) continue;
    const described = statements.map(describeStatement);
    // "BEGIN; UPDATE ...; COMMIT": the data statement names the operation.
    const main = described.find((statement) => statement.kind !== "other") ?? described[0];
    return { operation: main.operation, kind: main.kind, tables: orderTables(result.tableList, statements) };
  }
  return null;
}

function describeStatement(statement: Record<string, unknown>): { operation: string | null; kind: DatabaseOperationKind } {
  const type = typeof statement.type === "string" ? statement.type.toUpperCase() : null;
  if (type === null) return { operation: null, kind: "other" };
  if (type === "TRANSACTION") {
    // {expr: {action: {value: "begin"}}}
    const action = readPath(statement, ["expr", "action", "value"]);
    return { operation: typeof action === "string" ? action.toUpperCase() : type, kind: "other" };
  }
  if (type === "INSERT" && isUpsertInsert(statement)) return { operation: type, kind: "upsert" };
  return { operation: type, kind: SQL_KINDS.get(type) ?? "other" };
}

function isUpsertInsert(statement: Record<string, unknown>): boolean {
  // PostgreSQL: conflict.action.expr is {type: "update"} for DO UPDATE, {value: "nothing"} otherwise.
  if (readPath(statement, ["conflict", "action", "expr", "type"]) === "update") return true;
  // MySQL / MariaDB: ON DUPLICATE KEY UPDATE.
  if (isRecord(statement.on_duplicate_update)) return true;
  // SQLite: INSERT OR REPLACE, written as [{value: "or"}, {value: "REPLACE"}].
  const or = statement.or;
  return Array.isArray(or) && or.some((part) => isRecord(part) && typeof part.value === "string" && part.value.toUpperCase() === "REPLACE");
}

/**
 * The parser's table list ("select::shop::orders") holds the right set but lists inner queries
 * first and includes references to common table expressions. A walk of the syntax tree in
 * source order gives the order; table references are objects with `db` and a string `table`
 * (column references carry type "column_ref"). An alias such as `DELETE o FROM orders o`'s
 * first `o` is a reference too, so only names in the list are kept.
 */
function orderTables(tableList: readonly string[], statements: readonly Record<string, unknown>[]): string[] {
  const listed = dedupe(tableList.map((entry) => entry.split("::").slice(2).join("::").toLowerCase()).filter((name) => name !== ""));
  const listedSet = new Set(listed);
  const cteNames = new Set<string>();
  const referenced: string[] = [];
  const stack: unknown[] = [...statements].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let index = node.length - 1; index >= 0; index--) stack.push(node[index]);
      continue;
    }
    if (!isRecord(node)) continue;
    if (typeof node.table === "string" && "db" in node && node.type !== "column_ref") referenced.push(node.table.toLowerCase());
    if (Array.isArray(node.with)) {
      for (const cte of node.with) {
        const name = isRecord(cte) ? (typeof cte.name === "string" ? cte.name : readPath(cte, ["name", "value"])) : undefined;
        if (typeof name === "string") cteNames.add(name.toLowerCase());
      }
    }
    const values = Object.values(node);
    for (let index = values.length - 1; index >= 0; index--) stack.push(values[index]);
  }
  return dedupe([...referenced.filter((name) => listedSet.has(name)), ...listed]).filter((name) => !cteNames.has(name));
}

/** Key-value commands name the operation by their first word; SQL goes to the parser. */
function readStatement(statement: string, system: string): ParsedStatement | null {
  if (COMMAND_SYSTEMS.has(system)) {
    const command = statement.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
    if (!/^[A-Z][A-Z0-9_.]*$/.test(command)) return null;
    return { operation: command, kind: operationKind(command, system), tables: [] };
  }
  if (NON_SQL_SYSTEMS.has(system)) return null;
  return parseSqlStatement(statement, system);
}

// Words after the operation in "{operation} {target}" that show the text is a statement, not a
// summary, so its words are not table names.
const SQL_CLAUSE_WORDS: ReadonlySet<string> = new Set(["FROM", "INTO", "WHERE", "VALUES", "SET", "JOIN", "ON", "AS", "BY", "TABLE", "*"]);
const TARGET = /^[A-Za-z0-9_$.\-"`[\]]+$/;

/**
 * A `db.query.summary` ("SELECT orders", "INSERT shipping SELECT orders") or a span name in the
 * conventions' "{operation} {target}" form ("INSERT shop.orders"). The first word is the
 * operation; later words that are not operations are targets, unless one looks like a statement
 * clause or a server address (`host:port`), or is the namespace itself. A span name counts only
 * when its first word is a known operation: otherwise it is likely the system or the namespace.
 */
function readSummary(text: string, system: string, namespace: string | null, isSpanName: boolean): ParsedStatement | null {
  const words = text.trim().split(/\s+/);
  if (words[0] === "") return null;
  const first = words[0].toUpperCase() === "BATCH" && words.length > 1 ? `${words[0]} ${words[1]}` : words[0];
  const kind = operationKind(first, system);
  if (isSpanName && kind === "other") return null;
  const rest = words.slice(first.includes(" ") ? 2 : 1);
  const targets = rest.filter((word) => operationKind(word, system) === "other" && !OPERATION_WORDS.has(word.toUpperCase()));
  const isSummaryShaped = targets.every((word) => TARGET.test(word) && !SQL_CLAUSE_WORDS.has(word.toUpperCase()));
  const prefix = namespace === null ? null : namespace.toLowerCase();
  const tables = isSummaryShaped
    ? targets
        .map((word) => word.toLowerCase())
        .filter((word) => word !== prefix)
        // "{namespace}.{collection}" (older conventions): the namespace is not part of the name.
        .map((word) => (prefix !== null && word.startsWith(`${prefix}.`) ? word.slice(prefix.length + 1) : word))
        .map((word) => normalizeTable(word, system))
    : [];
  return { operation: first, kind, tables: dedupe(tables.filter((table) => table !== "")) };
}
// Operation words a summary may chain that map to no kind.
const OPERATION_WORDS: ReadonlySet<string> = new Set(["CREATE", "ALTER", "DROP", "CALL", "EXEC", "EXECUTE"]);

/** Kind of an operation name, case-insensitively, after semconv's `BATCH ` prefix. */
function operationKind(name: string, system: string): DatabaseOperationKind {
  const words = name.trim().toUpperCase().split(/\s+/);
  const word = words[0] === "BATCH" && words.length > 1 ? words[1] : words[0];
  const sqlKind = SQL_KINDS.get(word);
  if (sqlKind !== undefined) return sqlKind;
  if (SQL_SYSTEMS.has(system)) return "other";
  const commandKind = COMMAND_KINDS.get(word);
  if (commandKind !== undefined) return commandKind;
  // Reads are the classifier's (GET, HGETALL, find, GetItem, Query, Scan, search...).
  return classifyDatabaseOperation({ "db.system.name": system, "db.operation.name": word }) === "reads" ? "select" : "other";
}

function readRecordedTables(attributes: Attributes, system: string): string[] {
  const table = readTextAttribute(attributes, TABLE_KEYS);
  if (table !== undefined) return [normalizeTable(table, system)].filter((name) => name !== "");
  const dynamoTables = Object.hasOwn(attributes, DYNAMODB_TABLES_KEY) ? attributes[DYNAMODB_TABLES_KEY] : undefined;
  if (Array.isArray(dynamoTables)) {
    return dedupe(dynamoTables.filter((name): name is string => typeof name === "string").map((name) => normalizeTable(name, system)).filter((name) => name !== ""));
  }
  return [];
}

/** Lowercase, without quotes and, for relational systems, without the schema prefix. */
function normalizeTable(name: string, system: string): string {
  const parts = DOTTED_NAME_SYSTEMS.has(system) ? [name] : name.split(".");
  return parts[parts.length - 1].replace(/^["`[]+|["`\]]+$/g, "").trim().toLowerCase();
}

function copyParsed(parsed: ParsedStatement | null): ParsedStatement | null {
  return parsed === null ? null : { ...parsed, tables: [...parsed.tables] };
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function dedupe<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
