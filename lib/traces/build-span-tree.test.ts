import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { buildSpanTree } from "./build-span-tree";
import { nodeKey } from "./node-key";
import type { SpanTree } from "./span-tree";
import {
  forestShapeArbitrary,
  materializeSpans,
  shuffleWithDuplicates,
  spanIdsArbitrary,
  tangledShapeArbitrary,
} from "./testing/arbitrary-trace";
import { makeTraceSpan } from "./testing/make-trace-span";
import type { TraceSpan } from "./trace-span";

const ids = (tree: SpanTree) => tree.nodes.map((n) => n.span.spanId);
const names = (tree: SpanTree) => tree.nodes.map((n) => n.span.name);

/** Everything about the tree's order except the span ids. */
function contentSequence(tree: SpanTree): string[] {
  return tree.nodes.map((n) => {
    const s = n.span;
    const key = n.pathNode === null ? "-" : nodeKey(n.pathNode);
    return [n.depth, s.service, s.name, s.kind, s.status, s.startNs, s.endNs, key].join("|");
  });
}

/**
 * Each node's parent, children and depth agree, and the preorder is a real preorder. Problems
 * are collected and asserted once: an expect per node would dominate the 10,000-span tests.
 */
function expectConsistent(tree: SpanTree, uniqueSpans: number): void {
  expect(tree.nodes.length).toBe(uniqueSpans);
  expect(new Set(ids(tree)).size).toBe(uniqueSpans);
  expect(tree.byId.size).toBe(uniqueSpans);
  if (uniqueSpans === 0) return;
  expect(tree.nodes[0]).toBe(tree.root);
  expect(tree.root!.parent).toBeNull();
  expect(tree.root!.depth).toBe(0);
  const problems: string[] = [];
  const position = new Map(tree.nodes.map((n, i) => [n, i]));
  for (const [i, node] of tree.nodes.entries()) {
    const id = node.span.spanId;
    if (tree.byId.get(id) !== node) problems.push(`${id}: byId`);
    for (const [k, child] of node.children.entries()) {
      if (child.parent !== node) problems.push(`${id}: child ${child.span.spanId} has another parent`);
      // Preorder: a node's first child follows it directly.
      if (k === 0 && position.get(child) !== i + 1) problems.push(`${id}: first child not next in preorder`);
    }
    if (node.parent === null) continue;
    if (position.get(node.parent)! >= i) problems.push(`${id}: parent after it in preorder`);
    if (node.depth !== node.parent.depth + 1) problems.push(`${id}: depth`);
    if (!node.parent.children.includes(node)) problems.push(`${id}: missing from its parent's children`);
    if (node.attachment === "parent" && node.parent.span.spanId !== node.span.parentSpanId) problems.push(`${id}: wrong parent`);
    if (node.attachment !== "parent" && node.parent !== tree.root) problems.push(`${id}: adopted but not under the root`);
  }
  expect(problems).toEqual([]);
}

describe("buildSpanTree", () => {
  it("returns an empty tree for no spans", () => {
    const tree = buildSpanTree([]);
    expect(tree.root).toBeNull();
    expect(tree.nodes).toEqual([]);
    expect(tree.rootMissing).toBe(true);
  });

  it("links parents and children and exposes preorder, parent lookup and depth", () => {
    const spans = [
      makeTraceSpan({ spanId: "c", parentSpanId: "b", name: "c", startMs: 2 }),
      makeTraceSpan({ spanId: "d", parentSpanId: "a", name: "d", startMs: 5 }),
      makeTraceSpan({ spanId: "b", parentSpanId: "a", name: "b", startMs: 1 }),
      makeTraceSpan({ spanId: "a", name: "a", startMs: 0, endMs: 10 }),
    ];
    const tree = buildSpanTree(spans);
    expect(tree.root?.span.spanId).toBe("a");
    expect(tree.rootMissing).toBe(false);
    expect(ids(tree)).toEqual(["a", "b", "c", "d"]);
    expect(tree.nodes.map((n) => n.depth)).toEqual([0, 1, 2, 1]);
    expect(tree.byId.get("c")?.parent?.span.spanId).toBe("b");
    expect(tree.byId.get("a")?.children.map((n) => n.span.spanId)).toEqual(["b", "d"]);
    expect(tree.nodes.map((n) => n.attachment)).toEqual(["root", "parent", "parent", "parent"]);
    expect(tree.duplicateCount).toBe(0);
    expectConsistent(tree, 4);
  });

  it("hands back the caller's span objects, with their own type", () => {
    const span = { ...makeTraceSpan({ spanId: "a" }), extra: 42 };
    const tree = buildSpanTree([span]);
    expect(tree.root?.span).toBe(span);
    expect(tree.root?.span.extra).toBe(42);
  });

  it("records each span's path node, typed with its real children", () => {
    const tree = buildSpanTree([
      makeTraceSpan({ spanId: "a", service: "gateway", kind: SpanKind.CLIENT }),
      makeTraceSpan({ spanId: "b", parentSpanId: "a", service: "orders", kind: SpanKind.SERVER }),
    ]);
    expect(tree.byId.get("a")?.pathNode).toBeNull();
    expect(tree.byId.get("b")?.pathNode).toEqual({ type: "service", identifier: "orders", service: "orders" });
  });

  describe("sibling order", () => {
    const parent = makeTraceSpan({ spanId: "p", service: "orders", startMs: 0, endMs: 100 });
    const child = (spanId: string, init: Partial<TraceSpan> & { startMs?: number }) =>
      makeTraceSpan({ spanId, parentSpanId: "p", service: "orders", ...init });

    it("is by start time, whatever the arrival order", () => {
      const spans = [child("x1", { name: "late", startMs: 9 }), parent, child("x2", { name: "early", startMs: 1 }), child("x3", { name: "mid", startMs: 5 })];
      expect(names(buildSpanTree(spans))).toEqual(["op", "early", "mid", "late"]);
      expect(names(buildSpanTree([...spans].reverse()))).toEqual(["op", "early", "mid", "late"]);
    });

    it("breaks start-time ties by node key before name", () => {
      // "api_endpoint:…" < "database:…" < "service:…", whatever the names and ids say.
      const spans = [
        parent,
        child("01", { name: "a-first-by-name", startMs: 3 }),
        child("02", { name: "z-db", startMs: 3, kind: SpanKind.CLIENT, attributes: { "db.system": "redis" } }),
        child("03", { name: "z-route", startMs: 3, attributes: { "http.route": "/r", "http.method": "GET" } }),
      ];
      expect(names(buildSpanTree(spans))).toEqual(["op", "z-route", "z-db", "a-first-by-name"]);
    });

    it("puts a call its callee reports (no node, key \"\") before typed siblings at the same start", () => {
      const spans = [
        parent,
        child("01", { name: "a-route", startMs: 3, attributes: { "http.route": "/r" } }),
        child("02", { name: "z-call", startMs: 3, kind: SpanKind.CLIENT }),
        makeTraceSpan({ spanId: "03", parentSpanId: "02", service: "users", startMs: 4 }),
      ];
      expect(names(buildSpanTree(spans))).toEqual(["op", "z-call", "op", "a-route"]);
    });

    it("breaks key ties by span name", () => {
      const spans = [parent, child("01", { name: "b", startMs: 3 }), child("02", { name: "a", startMs: 3 })];
      expect(names(buildSpanTree(spans))).toEqual(["op", "a", "b"]);
    });

    it("breaks name ties by subtree content, never by span id", () => {
      // Two identical calls at the same instant whose callees differ: the order must follow the
      // callees (their digests), so swapping the ids changes nothing.
      const build = (first: string, second: string) =>
        buildSpanTree([
          parent,
          child(first, { name: "HTTP GET", startMs: 3, kind: SpanKind.CLIENT }),
          child(second, { name: "HTTP GET", startMs: 3, kind: SpanKind.CLIENT }),
          makeTraceSpan({ spanId: `${first}-server`, parentSpanId: first, service: "users", startMs: 4, attributes: { "http.route": "/users" } }),
          makeTraceSpan({ spanId: `${second}-server`, parentSpanId: second, service: "route", startMs: 4, attributes: { "http.route": "/route" } }),
        ]);
      const one = build("aa", "bb");
      const other = build("bb", "aa");
      expect(contentSequence(one)).toEqual(contentSequence(other));
      // The digests, not the ids, put the callees in a fixed order.
      const callees = (tree: SpanTree) => tree.nodes.filter((n) => n.depth === 2).map((n) => n.span.service);
      expect(callees(one)).toEqual(callees(other));
    });

    it("falls back to span id only between identical siblings, so the order is still total", () => {
      const spans = [parent, child("bb", { startMs: 3 }), child("aa", { startMs: 3 })];
      expect(ids(buildSpanTree(spans))).toEqual(["p", "aa", "bb"]);
      expect(ids(buildSpanTree([...spans].reverse()))).toEqual(["p", "aa", "bb"]);
    });
  });

  describe("orphans", () => {
    it("keeps spans whose parent never arrived, under the root in start order", () => {
      const spans = [
        makeTraceSpan({ spanId: "r", name: "root", startMs: 0, endMs: 100 }),
        makeTraceSpan({ spanId: "c1", parentSpanId: "r", name: "child-late", startMs: 50 }),
        makeTraceSpan({ spanId: "o1", parentSpanId: "lost", name: "orphan-early", startMs: 10 }),
        makeTraceSpan({ spanId: "o2", parentSpanId: "o1", name: "orphan-child", startMs: 11 }),
      ];
      const tree = buildSpanTree(spans);
      expect(names(tree)).toEqual(["root", "orphan-early", "orphan-child", "child-late"]);
      expect(tree.byId.get("o1")?.attachment).toBe("orphan");
      expect(tree.byId.get("o1")?.parent?.span.spanId).toBe("r");
      expect(tree.byId.get("o2")?.attachment).toBe("parent");
      expect(tree.rootMissing).toBe(false);
      expectConsistent(tree, 4);
    });

    it("lets the earliest orphan stand in for a root that never arrived", () => {
      const spans = [
        makeTraceSpan({ spanId: "o2", parentSpanId: "lost", name: "second", startMs: 20 }),
        makeTraceSpan({ spanId: "o1", parentSpanId: "lost", name: "first", startMs: 10 }),
        makeTraceSpan({ spanId: "o3", parentSpanId: "gone", name: "third", startMs: 30 }),
      ];
      const tree = buildSpanTree(spans);
      expect(tree.rootMissing).toBe(true);
      expect(tree.root?.span.spanId).toBe("o1");
      expect(tree.root?.attachment).toBe("orphan");
      expect(names(tree)).toEqual(["first", "second", "third"]);
      expectConsistent(tree, 3);
    });

    it("does not count adopted spans as callees when typing the root (rule 4)", () => {
      const tree = buildSpanTree([
        makeTraceSpan({ spanId: "r", service: "loadgen", kind: SpanKind.CLIENT, startMs: 0 }),
        makeTraceSpan({ spanId: "o", parentSpanId: "lost", service: "frontend", kind: SpanKind.SERVER, startMs: 1 }),
      ]);
      expect(tree.root?.pathNode).toEqual({ type: "service", identifier: "loadgen", service: "loadgen" });
    });
  });

  describe("several roots", () => {
    it("makes the earliest the root and hangs the others under it in start order", () => {
      const spans = [
        makeTraceSpan({ spanId: "r2", name: "second-root", startMs: 5 }),
        makeTraceSpan({ spanId: "r1", name: "first-root", startMs: 1 }),
        makeTraceSpan({ spanId: "c", parentSpanId: "r1", name: "child", startMs: 7 }),
        makeTraceSpan({ spanId: "r3", name: "third-root", startMs: 9 }),
      ];
      const tree = buildSpanTree(spans);
      expect(tree.root?.span.spanId).toBe("r1");
      expect(names(tree)).toEqual(["first-root", "second-root", "child", "third-root"]);
      expect(tree.byId.get("r2")?.attachment).toBe("extra-root");
      expect(tree.byId.get("r3")?.attachment).toBe("extra-root");
      expect(tree.root?.attachment).toBe("root");
      expect(tree.rootMissing).toBe(false);
      expectConsistent(tree, 4);
    });

    it("prefers a parentless span over an earlier orphan", () => {
      const tree = buildSpanTree([
        makeTraceSpan({ spanId: "o", parentSpanId: "lost", startMs: 0 }),
        makeTraceSpan({ spanId: "r", startMs: 5 }),
      ]);
      expect(tree.root?.span.spanId).toBe("r");
      expect(tree.byId.get("o")?.parent?.span.spanId).toBe("r");
    });

    it("breaks a start-time tie between roots by node key, then name", () => {
      const tree = buildSpanTree([
        makeTraceSpan({ spanId: "1", name: "b", service: "zeta", startMs: 0 }),
        makeTraceSpan({ spanId: "2", name: "a", service: "zeta", startMs: 0 }),
        makeTraceSpan({ spanId: "3", name: "z", service: "api", startMs: 0, attributes: { "http.route": "/x" } }),
      ]);
      expect(names(tree)).toEqual(["z", "a", "b"]);
    });
  });

  describe("duplicates", () => {
    it("keeps the copy with the longest duration", () => {
      const tree = buildSpanTree([
        makeTraceSpan({ spanId: "r", name: "root" }),
        makeTraceSpan({ spanId: "d", parentSpanId: "r", name: "partial", startMs: 1, endMs: 2 }),
        makeTraceSpan({ spanId: "d", parentSpanId: "r", name: "complete", startMs: 1, endMs: 9 }),
        makeTraceSpan({ spanId: "d", parentSpanId: "r", name: "partial-again", startMs: 1, endMs: 3 }),
      ]);
      expect(names(tree)).toEqual(["root", "complete"]);
      expect(tree.duplicateCount).toBe(2);
    });

    it("keeps the first received when durations are equal", () => {
      const tree = buildSpanTree([
        makeTraceSpan({ spanId: "d", name: "first", startMs: 1, endMs: 2 }),
        makeTraceSpan({ spanId: "d", name: "second", startMs: 1, endMs: 2 }),
      ]);
      expect(names(tree)).toEqual(["first"]);
      expect(tree.duplicateCount).toBe(1);
    });
  });

  describe("cycles", () => {
    it("cuts a loop between two spans at its earliest span and keeps both", () => {
      const tree = buildSpanTree([
        makeTraceSpan({ spanId: "r", name: "root", startMs: 0 }),
        makeTraceSpan({ spanId: "a", parentSpanId: "b", name: "a", startMs: 2 }),
        makeTraceSpan({ spanId: "b", parentSpanId: "a", name: "b", startMs: 1 }),
      ]);
      expect(names(tree)).toEqual(["root", "b", "a"]);
      expect(tree.byId.get("b")?.attachment).toBe("cycle");
      expect(tree.byId.get("a")?.attachment).toBe("parent");
      expectConsistent(tree, 3);
    });

    it("treats a span that is its own parent as a loop of one", () => {
      const tree = buildSpanTree([makeTraceSpan({ spanId: "r" }), makeTraceSpan({ spanId: "s", parentSpanId: "s", startMs: 1 })]);
      expect(tree.byId.get("s")?.attachment).toBe("cycle");
      expect(tree.byId.get("s")?.parent?.span.spanId).toBe("r");
    });

    it("keeps the spans hanging off a loop under the loop's cut", () => {
      const tree = buildSpanTree([
        makeTraceSpan({ spanId: "a", parentSpanId: "c", name: "a", startMs: 3 }),
        makeTraceSpan({ spanId: "b", parentSpanId: "a", name: "b", startMs: 4 }),
        makeTraceSpan({ spanId: "c", parentSpanId: "b", name: "c", startMs: 5 }),
        makeTraceSpan({ spanId: "t", parentSpanId: "b", name: "tail", startMs: 6 }),
      ]);
      // Nothing is parentless: the cut span stands in as root.
      expect(tree.rootMissing).toBe(true);
      expect(names(tree)).toEqual(["a", "b", "c", "tail"]);
      expect(tree.root?.attachment).toBe("cycle");
      expectConsistent(tree, 4);
    });

    it("survives a loop of 10,000 spans", () => {
      const count = 10_000;
      const spans = Array.from({ length: count }, (_, i) =>
        makeTraceSpan({ spanId: `s${i}`, parentSpanId: `s${(i + count - 1) % count}`, startMs: i }),
      );
      const tree = buildSpanTree(spans);
      expect(tree.root?.span.spanId).toBe("s0");
      expect(tree.nodes.at(-1)?.depth).toBe(count - 1);
      expectConsistent(tree, count);
    });
  });

  it("handles a chain 10,000 levels deep without recursion", () => {
    const depth = 10_000;
    const spans = Array.from({ length: depth }, (_, i) =>
      makeTraceSpan({ spanId: `s${i}`, parentSpanId: i === 0 ? "" : `s${i - 1}`, startMs: i, service: i % 2 ? "a" : "b" }),
    );
    const tree = buildSpanTree([...spans].reverse());
    expect(ids(tree)).toEqual(spans.map((s) => s.spanId));
    expect(tree.nodes.at(-1)?.depth).toBe(depth - 1);
    expectConsistent(tree, depth);
  });

  it("builds a wide 1,000-span trace whole", () => {
    // A realistic fan-out: 9 services, 110 database calls each.
    const spans: TraceSpan[] = [makeTraceSpan({ spanId: "root", service: "gateway", attributes: { "http.route": "/", "http.method": "GET" } })];
    for (let s = 0; s < 9; s++) {
      const server = `srv${s}`;
      spans.push(makeTraceSpan({ spanId: server, parentSpanId: "root", service: `svc${s}`, kind: SpanKind.SERVER, startMs: s, attributes: { "http.route": `/r${s}` } }));
      for (let c = 0; c < 110; c++) {
        spans.push(
          makeTraceSpan({
            spanId: `${server}-${c}`,
            parentSpanId: server,
            service: `svc${s}`,
            kind: SpanKind.CLIENT,
            startMs: s + c / 100,
            attributes: { "db.system": "postgresql", "db.name": `db${c % 3}` },
          }),
        );
      }
    }
    expect(spans.length).toBe(1_000);
    // Timing lives in the benchmark, not here; this checks the wide tree comes out whole.
    const tree = buildSpanTree(spans);
    expect(tree.nodes).toHaveLength(1_000);
    expect(tree.byId.get("srv8")!.children).toHaveLength(110);
  });

  describe("properties", () => {
    const forest = forestShapeArbitrary.chain((shapes) =>
      fc.tuple(fc.constant(shapes), spanIdsArbitrary(shapes.length + 2), spanIdsArbitrary(shapes.length + 2), fc.integer()),
    );

    it("gives the same tree for any arrival order and any duplicated deliveries", () => {
      fc.assert(
        fc.property(forest, ([shapes, idsA, , seed]) => {
          const spans = materializeSpans(shapes, idsA);
          const once = buildSpanTree(spans);
          const again = buildSpanTree(shuffleWithDuplicates(spans, seed));
          expect(ids(again)).toEqual(ids(once));
          expect(again.nodes.map((n) => n.attachment)).toEqual(once.nodes.map((n) => n.attachment));
          expect(again.nodes.map((n) => n.depth)).toEqual(once.nodes.map((n) => n.depth));
          expectConsistent(again, spans.length);
        }),
      );
    });

    it("gives the same order of span contents whatever the random span ids", () => {
      fc.assert(
        fc.property(forest, ([shapes, idsA, idsB, seed]) => {
          const one = buildSpanTree(materializeSpans(shapes, idsA));
          const other = buildSpanTree(shuffleWithDuplicates(materializeSpans(shapes, idsB), seed));
          expect(contentSequence(other)).toEqual(contentSequence(one));
          expect(other.rootMissing).toBe(one.rootMissing);
        }),
      );
    });

    it("terminates and keeps every span once on arbitrary parent links, cycles included", () => {
      const tangled = tangledShapeArbitrary.chain((shapes) => fc.tuple(fc.constant(shapes), spanIdsArbitrary(shapes.length + 2), fc.integer()));
      fc.assert(
        fc.property(tangled, ([shapes, spanIds, seed]) => {
          const spans = materializeSpans(shapes, spanIds);
          const tree = buildSpanTree(spans);
          expectConsistent(tree, spans.length);
          expect(ids(buildSpanTree(shuffleWithDuplicates(spans, seed)))).toEqual(ids(tree));
        }),
      );
    });
  });
});
