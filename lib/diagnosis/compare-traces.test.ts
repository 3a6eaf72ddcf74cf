import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import { forestShapeArbitrary, materializeSpans, shuffleWithDuplicates, spanIdsArbitrary } from "../traces/testing/arbitrary-trace";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import type { TraceSpan } from "../traces/trace-span";
import { collectTracePlaces, createPlaceRegistry } from "./compare-trace-places";
import { compareTraces, durationDelta, type TraceComparison } from "./compare-traces";

type SpanSpec = { id: string; parent?: string; service?: string; start: number; end: number; status?: TraceSpan["status"] };

/** An HTTP server span of `service` for "METHOD /route". */
function endpoint(route: string, spec: SpanSpec): TraceSpan {
  const [method, path] = route.split(" ");
  return makeTraceSpan({
    spanId: spec.id,
    parentSpanId: spec.parent ?? "",
    service: spec.service ?? "orders",
    name: route,
    kind: SpanKind.SERVER,
    status: spec.status,
    startMs: spec.start,
    endMs: spec.end,
    attributes: { "http.route": path, "http.request.method": method },
  });
}

function query(database: string, spec: SpanSpec): TraceSpan {
  return makeTraceSpan({
    spanId: spec.id,
    parentSpanId: spec.parent ?? "",
    service: spec.service ?? "orders",
    name: "SELECT",
    kind: SpanKind.CLIENT,
    status: spec.status,
    startMs: spec.start,
    endMs: spec.end,
    attributes: { "db.system.name": "postgresql", "db.namespace": database },
  });
}

/** A client call from `caller` whose callee reports its own span: it has no node of its own. */
function call(spec: SpanSpec): TraceSpan {
  return makeTraceSpan({ spanId: spec.id, parentSpanId: spec.parent ?? "", service: spec.service ?? "gateway", name: "GET", kind: SpanKind.CLIENT, status: spec.status, startMs: spec.start, endMs: spec.end });
}

const compare = (a: TraceSpan[], b: TraceSpan[]) => compareTraces(buildSpanTree(a), buildSpanTree(b));
const statuses = (c: TraceComparison) => c.rows.map((r) => `${r.status} ${r.key}`);

/** POST /orders reading users, then products; `scale` stretches every duration. */
function order(scale = 1, prefix = "a"): TraceSpan[] {
  const id = (n: number) => `${prefix}${n}`;
  return [
    endpoint("POST /orders", { id: id(1), start: 0, end: 100 * scale }),
    query("users", { id: id(2), parent: id(1), start: 10, end: 10 + 20 * scale }),
    query("products", { id: id(3), parent: id(1), start: 50 * scale, end: 50 * scale + 30 * scale }),
  ];
}

describe("compareTraces", () => {
  it("finds two traces of the same request the same everywhere, with no change in duration", () => {
    const comparison = compare(order(1, "a"), order(1, "b"));
    expect(statuses(comparison)).toEqual(["same api_endpoint:POST /orders", "same database:users", "same database:products"]);
    expect(comparison.rows.map((r) => r.durationDelta)).toEqual([0, 0, 0]);
    expect(comparison.rows.map((r) => r.depth)).toEqual([0, 1, 1]);
    expect(comparison.rows[1]).toMatchObject({ a: { spanIds: ["a2"], count: 1, durationMs: 20, errorCount: 0 }, b: { spanIds: ["b2"], count: 1, durationMs: 20, errorCount: 0 } });
    expect(comparison.summary).toEqual({ added: 0, removed: 0, moved: 0, same: 3, aDurationMs: 100, bDurationMs: 100, durationDelta: 0 });
  });

  it("marks a node only b has as added, where b has it", () => {
    const b = [...order(1, "b"), query("audit", { id: "b9", parent: "b1", start: 90, end: 95 })];
    const comparison = compare(order(1, "a"), b);
    expect(statuses(comparison)).toEqual(["same api_endpoint:POST /orders", "same database:users", "same database:products", "added database:audit"]);
    const added = comparison.rows[3];
    expect(added).toMatchObject({ a: null, b: { spanIds: ["b9"], count: 1, durationMs: 5 }, durationDelta: null, depth: 1 });
    expect(comparison.summary).toMatchObject({ added: 1, removed: 0, moved: 0, same: 3 });
  });

  it("marks a node only a has as removed, with its children", () => {
    const a = [...order(1, "a"), endpoint("GET /stock/:id", { id: "a7", parent: "a1", service: "stock", start: 60, end: 70 }), query("stock", { id: "a8", parent: "a7", service: "stock", start: 61, end: 69 })];
    const comparison = compare(a, order(1, "b"));
    expect(statuses(comparison)).toEqual(["same api_endpoint:POST /orders", "same database:users", "same database:products", "removed api_endpoint:GET /stock/:id", "removed database:stock"]);
    expect(comparison.rows[4]).toMatchObject({ a: { spanIds: ["a8"], durationMs: 8 }, b: null, durationDelta: null, depth: 2 });
    expect(comparison.summary).toMatchObject({ added: 0, removed: 2, same: 3 });
  });

  it("marks a node whose order changed as moved, once, at b's place", () => {
    const b = [
      endpoint("POST /orders", { id: "b1", start: 0, end: 100 }),
      query("products", { id: "b3", parent: "b1", start: 5, end: 35 }),
      query("users", { id: "b2", parent: "b1", start: 50, end: 70 }),
    ];
    const comparison = compare(order(1, "a"), b);
    expect(statuses(comparison)).toEqual(["same api_endpoint:POST /orders", "same database:products", "moved database:users"]);
    expect(comparison.rows[2]).toMatchObject({ a: { spanIds: ["a2"] }, b: { spanIds: ["b2"] }, durationDelta: 0 });
    expect(comparison.summary).toMatchObject({ moved: 1, same: 2, added: 0, removed: 0 });
  });

  it("keeps a removed call under its parent when that parent moved", () => {
    const a = [
      endpoint("POST /orders", { id: "a1", start: 0, end: 100 }),
      endpoint("GET /users/:id", { id: "a2", parent: "a1", service: "users", start: 10, end: 40 }),
      query("users", { id: "a3", parent: "a2", service: "users", start: 12, end: 20 }),
      endpoint("GET /stock", { id: "a4", parent: "a1", service: "stock", start: 50, end: 60 }),
    ];
    const b = [
      endpoint("POST /orders", { id: "b1", start: 0, end: 100 }),
      endpoint("GET /stock", { id: "b4", parent: "b1", service: "stock", start: 5, end: 15 }),
      endpoint("GET /users/:id", { id: "b2", parent: "b1", service: "users", start: 20, end: 40 }),
    ];
    const comparison = compare(a, b);
    expect(statuses(comparison)).toEqual(["same api_endpoint:POST /orders", "same api_endpoint:GET /stock", "moved api_endpoint:GET /users/:id", "removed database:users"]);
    expect(comparison.rows.map((r) => r.depth)).toEqual([0, 1, 1, 2]);
  });

  it("folds repeated calls in a row into one place and compares their counts and summed durations", () => {
    const loop = (prefix: string, times: number) => [
      endpoint("GET /orders", { id: `${prefix}r`, start: 0, end: 100 }),
      ...Array.from({ length: times }, (_, i) => query("orders", { id: `${prefix}${i}`, parent: `${prefix}r`, start: 10 * i, end: 10 * i + 4 })),
    ];
    const comparison = compare(loop("a", 3), loop("b", 5));
    expect(statuses(comparison)).toEqual(["same api_endpoint:GET /orders", "same database:orders"]);
    const repeated = comparison.rows[1];
    expect(repeated.a).toEqual({ spanIds: ["a0", "a1", "a2"], count: 3, durationMs: 12, errorCount: 0 });
    expect(repeated.b).toEqual({ spanIds: ["b0", "b1", "b2", "b3", "b4"], count: 5, durationMs: 20, errorCount: 0 });
    expect(repeated.durationDelta).toBeCloseTo((20 - 12) / 20, 12);
  });

  it("keeps a node called again after another one as a place of its own", () => {
    const trace = (prefix: string, withSecondRead: boolean) => [
      endpoint("POST /orders", { id: `${prefix}r`, start: 0, end: 100 }),
      query("orders", { id: `${prefix}1`, parent: `${prefix}r`, start: 10, end: 20 }),
      query("stock", { id: `${prefix}2`, parent: `${prefix}r`, start: 30, end: 40 }),
      ...(withSecondRead ? [query("orders", { id: `${prefix}3`, parent: `${prefix}r`, start: 50, end: 60 })] : []),
    ];
    expect(statuses(compare(trace("a", false), trace("b", true)))).toEqual(["same api_endpoint:POST /orders", "same database:orders", "same database:stock", "added database:orders"]);
  });

  it("tells the same endpoint apart by where in the tree it was called", () => {
    const a = [endpoint("POST /orders", { id: "a1", start: 0, end: 100 }), endpoint("GET /users/:id", { id: "a2", parent: "a1", service: "users", start: 10, end: 20 })];
    const b = [
      endpoint("POST /orders", { id: "b1", start: 0, end: 100 }),
      endpoint("GET /cart", { id: "b2", parent: "b1", service: "cart", start: 5, end: 50 }),
      endpoint("GET /users/:id", { id: "b3", parent: "b2", service: "users", start: 10, end: 20 }),
    ];
    expect(statuses(compare(a, b))).toEqual(["same api_endpoint:POST /orders", "removed api_endpoint:GET /users/:id", "added api_endpoint:GET /cart", "added api_endpoint:GET /users/:id"]);
  });

  it("passes forwarded calls through to their callee and counts a failed call on it", () => {
    const trace = (prefix: string, failed: boolean) => [
      endpoint("POST /orders", { id: `${prefix}1`, service: "gateway", start: 0, end: 100 }),
      call({ id: `${prefix}2`, parent: `${prefix}1`, start: 10, end: 60, status: failed ? "error" : "unset" }),
      // A 404 leaves the server span unset: only the caller's span says the call failed.
      endpoint("GET /users/:id", { id: `${prefix}3`, parent: `${prefix}2`, service: "users", start: 12, end: 58 }),
    ];
    const comparison = compare(trace("a", false), trace("b", true));
    expect(statuses(comparison)).toEqual(["same api_endpoint:POST /orders", "same api_endpoint:GET /users/:id"]);
    expect(comparison.rows[1]).toMatchObject({ depth: 1, a: { spanIds: ["a3"], errorCount: 0, durationMs: 46 }, b: { spanIds: ["b3"], errorCount: 1 } });
  });

  it("counts a failing span once even when its caller failed too", () => {
    const trace = [
      endpoint("POST /orders", { id: "r", service: "gateway", start: 0, end: 100 }),
      call({ id: "c", parent: "r", start: 10, end: 60, status: "error" }),
      endpoint("GET /users/:id", { id: "s", parent: "c", service: "users", start: 12, end: 58, status: "error" }),
    ];
    expect(compare(trace, trace).rows[1].a!.errorCount).toBe(1);
  });

  it("gives the delta as (b − a) / max(a, b): positive when b is slower, negative when faster", () => {
    const slower = compare(order(1, "a"), order(1.5, "b"));
    expect(slower.summary).toMatchObject({ aDurationMs: 100, bDurationMs: 150 });
    expect(slower.summary.durationDelta).toBeCloseTo(50 / 150, 12);
    expect(slower.rows[0].durationDelta).toBeCloseTo(1 / 3, 12);
    expect(slower.rows[2].durationDelta).toBeCloseTo((45 - 30) / 45, 12);

    const faster = compare(order(1, "a"), order(0.5, "b"));
    expect(faster.summary.durationDelta).toBe(-0.5);
    expect(faster.rows[1].durationDelta).toBe((10 - 20) / 20);

    expect(durationDelta(0, 0)).toBeNull();
    expect(durationDelta(0, 7)).toBe(1);
    expect(durationDelta(7, 0)).toBe(-1);
  });

  it("takes the wall time for a trace whose root span is missing", () => {
    const orphans = [query("users", { id: "x", parent: "gone", start: 10, end: 30 }), query("products", { id: "y", parent: "gone", start: 40, end: 90 })];
    expect(compare(orphans, order()).summary).toMatchObject({ aDurationMs: 80, bDurationMs: 100 });
  });

  it("compares empty traces as empty", () => {
    expect(compare([], [])).toEqual({ rows: [], summary: { added: 0, removed: 0, moved: 0, same: 0, aDurationMs: 0, bDurationMs: 0, durationDelta: null } });
    expect(statuses(compare([], order()))).toEqual(["added api_endpoint:POST /orders", "added database:users", "added database:products"]);
  });
});

describe("compareTraces properties", () => {
  // Random forests with their spans under new ids and in another arrival order (with re-sent
  // copies): the same trace as far as any path can tell.
  const twinArb = forestShapeArbitrary.chain((shapes) =>
    fc.tuple(fc.constant(shapes), spanIdsArbitrary(shapes.length + 2), spanIdsArbitrary(shapes.length + 2), fc.integer()),
  );

  it("finds a trace the same as itself everywhere, with no change in duration", () => {
    fc.assert(
      fc.property(twinArb, ([shapes, idsA, idsB, seed]) => {
        const a = materializeSpans(shapes, idsA);
        const b = shuffleWithDuplicates(materializeSpans(shapes, idsB), seed);
        const comparison = compare(a, b);
        expect(comparison.rows.every((r) => r.status === "same")).toBe(true);
        for (const row of comparison.rows) {
          expect(row.a!.count).toBe(row.b!.count);
          expect(row.a!.errorCount).toBe(row.b!.errorCount);
          expect(row.durationDelta === null ? row.a!.durationMs : row.durationDelta).toBe(0);
        }
        expect(comparison.summary).toMatchObject({ added: 0, removed: 0, moved: 0, same: comparison.rows.length });
        expect(comparison.summary.durationDelta ?? 0).toBe(0);
      }),
    );
  });

  it("accounts for every place and every span with a node of both traces exactly once", () => {
    const pairArb = fc.tuple(forestShapeArbitrary, forestShapeArbitrary, spanIdsArbitrary(84));
    fc.assert(
      fc.property(pairArb, ([shapesA, shapesB, ids]) => {
        const treeA = buildSpanTree(materializeSpans(shapesA, ids.slice(0, 42)));
        const treeB = buildSpanTree(materializeSpans(shapesB, ids.slice(42)));
        const { rows, summary } = compareTraces(treeA, treeB);
        const registry = createPlaceRegistry();
        expect(summary.same + summary.moved + summary.removed).toBe(collectTracePlaces(treeA, registry).length);
        expect(summary.same + summary.moved + summary.added).toBe(collectTracePlaces(treeB, registry).length);
        expect(rows.length).toBe(summary.same + summary.moved + summary.removed + summary.added);
        const spansWithNode = (tree: typeof treeA) => tree.nodes.filter((n) => n.pathNode !== null).map((n) => n.span.spanId).sort();
        expect(rows.flatMap((r) => r.a?.spanIds ?? []).sort()).toEqual(spansWithNode(treeA));
        expect(rows.flatMap((r) => r.b?.spanIds ?? []).sort()).toEqual(spansWithNode(treeB));
        for (const row of rows) {
          expect(row.a !== null).toBe(row.status !== "added");
          expect(row.b !== null).toBe(row.status !== "removed");
          if (row.durationDelta !== null) expect(Math.abs(row.durationDelta)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("keeps the tree: every row deeper than its predecessor is exactly one level deeper", () => {
    const pairArb = fc.tuple(forestShapeArbitrary, forestShapeArbitrary, spanIdsArbitrary(84));
    fc.assert(
      fc.property(pairArb, ([shapesA, shapesB, ids]) => {
        const { rows } = compare(materializeSpans(shapesA, ids.slice(0, 42)), materializeSpans(shapesB, ids.slice(42)));
        rows.forEach((row, i) => expect(row.depth).toBeLessThanOrEqual(i === 0 ? 0 : rows[i - 1].depth + 1));
      }),
    );
  });
});
