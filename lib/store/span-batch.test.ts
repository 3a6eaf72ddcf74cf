import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import { sqlDialect } from "./sql-dialect";
import { buildSpanBatch, insertedRows, rowKey, traceDeltas } from "./span-batch";

const span = makeSpan;

describe("buildSpanBatch", () => {
  it("stores each shared resource once and orders rows by key", () => {
    const batch = buildSpanBatch(sqlDialect("sqlite"), [span({ traceId: "b".repeat(32) }), span({ spanId: "2".repeat(16) }), span({})], 5);
    expect(batch.resources).toHaveLength(1);
    expect(batch.rows.map(rowKey)).toEqual([...batch.rows.map(rowKey)].sort());
    expect(batch.receivedAtMs).toBe(5n);
  });
});

describe("traceDeltas", () => {
  it("aggregates counts, errors, bounds and the earliest root per trace", () => {
    const d = sqlDialect("sqlite");
    const batch = buildSpanBatch(
      d,
      [
        span({ spanId: "1".repeat(16), startNs: 500n, endNs: 900n, parentSpanId: "", name: "late root" }),
        span({ spanId: "2".repeat(16), startNs: 100n, endNs: 3000n, parentSpanId: "", name: "early root" }),
        span({ spanId: "3".repeat(16), parentSpanId: "2".repeat(16), status: "error", isTestGenerated: true }),
        span({ traceId: "c".repeat(32), spanId: "4".repeat(16), parentSpanId: "9".repeat(16) }),
      ],
      0,
    );
    const [first, second] = traceDeltas(batch.rows);
    expect(first).toMatchObject({ traceId: "a".repeat(32), spanCount: 3, errorCount: 1, startNs: 100n, endNs: 3000n, rootName: "early root", rootSpanId: "2".repeat(16), isTestGenerated: true });
    expect(second).toMatchObject({ traceId: "c".repeat(32), spanCount: 1, rootSpanId: "" });
  });
});

describe("insertedRows", () => {
  it("counts a span repeated inside one batch once", () => {
    const batch = buildSpanBatch(sqlDialect("sqlite"), [span({}), span({}), span({ spanId: "2".repeat(16) })], 0);
    const returned = [["ws", "a".repeat(32), "1".repeat(16)]];
    expect(insertedRows(batch.rows, returned).map(rowKey)).toEqual([rowKey(batch.rows[0])]);
    expect(insertedRows(batch.rows, [])).toEqual([]);
  });
});
