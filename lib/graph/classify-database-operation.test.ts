import { describe, expect, it } from "vitest";
import type { Attributes } from "../otlp/span";
import { classifyDatabaseOperation } from "./classify-database-operation";

describe("classifyDatabaseOperation", () => {
  it.each<[string, Attributes, string]>([
    ["db.operation.name (current)", { "db.system.name": "postgresql", "db.operation.name": "SELECT" }, "reads"],
    ["db.operation (older)", { "db.system": "postgresql", "db.operation": "insert" }, "writes"],
    ["db.query.summary (newest)", { "db.system.name": "postgresql", "db.query.summary": "UPDATE orders" }, "writes"],
    ["db.query.text (current)", { "db.system.name": "mysql", "db.query.text": "SELECT * FROM customer WHERE id = ?" }, "reads"],
    ["db.statement (older)", { "db.system": "mysql", "db.statement": "DELETE FROM carts WHERE id = ?" }, "writes"],
  ])("reads %s", (_, attributes, expected) => {
    expect(classifyDatabaseOperation(attributes)).toBe(expected);
  });

  it.each(["INSERT", "UPDATE", "DELETE", "UPSERT", "MERGE", "REPLACE", "TRUNCATE", "CREATE", "ALTER", "DROP"])("%s writes", (operation) => {
    expect(classifyDatabaseOperation({ "db.system.name": "postgresql", "db.operation.name": operation })).toBe("writes");
  });

  it.each(["SELECT", "select", "SHOW", "EXPLAIN"])("%s reads", (operation) => {
    expect(classifyDatabaseOperation({ "db.system.name": "postgresql", "db.operation.name": operation })).toBe("reads");
  });

  it.each<[string, string]>([
    ["GET", "reads"], ["MGET", "reads"], ["HGET", "reads"], ["HGETALL", "reads"], ["SMEMBERS", "reads"], ["ZRANGE", "reads"],
    ["SET", "writes"], ["HSET", "writes"], ["DEL", "writes"], ["INCR", "writes"], ["EXPIRE", "writes"], ["LPOP", "writes"],
  ])("Redis %s %s", (command, expected) => {
    expect(classifyDatabaseOperation({ "db.system.name": "redis", "db.operation.name": command })).toBe(expected);
    expect(classifyDatabaseOperation({ "db.system": "redis", "db.statement": `${command.toLowerCase()} key ?` })).toBe(expected);
  });

  it.each<[string, string, string]>([
    ["mongodb", "find", "reads"],
    ["mongodb", "aggregate", "reads"],
    ["mongodb", "insertMany", "writes"],
    ["mongodb", "findAndModify", "writes"],
    ["aws.dynamodb", "GetItem", "reads"],
    ["aws.dynamodb", "Query", "reads"],
    ["aws.dynamodb", "PutItem", "writes"],
    ["elasticsearch", "search", "reads"],
    ["elasticsearch", "index", "writes"],
  ])("%s %s %s", (system, operation, expected) => {
    expect(classifyDatabaseOperation({ "db.system.name": system, "db.operation.name": operation })).toBe(expected);
  });

  it("prefers the operation name over the statement", () => {
    expect(classifyDatabaseOperation({ "db.operation.name": "SELECT", "db.query.text": "INSERT INTO t VALUES (1)" })).toBe("reads");
  });

  it("lets the statement decide when the operation name is generic", () => {
    expect(classifyDatabaseOperation({ "db.system": "postgresql", "db.operation": "execute", "db.statement": "UPDATE t SET a = 1" })).toBe("writes");
  });

  it("reads the statement's first keyword after comments, parentheses and a BATCH prefix", () => {
    expect(classifyDatabaseOperation({ "db.query.text": "/* traceparent='00-...' */ -- app\n  (SELECT 1) UNION (SELECT 2)" })).toBe("reads");
    expect(classifyDatabaseOperation({ "db.operation.name": "BATCH INSERT" })).toBe("writes");
  });

  it("classifies a WITH statement by its body, ignoring words in string literals", () => {
    expect(classifyDatabaseOperation({ "db.query.text": "WITH gone AS (SELECT id FROM t) DELETE FROM u USING gone" })).toBe("writes");
    expect(classifyDatabaseOperation({ "db.query.text": "WITH x AS (SELECT 'delete it' AS note) SELECT * FROM x" })).toBe("reads");
  });

  it("does not read key-value commands in SQL: a SQL SET changes a session setting", () => {
    expect(classifyDatabaseOperation({ "db.system.name": "postgresql", "db.query.text": "SET search_path TO shop" })).toBe("calls");
    expect(classifyDatabaseOperation({ "db.system.name": "redis", "db.query.text": "SET cart:1 ?" })).toBe("writes");
  });

  it.each<[string, Attributes]>([
    ["a procedure call", { "db.system": "postgresql", "db.statement": "CALL refresh()" }],
    ["a transaction statement", { "db.system": "postgresql", "db.statement": "COMMIT" }],
    ["a Redis script", { "db.system": "redis", "db.operation": "EVAL" }],
    ["nothing", { "db.system": "redis" }],
    ["an unterminated comment", { "db.query.text": "/* SELECT" }],
    ["a non-text operation", { "db.operation.name": true, "db.query.text": ["SELECT"] }],
  ])("is calls for %s", (_, attributes) => {
    expect(classifyDatabaseOperation(attributes)).toBe("calls");
  });
});

describe("classifyDatabaseOperation from the span name", () => {
  it("reads the operation from a conventional span name when no attribute names it", () => {
    expect(classifyDatabaseOperation({ "db.system.name": "postgresql" }, "INSERT orders")).toBe("writes");
    expect(classifyDatabaseOperation({ "db.system.name": "postgresql" }, "SELECT orders")).toBe("reads");
    expect(classifyDatabaseOperation({ "db.system.name": "postgresql" }, "pg.connect")).toBe("calls");
    expect(classifyDatabaseOperation({ "db.system.name": "postgresql", "db.operation.name": "SELECT" }, "INSERT orders")).toBe("reads");
  });
});
