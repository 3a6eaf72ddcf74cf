import { describe, expect, it } from "vitest";
import { SpanKind, type Attributes } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import type { DiagnosisSpan } from "./diagnosis-span";
import { countOverlappingPairs, findCallPatterns, statementShape } from "./find-call-patterns";
import { makeDiagnosisSpan as span } from "./testing/make-diagnosis-span";

const MS = 1_000_000;
const root = span({ spanId: "root", service: "orders", name: "GET /orders", kind: SpanKind.SERVER, endMs: 1000 });

/** A client call of the root at [startMs, endMs). */
const call = (spanId: string, name: string, startMs: number, endMs: number, attributes: Attributes = {}): DiagnosisSpan =>
  span({ spanId, parentSpanId: "root", service: "orders", name, kind: SpanKind.CLIENT, startMs, endMs, attributes });

/** `count` calls of one query, each `gapMs` after the previous one ended (negative: overlapping). */
const repeated = (count: number, gapMs: number, attributes: Attributes = { "db.system.name": "postgresql" }) =>
  Array.from({ length: count }, (_, i) => call(`q${i}`, "SELECT items", 100 + i * (10 + gapMs), 110 + i * (10 + gapMs), { ...attributes, "db.query.text": `SELECT * FROM items WHERE id = ${i}` }));

describe("findCallPatterns: N+1", () => {
  it("finds repeated calls of one operation that never overlap", () => {
    const [pattern] = findCallPatterns(buildSpanTree([root, ...repeated(6, 2)]));
    expect(pattern).toEqual({
      kind: "n_plus_one",
      parentSpanId: "root",
      service: "orders",
      operation: "SELECT items",
      count: 6,
      spanIds: ["q0", "q1", "q2", "q3", "q4", "q5"],
      overlappingPairs: 0,
      wallNs: (5 * 12 + 10) * MS,
      sumNs: 60 * MS,
      costNs: 50 * MS,
    });
  });

  it("is not an N+1 when the repeats overlap (a fan-out), or are too few", () => {
    expect(findCallPatterns(buildSpanTree([root, ...repeated(6, -5)]))).toEqual([]);
    expect(findCallPatterns(buildSpanTree([root, ...repeated(4, 2)]))).toEqual([]);
    expect(findCallPatterns(buildSpanTree([root, ...repeated(4, 2)]), { minRepeats: 4 })).toHaveLength(1);
  });

  it("forgives an overlap of clock skew, under 0.5% of the shorter call", () => {
    // Each call starts 0.04 ms before the previous one ends: 0.4% of 10 ms.
    expect(findCallPatterns(buildSpanTree([root, ...repeated(5, -0.04)]))).toHaveLength(1);
    expect(findCallPatterns(buildSpanTree([root, ...repeated(5, -0.06)]))).toEqual([]);
  });

  it("keeps calls of one name to different targets or query shapes apart", () => {
    const spans = [
      root,
      ...[0, 1, 2, 3, 4].map((i) => call(`r${i}`, "HTTP GET", 100 + i * 20, 110 + i * 20, { "server.address": "route", "server.port": 8083 })),
      call("c", "HTTP GET", 10, 90, { "server.address": "customer", "server.port": 8081 }),
      ...[0, 1, 2].map((i) => call(`s${i}`, "SELECT", 300 + i * 20, 310 + i * 20, { "db.statement": `SELECT * FROM a WHERE id = ${i}` })),
      ...[0, 1].map((i) => call(`t${i}`, "SELECT", 400 + i * 20, 410 + i * 20, { "db.statement": `SELECT * FROM b WHERE id = ${i}` })),
    ];
    const patterns = findCallPatterns(buildSpanTree(spans)).filter((p) => p.kind === "n_plus_one");
    expect(patterns.map((p) => p.spanIds)).toEqual([["r0", "r1", "r2", "r3", "r4"]]);
  });

  it("only counts calls: repeated internal work is not an N+1", () => {
    const internal = Array.from({ length: 6 }, (_, i) => span({ spanId: `i${i}`, parentSpanId: "root", name: "render row", kind: SpanKind.INTERNAL, startMs: 10 + i * 20, endMs: 20 + i * 20 }));
    expect(findCallPatterns(buildSpanTree([root, ...internal]))).toEqual([]);
  });
});

describe("findCallPatterns: serial calls", () => {
  it("reports different calls made one after another, with what running them at once would save", () => {
    const patterns = findCallPatterns(
      buildSpanTree([root, call("user", "GET /users/:id", 10, 210), call("stock", "GET /stock", 210, 510), call("price", "GET /prices", 520, 620)]),
    );
    expect(patterns).toEqual([
      {
        kind: "serial_calls",
        parentSpanId: "root",
        service: "orders",
        operation: "GET /users/:id, GET /stock, GET /prices",
        count: 3,
        spanIds: ["user", "stock", "price"],
        overlappingPairs: 0,
        wallNs: 610 * MS,
        sumNs: 600 * MS,
        costNs: 300 * MS,
      },
    ]);
  });

  it("splits at a call that overlaps its predecessor, and drops runs that cost too little", () => {
    const spans = [root, call("a", "A", 0, 200), call("b", "B", 200, 400), call("c", "C", 350, 600), call("d", "D", 600, 900)];
    expect(findCallPatterns(buildSpanTree(spans)).map((p) => p.spanIds)).toEqual([["a", "b"], ["c", "d"]]);
    // 10 ms saved of a 1 s request is below the default 20% share.
    expect(findCallPatterns(buildSpanTree([root, call("a", "A", 0, 10), call("b", "B", 10, 20)]))).toEqual([]);
    expect(findCallPatterns(buildSpanTree([root, call("a", "A", 0, 10), call("b", "B", 10, 20)]), { minSerialShare: 0 })).toHaveLength(1);
  });

  it("leaves the calls of an N+1 out, and needs two different operations", () => {
    const spans = [root, call("first", "GET /cart", 0, 90), ...repeated(5, 2)];
    const patterns = findCallPatterns(buildSpanTree(spans));
    expect(patterns.map((p) => p.kind)).toEqual(["n_plus_one"]);
  });

  it("tells calls of one name apart by their target", () => {
    const spans = [root, call("c", "HTTP GET", 0, 300, { "server.address": "customer" }), call("r", "HTTP GET", 300, 600, { "server.address": "route" })];
    expect(findCallPatterns(buildSpanTree(spans))[0].operation).toBe("HTTP GET (customer), HTTP GET (route)");
  });
});

describe("countOverlappingPairs", () => {
  it("counts neighbours in start order, whatever order they come in", () => {
    const s = (startMs: number, endMs: number) => span({ spanId: `${startMs}`, startMs, endMs });
    expect(countOverlappingPairs([s(20, 30), s(0, 10), s(5, 15), s(30, 40)])).toBe(1);
  });
});

describe("statementShape", () => {
  it("replaces literals so queries for other ids share a shape", () => {
    expect(statementShape("SELECT * FROM t WHERE id = 42 AND name = 'O''Brien'")).toBe("SELECT * FROM t WHERE id = ? AND name = ?");
    expect(statementShape("select a from t2 where id in (1, 2,3) and x > -1.5e3")).toBe("select a from t2 where id in (?) and x > ?");
    expect(statementShape("HGET driver:T7 0x1F")).toBe("HGET driver:T7 ?");
  });
});
