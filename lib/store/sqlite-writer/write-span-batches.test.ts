// The writer thread's SQL on a real SQLite file migrated with the project's migrations.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Span } from "../../otlp/span";
import { makeSpan } from "../../otlp/testing/make-span";
import { applyMigrations } from "../migrate";
import { sqlDialect } from "../sql-dialect";
import { buildSpanBatch } from "../span-batch";
import { SQLITE_PRAGMAS } from "../sqlite-pragmas";
import { SqliteSpanBatchWriter } from "./write-span-batches";

function span(traceId: string, spanId: string, parentSpanId = "", status: Span["status"] = "unset"): Span {
  return makeSpan({
    traceId,
    spanId,
    parentSpanId,
    status,
    flags: 1,
    name: `op-${spanId.slice(0, 4)}`,
    startNs: 1_700_000_000_000_000_001n + BigInt(parseInt(spanId.slice(0, 4), 16)),
    endNs: 1_700_000_000_100_000_000n,
    attributes: { zero: 0, no: false, nested: { list: [1, "a"] } },
  });
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

describe("SqliteSpanBatchWriter", () => {
  let db: Database.Database;
  let writer: SqliteSpanBatchWriter;
  const batch = (spans: Span[]) => buildSpanBatch(sqlDialect("sqlite"), spans, 42);

  beforeEach(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "flowprint-writer-")), "db.sqlite");
    await applyMigrations(`file:${file}`);
    db = new Database(file);
    db.exec(SQLITE_PRAGMAS);
    writer = new SqliteSpanBatchWriter(db);
  });
  afterEach(() => db.close());

  it("stores batches of any size once each, with exact nanoseconds and JSON attributes", () => {
    // 300 spans exercise the cached 256-row statement plus the smaller remainders.
    const spans = Array.from({ length: 300 }, (_, i) => span(hex(1 + (i % 7), 32), hex(i + 1, 16)));
    const [outcome] = writer.write([batch(spans)]);
    expect(outcome).toEqual({ inserted: 300, duplicates: 0 });
    const [row] = db.prepare("SELECT start_ns, attributes FROM spans WHERE span_id = ?").safeIntegers(true).all(hex(1, 16)) as { start_ns: bigint; attributes: string }[];
    expect(row.start_ns).toBe(1_700_000_000_000_000_001n);
    expect(JSON.parse(row.attributes)).toEqual({ zero: 0, no: false, nested: { list: [1, "a"] } });
    expect(db.prepare("SELECT count(*) AS n FROM resources").get()).toEqual({ n: 1 });
  });

  it("ignores replayed spans and keeps trace counts exact across group-committed batches", () => {
    const trace = "f".repeat(32);
    const root = span(trace, hex(1, 16));
    const child = span(trace, hex(2, 16), hex(1, 16), "error");
    const late = span(trace, hex(3, 16), hex(1, 16));
    const outcomes = writer.write([batch([child]), batch([root, child]), batch([late, root])]);
    expect(outcomes).toEqual([
      { inserted: 1, duplicates: 0 },
      { inserted: 1, duplicates: 1 },
      { inserted: 1, duplicates: 1 },
    ]);
    const stored = db.prepare("SELECT span_count, error_count, root_span_id, root_name, state FROM traces WHERE trace_id = ?").get(trace);
    expect(stored).toEqual({ span_count: 3, error_count: 1, root_span_id: hex(1, 16), root_name: "op-0000", state: "open" });
  });

  it("reopens a completed trace when a late span arrives", () => {
    const trace = "e".repeat(32);
    writer.write([batch([span(trace, hex(1, 16))])]);
    db.prepare("UPDATE traces SET state = 'complete'").run();
    writer.write([batch([span(trace, hex(2, 16), hex(1, 16))])]);
    expect(db.prepare("SELECT state, span_count FROM traces").get()).toEqual({ state: "open", span_count: 2 });
  });
});
