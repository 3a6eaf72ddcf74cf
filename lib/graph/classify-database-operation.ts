// Whether a database span read or wrote, from what instrumentations record about the
// operation. Sources are tried newest convention first and the first one that classifies
// wins, so a generic operation name ("execute", JDBC's) still lets the statement decide.
import { readTextAttribute } from "../traces/read-text-attribute";
import type { TraceSpan } from "../traces/trace-span";

export type DatabaseAccess = "reads" | "writes" | "calls";

type Attributes = TraceSpan["attributes"];

// db.operation.name (semconv ≥ 1.26), db.operation (older), db.query.summary (≥ 1.30,
// "SELECT orders"), then the statement itself: db.query.text (≥ 1.26), db.statement (older).
const OPERATION_KEYS = ["db.operation.name", "db.operation", "db.query.summary"];
const STATEMENT_KEYS = ["db.query.text", "db.statement"];
const SYSTEM_KEYS = ["db.system.name", "db.system"];

const SQL_READS = new Set(["SELECT", "SHOW", "DESCRIBE", "EXPLAIN"]);
// Schema changes are writes too: they change what is stored.
const SQL_WRITES = new Set(["INSERT", "UPDATE", "DELETE", "UPSERT", "MERGE", "REPLACE", "TRUNCATE", "CREATE", "ALTER", "DROP"]);

// Key-value and document stores name operations by command: Redis/Valkey, Memcached, MongoDB,
// DynamoDB, Elasticsearch/OpenSearch. Uppercased, as looked up. A command that both reads and
// removes (LPOP, GETDEL) is a write: it changes what is stored.
const COMMAND_READS = new Set([
  // Redis / Valkey / Memcached
  "GET", "GETS", "MGET", "GETRANGE", "GETBIT", "STRLEN", "EXISTS", "KEYS", "SCAN", "TYPE", "TTL", "PTTL", "DBSIZE",
  "HGET", "HMGET", "HGETALL", "HKEYS", "HVALS", "HLEN", "HEXISTS", "HSTRLEN", "HSCAN",
  "LRANGE", "LINDEX", "LLEN", "LPOS", "SMEMBERS", "SISMEMBER", "SMISMEMBER", "SCARD", "SRANDMEMBER", "SSCAN",
  "SINTER", "SUNION", "SDIFF", "ZRANGE", "ZRANGEBYSCORE", "ZRANGEBYLEX", "ZREVRANGE", "ZREVRANGEBYSCORE", "ZSCORE",
  "ZMSCORE", "ZCARD", "ZCOUNT", "ZRANK", "ZREVRANK", "ZSCAN", "XRANGE", "XREVRANGE", "XREAD", "XLEN", "BITCOUNT",
  "PFCOUNT", "GEOPOS", "GEODIST", "GEOSEARCH",
  // MongoDB
  "FIND", "FINDONE", "AGGREGATE", "COUNT", "COUNTDOCUMENTS", "ESTIMATEDDOCUMENTCOUNT", "DISTINCT",
  // DynamoDB
  "GETITEM", "BATCHGETITEM", "QUERY", "TRANSACTGETITEMS",
  // Elasticsearch / OpenSearch
  "SEARCH", "MSEARCH",
]);
const COMMAND_WRITES = new Set([
  // Redis / Valkey / Memcached
  "SET", "SETEX", "PSETEX", "SETNX", "SETRANGE", "SETBIT", "MSET", "MSETNX", "GETSET", "GETDEL", "GETEX", "APPEND",
  "INCR", "INCRBY", "INCRBYFLOAT", "DECR", "DECRBY", "DEL", "UNLINK", "EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT",
  "PERSIST", "RENAME", "RENAMENX", "HSET", "HSETNX", "HMSET", "HDEL", "HINCRBY", "HINCRBYFLOAT",
  "LPUSH", "RPUSH", "LPUSHX", "RPUSHX", "LPOP", "RPOP", "BLPOP", "BRPOP", "LSET", "LREM", "LTRIM", "LINSERT", "LMOVE",
  "RPOPLPUSH", "SADD", "SREM", "SPOP", "SMOVE", "ZADD", "ZREM", "ZINCRBY", "ZPOPMIN", "ZPOPMAX", "ZREMRANGEBYSCORE",
  "ZREMRANGEBYRANK", "XADD", "XDEL", "XTRIM", "PFADD", "PFMERGE", "GEOADD", "FLUSHDB", "FLUSHALL",
  "ADD", "CAS", "PREPEND", "TOUCH",
  // MongoDB
  "INSERTONE", "INSERTMANY", "UPDATEONE", "UPDATEMANY", "REPLACEONE", "DELETEONE", "DELETEMANY", "REMOVE", "SAVE",
  "FINDANDMODIFY", "FINDONEANDUPDATE", "FINDONEANDREPLACE", "FINDONEANDDELETE", "BULKWRITE", "CREATEINDEX",
  "CREATEINDEXES", "DROPINDEX",
  // DynamoDB
  "PUTITEM", "UPDATEITEM", "DELETEITEM", "BATCHWRITEITEM", "TRANSACTWRITEITEMS",
  // Elasticsearch / OpenSearch
  "INDEX", "BULK", "DELETE_BY_QUERY", "UPDATE_BY_QUERY",
]);

// Relational systems (db.system values, current and older spellings). For them only SQL
// keywords count: a SQL `SET` changes a session setting, not data.
const SQL_SYSTEMS = new Set([
  "postgresql", "mysql", "mariadb", "mssql", "microsoft.sql_server", "oracle", "oracle.db", "sqlite", "db2", "ibm.db2",
  "h2", "hsqldb", "derby", "cockroachdb", "clickhouse", "trino", "tidb", "spanner", "gcp.spanner", "redshift",
  "aws.redshift", "snowflake", "sybase", "teradata", "vertica", "informix", "firebird", "hive", "sap.hana", "hanadb",
  "cassandra", "other_sql",
]);

/**
 * "reads" or "writes" for a database span, "calls" when no source names a known operation
 * (EXEC of a procedure, BEGIN/COMMIT, EVAL of a script, PING, or nothing recorded).
 *
 * Operations are matched by their first word, case-insensitively, after a `BATCH ` prefix
 * (semconv's batch spelling). A statement's first keyword is read after leading comments and
 * parentheses; a `WITH` statement is a write when its body names a write keyword outside
 * string literals (`WITH x AS (...) DELETE ...`), else a read when it selects.
 */
/**
 * `spanName` is the last source: the database conventions name spans `{operation} {target}`
 * ("INSERT orders"), which is all some instrumentations record.
 */
export function classifyDatabaseOperation(attributes: Attributes, spanName?: string): DatabaseAccess {
  const system = readTextAttribute(attributes, SYSTEM_KEYS)?.toLowerCase();
  const sqlOnly = system !== undefined && SQL_SYSTEMS.has(system);
  for (const key of OPERATION_KEYS) {
    const text = readTextAttribute(attributes, [key]);
    if (text === undefined) continue;
    const access = classifyWord(firstWord(text), sqlOnly);
    if (access !== undefined) return access;
  }
  for (const key of STATEMENT_KEYS) {
    const text = readTextAttribute(attributes, [key]);
    if (text === undefined) continue;
    const access = classifyStatement(text, sqlOnly);
    if (access !== undefined) return access;
  }
  if (spanName !== undefined) return classifyWord(firstWord(spanName), sqlOnly) ?? "calls";
  return "calls";
}

function classifyWord(word: string | undefined, sqlOnly: boolean): "reads" | "writes" | undefined {
  if (word === undefined) return undefined;
  if (SQL_READS.has(word)) return "reads";
  if (SQL_WRITES.has(word)) return "writes";
  if (sqlOnly) return undefined;
  if (COMMAND_READS.has(word)) return "reads";
  if (COMMAND_WRITES.has(word)) return "writes";
  return undefined;
}

function classifyStatement(statement: string, sqlOnly: boolean): "reads" | "writes" | undefined {
  const body = stripLeadingNoise(statement);
  const word = firstWord(body);
  if (word !== "WITH") return classifyWord(word, sqlOnly);
  // Literals may hold any word ('delete me'); quoted identifiers rarely matter here.
  const code = body.replace(/'(?:[^']|'')*'/g, "''").toUpperCase();
  if (/\b(?:INSERT|UPDATE|DELETE|MERGE|UPSERT|REPLACE)\b/.test(code)) return "writes";
  if (/\bSELECT\b/.test(code)) return "reads";
  return undefined;
}

/** The text after leading whitespace, `/* ... *\/` and `-- ...` comments and `(`. */
function stripLeadingNoise(text: string): string {
  let rest = text;
  for (;;) {
    const trimmed = rest.replace(/^[\s(]+/, "");
    if (trimmed.startsWith("/*")) {
      const end = trimmed.indexOf("*/", 2);
      rest = end === -1 ? "" : trimmed.slice(end + 2);
    } else if (trimmed.startsWith("--")) {
      const end = trimmed.indexOf("\n");
      rest = end === -1 ? "" : trimmed.slice(end + 1);
    } else {
      return trimmed;
    }
  }
}

/** The first word, uppercased, skipping semconv's `BATCH ` prefix. */
function firstWord(text: string): string | undefined {
  const words = text.trim().match(/^[A-Za-z_][A-Za-z0-9_]*(?:\s+[A-Za-z_][A-Za-z0-9_]*)?/)?.[0].split(/\s+/);
  if (words === undefined) return undefined;
  const first = words[0].toUpperCase();
  if (first === "BATCH" && words.length > 1) return words[1].toUpperCase();
  return first;
}
