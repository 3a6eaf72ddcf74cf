import { describe, expect, it } from "vitest";
import type { Attributes } from "../otlp/span";
import { parseSqlStatement, readDatabaseOperation, type DatabaseOperation } from "./read-database-operation";

describe("readDatabaseOperation", () => {
  it("is null for a span that names no database system", () => {
    expect(readDatabaseOperation({ "http.request.method": "GET" }, "GET /orders")).toBeNull();
    expect(readDatabaseOperation({ "db.system.name": "", "db.query.text": "SELECT 1" })).toBeNull();
  });

  it("reads the current semantic-convention keys", () => {
    expect(
      readDatabaseOperation({
        "db.system.name": "postgresql",
        "db.namespace": "shop",
        "db.operation.name": "SELECT",
        "db.collection.name": "orders",
        "db.query.text": "SELECT * FROM orders o JOIN users u ON u.id = o.user_id",
      }),
    ).toEqual<DatabaseOperation>({ system: "postgresql", namespace: "shop", operation: "SELECT", kind: "select", tables: ["orders"], writes: false });
  });

  it("reads the older keys", () => {
    expect(
      readDatabaseOperation({ "db.system": "mysql", "db.name": "shop", "db.operation": "INSERT", "db.sql.table": "orders" }),
    ).toEqual<DatabaseOperation>({ system: "mysql", namespace: "shop", operation: "INSERT", kind: "insert", tables: ["orders"], writes: true });
  });

  it("prefers current keys over older ones when both are recorded", () => {
    const operation = readDatabaseOperation({
      "db.system.name": "postgresql",
      "db.system": "mysql",
      "db.namespace": "current",
      "db.name": "older",
      "db.operation.name": "UPDATE",
      "db.operation": "SELECT",
      "db.collection.name": "orders",
      "db.sql.table": "legacy_orders",
    });
    expect(operation).toMatchObject({ system: "postgresql", namespace: "current", operation: "UPDATE", kind: "update", tables: ["orders"] });
  });

  it.each<[string, Attributes, string[]]>([
    ["db.mongodb.collection", { "db.system": "mongodb", "db.operation": "find", "db.mongodb.collection": "Orders" }, ["orders"]],
    ["db.cosmosdb.container", { "db.system": "cosmosdb", "db.operation": "ReadItem", "db.cosmosdb.container": "carts" }, ["carts"]],
    ["aws.dynamodb.table_names", { "db.system": "dynamodb", "db.operation": "GetItem", "aws.dynamodb.table_names": ["Carts", "Users"] }, ["carts", "users"]],
    ["a MongoDB collection with dots", { "db.system.name": "mongodb", "db.operation.name": "find", "db.collection.name": "fs.chunks" }, ["fs.chunks"]],
    ["a schema-qualified SQL table", { "db.system.name": "postgresql", "db.operation.name": "SELECT", "db.collection.name": "Public.Orders" }, ["orders"]],
  ])("reads the table from %s", (_, attributes, tables) => {
    expect(readDatabaseOperation(attributes)?.tables).toEqual(tables);
  });

  it("reads operation and tables from db.query.text when they are not recorded", () => {
    expect(
      readDatabaseOperation({
        "db.system.name": "postgresql",
        "db.query.text": "UPDATE shop.orders SET status = $1 WHERE id = $2",
      }),
    ).toEqual<DatabaseOperation>({ system: "postgresql", namespace: null, operation: "UPDATE", kind: "update", tables: ["orders"], writes: true });
  });

  it("reads the older db.statement", () => {
    expect(readDatabaseOperation({ "db.system": "mysql", "db.statement": "DELETE FROM carts WHERE id = ?" })).toMatchObject({
      operation: "DELETE",
      kind: "delete",
      tables: ["carts"],
      writes: true,
    });
  });

  it("keeps a recorded operation and adds the statement's tables", () => {
    expect(
      readDatabaseOperation({
        "db.system.name": "postgresql",
        "db.operation.name": "SELECT",
        "db.query.text": "SELECT * FROM orders o JOIN users u ON u.id = o.user_id",
      }),
    ).toMatchObject({ operation: "SELECT", kind: "select", tables: ["orders", "users"] });
  });

  it("puts a recorded table first and adds the statement's other tables", () => {
    expect(
      readDatabaseOperation({ "db.system.name": "mysql", "db.collection.name": "users", "db.query.text": "SELECT * FROM orders JOIN users USING (user_id)" }),
    ).toMatchObject({ operation: "SELECT", tables: ["users", "orders"] });
  });

  it("lets the statement decide when the recorded operation names no kind", () => {
    expect(readDatabaseOperation({ "db.system": "postgresql", "db.operation": "execute", "db.statement": "INSERT INTO t (a) VALUES ($1)" })).toMatchObject({
      operation: "execute",
      kind: "insert",
      tables: ["t"],
      writes: true,
    });
  });

  it("lets the statement refine a recorded INSERT into an upsert", () => {
    expect(
      readDatabaseOperation({
        "db.system.name": "postgresql",
        "db.operation.name": "INSERT",
        "db.query.text": "INSERT INTO stock (sku, qty) VALUES ($1, $2) ON CONFLICT (sku) DO UPDATE SET qty = EXCLUDED.qty",
      }),
    ).toMatchObject({ operation: "INSERT", kind: "upsert", tables: ["stock"], writes: true });
  });

  it("falls back to db.query.summary", () => {
    expect(readDatabaseOperation({ "db.system.name": "postgresql", "db.query.summary": "INSERT shipping SELECT orders" })).toMatchObject({
      operation: "INSERT",
      kind: "insert",
      tables: ["shipping", "orders"],
    });
  });

  it.each<[string, string, Partial<DatabaseOperation>]>([
    ["{operation} {table}", "SELECT orders", { operation: "SELECT", kind: "select", tables: ["orders"] }],
    ["{operation} {namespace}.{table}", "INSERT shop.orders", { operation: "INSERT", kind: "insert", tables: ["orders"], writes: true }],
    ["{operation} {namespace}", "SELECT shop", { operation: "SELECT", kind: "select", tables: [] }],
    ["{operation} {server}", "DELETE db.internal:5432", { operation: "DELETE", kind: "delete", tables: [] }],
    ["a batch operation", "BATCH INSERT orders", { operation: "BATCH INSERT", kind: "insert", tables: ["orders"] }],
    ["a statement used as the name", "SELECT * FROM orders WHERE id = ?", { operation: "SELECT", kind: "select", tables: [] }],
    ["the system alone", "postgresql", { operation: null, kind: "other", tables: [] }],
  ])("falls back to a span name of the form %s", (_, spanName, expected) => {
    expect(readDatabaseOperation({ "db.system.name": "postgresql", "db.namespace": "shop" }, spanName)).toMatchObject(expected);
  });

  it("falls back to the span name when the statement cannot be parsed", () => {
    expect(readDatabaseOperation({ "db.system.name": "postgresql", "db.query.text": "SELEKT wat" }, "SELECT orders")).toMatchObject({
      operation: "SELECT",
      tables: ["orders"],
    });
  });

  it.each<[string, Attributes]>([
    ["garbage", { "db.system.name": "postgresql", "db.query.text": "this is not sql at all (((" }],
    ["a truncated statement", { "db.system.name": "mysql", "db.query.text": "SELECT id, name FROM users WHERE id IN (1, 2, 3" }],
    ["no statement", { "db.system.name": "postgresql" }],
    ["a non-text statement", { "db.system.name": "postgresql", "db.query.text": ["SELECT 1"], "db.operation.name": true }],
    ["absurd nesting", { "db.system.name": "mysql", "db.query.text": `SELECT ${"(".repeat(20_000)}1${")".repeat(20_000)}` }],
  ])("reports an unknown operation for %s, without throwing", (_, attributes) => {
    expect(readDatabaseOperation(attributes)).toEqual({
      system: attributes["db.system.name"],
      namespace: null,
      operation: null,
      kind: "other",
      tables: [],
      writes: false,
    });
  });

  it("counts schema changes as writes of kind other, as the service graph does", () => {
    expect(readDatabaseOperation({ "db.system.name": "postgresql", "db.query.text": "CREATE TABLE audit (id int)" })).toMatchObject({
      operation: "CREATE",
      kind: "other",
      tables: ["audit"],
      writes: true,
    });
    expect(readDatabaseOperation({ "db.system.name": "postgresql", "db.operation.name": "create" })).toMatchObject({ kind: "other", writes: true });
  });

  it.each<[string, string, Partial<DatabaseOperation>]>([
    ["find", "orders", { kind: "select", tables: ["orders"], writes: false }],
    ["findOne", "orders", { kind: "select" }],
    ["aggregate", "orders", { kind: "select" }],
    ["insert", "orders", { kind: "insert", writes: true }],
    ["insertOne", "orders", { kind: "insert", writes: true }],
    ["insertMany", "orders", { kind: "insert", writes: true }],
    ["update", "orders", { kind: "update", writes: true }],
    ["updateMany", "orders", { kind: "update", writes: true }],
    ["findOneAndUpdate", "orders", { kind: "update", writes: true }],
    ["delete", "orders", { kind: "delete", writes: true }],
    ["deleteOne", "orders", { kind: "delete", writes: true }],
    ["findOneAndDelete", "orders", { kind: "delete", writes: true }],
    ["bulkWrite", "orders", { kind: "other", writes: true }],
  ])("MongoDB %s", (operation, collection, expected) => {
    expect(readDatabaseOperation({ "db.system.name": "mongodb", "db.operation.name": operation, "db.collection.name": collection })).toMatchObject({
      operation,
      ...expected,
    });
  });

  it("never parses a MongoDB command as SQL", () => {
    expect(
      readDatabaseOperation({ "db.system": "mongodb", "db.name": "shop", "db.statement": '{"find":"orders","filter":{"_id":"?"}}' }, "find shop.orders"),
    ).toMatchObject({ operation: "find", kind: "select", tables: ["orders"] });
    expect(readDatabaseOperation({ "db.system.name": "mongodb", "db.namespace": "files" }, "find fs.chunks")?.tables).toEqual(["fs.chunks"]);
  });

  it.each<[string, Partial<DatabaseOperation>]>([
    ["GET", { kind: "select", writes: false }],
    ["MGET", { kind: "select", writes: false }],
    ["HGETALL", { kind: "select", writes: false }],
    ["SET", { kind: "upsert", writes: true }],
    ["HSET", { kind: "upsert", writes: true }],
    ["SETNX", { kind: "insert", writes: true }],
    ["LPUSH", { kind: "insert", writes: true }],
    ["INCR", { kind: "update", writes: true }],
    ["EXPIRE", { kind: "update", writes: true }],
    ["DEL", { kind: "delete", writes: true }],
    ["LPOP", { kind: "delete", writes: true }],
    ["EVAL", { kind: "other", writes: false }],
  ])("Redis %s", (command, expected) => {
    const fromName = readDatabaseOperation({ "db.system.name": "redis", "db.namespace": "0", "db.operation.name": command });
    expect(fromName).toEqual({ system: "redis", namespace: "0", operation: command, tables: [], ...expected });
    // Older instrumentations record only the command line; its key is not a table.
    const fromStatement = readDatabaseOperation({ "db.system": "redis", "db.statement": `${command.toLowerCase()} cart:1 ?` });
    expect(fromStatement).toEqual({ system: "redis", namespace: null, operation: command, tables: [], ...expected });
  });

  it("sets no table for memcached even when its span name has a target", () => {
    expect(readDatabaseOperation({ "db.system": "memcached", "db.operation": "get" }, "get sessions")).toMatchObject({ kind: "select", tables: [] });
  });

  it.each<[string, Partial<DatabaseOperation>]>([
    ["GetItem", { kind: "select", writes: false }],
    ["BatchGetItem", { kind: "select", writes: false }],
    ["Query", { kind: "select", writes: false }],
    ["Scan", { kind: "select", writes: false }],
    ["PutItem", { kind: "insert", writes: true }],
    ["UpdateItem", { kind: "update", writes: true }],
    ["DeleteItem", { kind: "delete", writes: true }],
    ["BatchWriteItem", { kind: "other", writes: true }],
  ])("DynamoDB %s", (operation, expected) => {
    expect(readDatabaseOperation({ "db.system.name": "aws.dynamodb", "db.operation.name": operation, "db.collection.name": "Carts" })).toMatchObject({
      operation,
      tables: ["carts"],
      ...expected,
    });
  });

  it.each<[string, string, Partial<DatabaseOperation>]>([
    ["put", "etcd", { kind: "insert", writes: true }],
    ["create", "couchbase", { kind: "insert", writes: true }],
    ["search", "elasticsearch", { kind: "select", writes: false }],
    ["index", "elasticsearch", { kind: "upsert", writes: true }],
  ])("%s on %s", (operation, system, expected) => {
    expect(readDatabaseOperation({ "db.system.name": system, "db.operation.name": operation })).toMatchObject(expected);
  });

  it("keeps SQL keywords apart from key-value commands: SET in SQL is a session setting", () => {
    expect(readDatabaseOperation({ "db.system.name": "postgresql", "db.query.text": "SET search_path TO shop" })).toMatchObject({
      operation: "SET",
      kind: "other",
      writes: false,
    });
  });
});

describe("parseSqlStatement", () => {
  it.each<[string | null | undefined, string, string[]]>([
    ["postgresql", 'SELECT * FROM "Shop"."Orders" WHERE id = $1', ["orders"]],
    ["postgresql", "SELECT * FROM orders WHERE id = ANY($1)", ["orders"]],
    ["mysql", "SELECT * FROM `shop`.`Orders` WHERE id = ?", ["orders"]],
    ["mariadb", "SELECT * FROM `Orders` WHERE id = ? LIMIT 1", ["orders"]],
    ["sqlite", "SELECT * FROM orders WHERE id = ?", ["orders"]],
    ["mssql", "SELECT TOP 10 * FROM [dbo].[Orders] WHERE id = @p0", ["orders"]],
    ["microsoft.sql_server", "SELECT * FROM [Orders] WITH (NOLOCK) WHERE id = @id", ["orders"]],
    [undefined, "SELECT * FROM orders WHERE id = ?", ["orders"]],
    [null, "SELECT * FROM orders WHERE id = $1", ["orders"]],
    ["cassandra", "SELECT * FROM orders WHERE id = ?", ["orders"]],
  ])("parses a %s select", (system, sql, tables) => {
    expect(parseSqlStatement(sql, system)).toEqual({ operation: "SELECT", kind: "select", tables });
  });

  it.each<[string, string]>([
    ["? (JDBC, also for PostgreSQL)", "SELECT * FROM orders WHERE id = ? AND status = ?"],
    ["$1 (PostgreSQL)", "SELECT * FROM orders WHERE id = $1 AND status = $2"],
    [":name", "SELECT * FROM orders WHERE id = :id AND status = :status"],
  ])("parses statements with %s placeholders", (_, sql) => {
    for (const system of ["postgresql", "mysql", "sqlite", "mssql", "oracle"]) {
      expect(parseSqlStatement(sql, system), system).toEqual({ operation: "SELECT", kind: "select", tables: ["orders"] });
    }
  });

  it("lists every joined table in statement order", () => {
    expect(
      parseSqlStatement(
        "SELECT o.id FROM orders o INNER JOIN users u ON u.id = o.user_id LEFT JOIN shop.addresses a ON a.user_id = u.id RIGHT JOIN Payments p ON p.order_id = o.id",
        "postgresql",
      )?.tables,
    ).toEqual(["orders", "users", "addresses", "payments"]);
  });

  it("includes the tables of subqueries, in statement order", () => {
    expect(
      parseSqlStatement(
        "SELECT o.id, (SELECT count(*) FROM items i WHERE i.order_id = o.id) AS n FROM orders o WHERE o.user_id IN (SELECT id FROM users WHERE vip)",
        "mysql",
      ),
    ).toEqual({ operation: "SELECT", kind: "select", tables: ["items", "orders", "users"] });
  });

  it("lists a CTE's source tables but not the CTE itself", () => {
    expect(
      parseSqlStatement("WITH recent AS (SELECT * FROM orders WHERE created_at > $1) SELECT * FROM recent JOIN users ON users.id = recent.user_id", "postgresql"),
    ).toEqual({ operation: "SELECT", kind: "select", tables: ["orders", "users"] });
    expect(parseSqlStatement("WITH RECURSIVE tree AS (SELECT id FROM nodes UNION ALL SELECT id FROM tree) SELECT * FROM tree", "postgresql")?.tables).toEqual([
      "nodes",
    ]);
  });

  it("lists the target of INSERT ... SELECT before its source", () => {
    expect(parseSqlStatement("INSERT INTO archive (id) SELECT id FROM orders WHERE created_at < $1", "postgresql")).toEqual({
      operation: "INSERT",
      kind: "insert",
      tables: ["archive", "orders"],
    });
  });

  it.each<[string, string, string, string]>([
    ["postgresql", "INSERT INTO stock (sku, qty) VALUES ($1, $2) ON CONFLICT (sku) DO UPDATE SET qty = EXCLUDED.qty", "INSERT", "upsert"],
    ["postgresql", "INSERT INTO stock (sku) VALUES ($1) ON CONFLICT (sku) DO NOTHING", "INSERT", "insert"],
    ["mysql", "INSERT INTO stock (sku, qty) VALUES (?, ?) ON DUPLICATE KEY UPDATE qty = VALUES(qty)", "INSERT", "upsert"],
    ["mysql", "REPLACE INTO stock (sku, qty) VALUES (?, ?)", "REPLACE", "upsert"],
    ["sqlite", "INSERT OR REPLACE INTO stock (sku, qty) VALUES (?, ?)", "INSERT", "upsert"],
  ])("tells upserts from inserts (%s: %s)", (system, sql, operation, kind) => {
    expect(parseSqlStatement(sql, system)).toEqual({ operation, kind, tables: ["stock"] });
  });

  it.each<[string, string, string, string, string[]]>([
    ["postgresql", "UPDATE orders o SET total = s.total FROM sums s WHERE s.id = o.id", "UPDATE", "update", ["orders", "sums"]],
    ["mysql", "DELETE o FROM orders o JOIN users u ON u.id = o.user_id WHERE u.banned", "DELETE", "delete", ["orders", "users"]],
    ["postgresql", "TRUNCATE TABLE sessions", "TRUNCATE", "delete", ["sessions"]],
    ["mysql", "SELECT * FROM a UNION SELECT * FROM b", "SELECT", "select", ["a", "b"]],
    ["postgresql", "/* traceparent='00-abc-def-01' */ SELECT 1", "SELECT", "select", []],
    ["mysql", "SELECT * FROM orders /*controller='index',framework='rails'*/", "SELECT", "select", ["orders"]],
    ["postgresql", "BEGIN", "BEGIN", "other", []],
    ["mysql", "CALL refresh_totals()", "CALL", "other", []],
    ["mysql", "BEGIN; UPDATE orders SET paid = 1 WHERE id = 7; COMMIT", "UPDATE", "update", ["orders"]],
  ])("parses %s: %s", (system, sql, operation, kind, tables) => {
    expect(parseSqlStatement(sql, system)).toEqual({ operation, kind, tables });
  });

  it.each(["", "   ", "SELEKT * FROM orders", "DROP TABLE", "hello world", "{\"find\": \"orders\"}", `SELECT * FROM t WHERE a IN (${"1,".repeat(5000)}1)`])(
    "is null for what it cannot parse: %j",
    (sql) => {
      expect(parseSqlStatement(sql, "postgresql")).toBeNull();
    },
  );

  it("returns results callers may change without affecting later calls", () => {
    const first = parseSqlStatement("SELECT * FROM cached_orders", "mysql");
    first?.tables.push("mutated");
    expect(parseSqlStatement("SELECT * FROM cached_orders", "mysql")?.tables).toEqual(["cached_orders"]);
  });
});
