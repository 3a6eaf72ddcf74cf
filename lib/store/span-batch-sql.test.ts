import { describe, expect, it } from "vitest";
import { sqlDialect } from "./sql-dialect";
import { insertSpansSql, recordsetJson, statementArgs, type Columns } from "./span-batch-sql";

const columns: Columns = [
  ["name", "text"],
  ["start_ns", "bigint"],
  ["attributes", "json"],
  ["is_synthetic", "bool"],
  ["note", "text"],
];

describe("recordsetJson", () => {
  it("writes exact 64-bit integers, splices JSON columns and keeps nulls", () => {
    const text = recordsetJson(columns, [["a\"b", 1_700_000_000_000_000_123n, '{"k":[1,false]}', true, null]]);
    expect(text).toBe('[{"name":"a\\"b","start_ns":1700000000000000123,"attributes":{"k":[1,false]},"is_synthetic":true,"note":null}]');
    expect(JSON.parse(text)[0].attributes).toEqual({ k: [1, false] });
  });

  it("replaces the NUL characters PostgreSQL refuses", () => {
    const text = recordsetJson(columns, [["x\u0000y", 1n, JSON.stringify({ k: "a\u0000b" }), false, ""]]);
    expect(text).not.toContain("\\u0000");
    expect(JSON.parse(text)[0]).toMatchObject({ name: "x\ufffdy", attributes: { k: "a\ufffdb" } });
  });
});

describe("statementArgs", () => {
  it("passes one JSON parameter to PostgreSQL and flat rows to SQLite", () => {
    const rows = [["a", 1n, "{}", true, null], ["b", 2n, "[]", false, "n"]];
    expect(statementArgs(sqlDialect("postgresql"), columns, rows)).toHaveLength(1);
    expect(statementArgs(sqlDialect("sqlite"), columns, rows)).toEqual(["a", 1n, "{}", true, null, "b", 2n, "[]", false, "n"]);
  });

  it("reads PostgreSQL rows through json_to_recordset and SQLite rows from VALUES", () => {
    expect(insertSpansSql(sqlDialect("postgresql"), 512)).toContain("json_to_recordset($1::json)");
    expect(insertSpansSql(sqlDialect("sqlite"), 2)).toMatch(/VALUES \(\?(,\?)+\),\(\?/);
  });
});
