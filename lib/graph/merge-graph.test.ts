import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpanKind, type Attributes } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import { forestShapeArbitrary, materializeSpans, shuffleWithDuplicates, spanIdsArbitrary, type SpanShape } from "../traces/testing/arbitrary-trace";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import type { TraceSpan } from "../traces/trace-span";
import { extractTraceGraph } from "./extract-trace-graph";
import type { ServiceGraph } from "./graph-types";
import { emptyServiceGraph, mergeGraph, mergeGraphs, subtractGraph } from "./merge-graph";

const graphOf = (spans: readonly TraceSpan[]) => extractTraceGraph(buildSpanTree(spans));

/** A call web → api GET /x (plus api exposing it) at `atMs`, `errors` of them failing. */
function webCallsApi(atMs: number, { error = false, durationMs = 10, route = "/x" } = {}): ServiceGraph {
  const shift = (s: TraceSpan): TraceSpan => ({ ...s, startNs: s.startNs + BigInt(atMs) * 1_000_000n, endNs: s.endNs + BigInt(atMs) * 1_000_000n });
  return graphOf(
    [
      makeTraceSpan({ spanId: "c", service: "web", kind: SpanKind.CLIENT, status: error ? "error" : "unset", startMs: 0, endMs: durationMs }),
      makeTraceSpan({ spanId: "s", parentSpanId: "c", service: "api", kind: SpanKind.SERVER, startMs: 1, endMs: durationMs - 1, attributes: { "http.route": route, "http.request.method": "GET" } }),
    ].map(shift),
  );
}

function oneSpan(service: string, attributes: Attributes, atMs = 0): ServiceGraph {
  return graphOf([makeTraceSpan({ spanId: "a", service, kind: SpanKind.CLIENT, startMs: atMs, endMs: atMs + 1, attributes })]);
}

const CALL = "calls:service:web→api_endpoint:GET /x";
const EXPOSE = "exposes:service:api→api_endpoint:GET /x";

/** The graph with every lastSeenAtMs left out: what subtraction restores exactly. */
function withoutLastSeen(graph: ServiceGraph): unknown {
  const edges = Object.entries(graph.edges).map(([id, edge]) => [id, { ...edge, lastSeenAtMs: "left out" }]);
  return { nodes: graph.nodes, edges: Object.fromEntries(edges) };
}

describe("mergeGraph", () => {
  it("sums counts, durations and errors and keeps the latest time", () => {
    const graph = mergeGraphs([webCallsApi(1_000), webCallsApi(3_000, { error: true, durationMs: 30 }), webCallsApi(2_000)]);
    expect(graph.edges[CALL]).toEqual({
      id: CALL,
      source: "service:web",
      target: "api_endpoint:GET /x",
      kind: "calls",
      callCount: 3,
      durationSumUs: 50_000,
      errorCount: 1,
      lastSeenAtMs: 3_000,
      traceCount: 3,
      // DDSketch buckets of 10 ms (twice) and 30 ms.
      durationBuckets: { "116": 2, "171": 1 },
      zeroDurationCount: 0,
    });
    expect(graph.nodes["service:web"]).toEqual({ id: "service:web", type: "service", label: "web", service: "web", traceCount: 3, serviceTraceCounts: { web: 3 } });
  });

  it("adds edges stored before durations were kept, leaving their calls out of the buckets", () => {
    const old = { ...webCallsApi(1_000).edges[CALL] };
    delete old.durationBuckets;
    delete old.zeroDurationCount;
    const stored: ServiceGraph = { nodes: webCallsApi(1_000).nodes, edges: { [CALL]: old } };
    const graph = mergeGraphs([stored, webCallsApi(2_000, { durationMs: 30 })]);
    expect(graph.edges[CALL]).toMatchObject({ callCount: 2, durationBuckets: { "171": 1 }, zeroDurationCount: 0 });
    expect(subtractGraph(graph, stored).edges[CALL]).toMatchObject({ callCount: 1, durationBuckets: { "171": 1 } });
  });

  it("is the identity with an empty graph", () => {
    const graph = webCallsApi(5);
    expect(mergeGraph(emptyServiceGraph(), graph)).toEqual(graph);
    expect(mergeGraph(graph, emptyServiceGraph())).toEqual(graph);
    expect(mergeGraphs([])).toEqual(emptyServiceGraph());
  });

  it("gives a shared node to the service that typed it in the most traces, ties by name", () => {
    const db = { "db.system.name": "redis", "db.operation.name": "GET" };
    const zeta = oneSpan("zeta", db);
    const alpha = oneSpan("alpha", db);
    expect(mergeGraphs([zeta, alpha]).nodes["database:redis"]).toMatchObject({ service: "alpha", traceCount: 2, serviceTraceCounts: { alpha: 1, zeta: 1 } });
    expect(mergeGraphs([zeta, alpha, zeta]).nodes["database:redis"]).toMatchObject({ service: "zeta", serviceTraceCounts: { alpha: 1, zeta: 2 } });
    // Subtraction moves it back: the counts are exact.
    expect(subtractGraph(mergeGraphs([zeta, alpha, zeta]), zeta).nodes["database:redis"].service).toBe("alpha");
  });

  it("never modifies its inputs", () => {
    const a = webCallsApi(1);
    const b = webCallsApi(2);
    const before = JSON.stringify([a, b]);
    subtractGraph(mergeGraph(a, b), a);
    expect(JSON.stringify([a, b])).toBe(before);
  });

  it("refuses a node id with two types or labels (a corrupted graph)", () => {
    const graph = webCallsApi(1);
    const corrupt: ServiceGraph = { nodes: { "service:web": { ...graph.nodes["service:web"], label: "other" } }, edges: {} };
    expect(() => mergeGraph(graph, corrupt)).toThrow(RangeError);
  });
});

describe("subtractGraph", () => {
  it("takes one trace back and keeps what other traces still reference", () => {
    const first = webCallsApi(1_000);
    const second = webCallsApi(2_000, { error: true, durationMs: 20 });
    const total = mergeGraph(first, second);
    expect(subtractGraph(total, first)).toEqual(second);
    expect(subtractGraph(total, first).edges[CALL]).toMatchObject({ callCount: 1, errorCount: 1, durationSumUs: 20_000, lastSeenAtMs: 2_000 });
    // The later trace taken out: counts go back, the latest time stays (see merge-graph.ts).
    expect(withoutLastSeen(subtractGraph(total, second))).toEqual(withoutLastSeen(first));
    expect(subtractGraph(total, second).edges[CALL]).toMatchObject({ callCount: 1, errorCount: 0, durationSumUs: 10_000, lastSeenAtMs: 2_000 });
  });

  it("drops an edge and its nodes once no trace references them, and only then", () => {
    const call = webCallsApi(1);
    const apiAlone = graphOf([makeTraceSpan({ spanId: "s", service: "api", kind: SpanKind.SERVER, startMs: 5, attributes: { "http.route": "/x", "http.request.method": "GET" } })]);
    const total = mergeGraph(call, apiAlone);
    const left = subtractGraph(total, call);
    expect(Object.keys(left.nodes)).toEqual(["api_endpoint:GET /x", "service:api"]);
    expect(Object.keys(left.edges)).toEqual([EXPOSE]);
    expect(left).toEqual(apiAlone);
    expect(subtractGraph(left, apiAlone)).toEqual(emptyServiceGraph());
  });

  it("survives a JSON round trip of the stored graph", () => {
    const a = webCallsApi(1);
    const b = webCallsApi(2, { route: "/y" });
    const stored = JSON.parse(JSON.stringify(mergeGraph(a, b))) as ServiceGraph;
    expect(subtractGraph(stored, b)).toEqual(a);
  });

  describe("refuses a delta that was never merged, changing nothing", () => {
    const total = mergeGraph(webCallsApi(1_000), webCallsApi(2_000));
    const snapshot = JSON.stringify(total);

    it.each<[string, ServiceGraph]>([
      ["an unknown node", oneSpan("ghost", {})],
      ["an unknown edge", webCallsApi(1_000, { route: "/other" })],
      ["more calls than recorded", mergeGraphs([webCallsApi(1_000), webCallsApi(1_000), webCallsApi(1_000)])],
      ["an error never recorded", webCallsApi(1_000, { error: true })],
      ["a longer duration than recorded", webCallsApi(1_000, { durationMs: 500 })],
      ["another duration than recorded", { ...webCallsApi(1_000), edges: { ...webCallsApi(1_000).edges, [CALL]: { ...webCallsApi(1_000).edges[CALL], durationSumUs: 1, durationBuckets: { "-300": 1 } } } }],
      ["a time after the edge was last seen", webCallsApi(9_000)],
    ])("%s", (_, delta) => {
      expect(() => subtractGraph(total, delta)).toThrow(RangeError);
      expect(JSON.stringify(total)).toBe(snapshot);
    });

    it("a delta whose edges would outlive their nodes", () => {
      const call = webCallsApi(1_000);
      const nodesOnly: ServiceGraph = { nodes: call.nodes, edges: {} };
      expect(() => subtractGraph(call, nodesOnly)).toThrow(/outlive/);
    });
  });
});

describe("merge and subtract properties", () => {
  /** One trace: random shapes at a random time, so lastSeenAtMs differs between traces. */
  const traceArbitrary = forestShapeArbitrary
    .filter((shapes: SpanShape[]) => shapes.length > 0)
    .chain((shapes) => fc.tuple(fc.constant(shapes), spanIdsArbitrary(shapes.length + 2), fc.integer({ min: 0, max: 50 }), fc.integer()))
    .map(([shapes, ids, atMs, seed]) => {
      const spans = materializeSpans(shapes, ids).map((s) => ({ ...s, startNs: s.startNs + BigInt(atMs) * 1_000_000n, endNs: s.endNs + BigInt(atMs) * 1_000_000n }));
      return { spans, seed };
    });
  const tracesArbitrary = fc.array(traceArbitrary, { minLength: 1, maxLength: 8 });
  const permutationOf = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

  it("merging trace graphs in any order, one by one or at once, gives the same graph", () => {
    fc.assert(
      fc.property(tracesArbitrary.chain((traces) => fc.tuple(fc.constant(traces), permutationOf(traces.length))), ([traces, order]) => {
        const graphs = traces.map((t) => graphOf(t.spans));
        const atOnce = mergeGraphs(graphs);
        // Each trace's spans also arrive in another order, with duplicates.
        const oneByOne = order.reduce((total, i) => mergeGraph(total, graphOf(shuffleWithDuplicates(traces[i].spans, traces[i].seed))), emptyServiceGraph());
        expect(JSON.stringify(oneByOne)).toBe(JSON.stringify(atOnce));
      }),
    );
  });

  it("merging is associative: any grouping gives the same graph", () => {
    fc.assert(
      fc.property(tracesArbitrary.chain((traces) => fc.tuple(fc.constant(traces), fc.nat(traces.length))), ([traces, cut]) => {
        const graphs = traces.map((t) => graphOf(t.spans));
        expect(mergeGraph(mergeGraphs(graphs.slice(0, cut)), mergeGraphs(graphs.slice(cut)))).toEqual(mergeGraphs(graphs));
      }),
    );
  });

  it("subtracting some traces, in any order, leaves exactly the graph of the others (times aside)", () => {
    fc.assert(
      fc.property(
        tracesArbitrary.chain((traces) => fc.tuple(fc.constant(traces), fc.subarray([...traces.keys()]).chain((removed) => fc.shuffledSubarray(removed, { minLength: removed.length, maxLength: removed.length })))),
        ([traces, removed]) => {
          const graphs = traces.map((t) => graphOf(t.spans));
          const total = mergeGraphs(graphs);
          const left = removed.reduce((g, i) => subtractGraph(g, graphs[i]), total);
          const kept = mergeGraphs(graphs.filter((_, i) => !removed.includes(i)));
          expect(withoutLastSeen(left)).toEqual(withoutLastSeen(kept));
          expect(Object.keys(left.nodes)).toEqual(Object.keys(kept.nodes));
          expect(Object.keys(left.edges)).toEqual(Object.keys(kept.edges));
          for (const [id, edge] of Object.entries(left.edges)) {
            // Never earlier than the truth, never later than anything ever merged.
            expect(edge.lastSeenAtMs).toBeGreaterThanOrEqual(kept.edges[id].lastSeenAtMs);
            expect(edge.lastSeenAtMs).toBeLessThanOrEqual(total.edges[id].lastSeenAtMs);
          }
          if (removed.length === traces.length) expect(left).toEqual(emptyServiceGraph());
        },
      ),
    );
  });

  it("a trace taken out and merged back after late spans gives the graph as if the late spans had come on time", () => {
    fc.assert(
      fc.property(
        tracesArbitrary.chain((traces) => fc.tuple(fc.constant(traces), fc.nat(traces.length - 1), fc.nat())),
        ([traces, late, cut]) => {
          const full = traces[late].spans;
          // The spans that made it before the trace first completed: a prefix in arrival order.
          const early = shuffleWithDuplicates(full, traces[late].seed).slice(0, 1 + (cut % full.length));
          const others = traces.filter((_, i) => i !== late).map((t) => graphOf(t.spans));
          const running = mergeGraphs([...others, graphOf(early)]);
          const corrected = mergeGraph(subtractGraph(running, graphOf(early)), graphOf(full));
          const onTime = mergeGraphs([...others, graphOf(full)]);
          expect(withoutLastSeen(corrected)).toEqual(withoutLastSeen(onTime));
          for (const [id, edge] of Object.entries(corrected.edges)) expect(edge.lastSeenAtMs).toBeGreaterThanOrEqual(onTime.edges[id].lastSeenAtMs);
        },
      ),
    );
  });

  it("merging then subtracting a trace no later than the graph restores it exactly", () => {
    fc.assert(
      fc.property(tracesArbitrary, (traces) => {
        const graphs = traces.map((t) => graphOf(t.spans));
        const base = mergeGraphs(graphs);
        // Every trace of `base` is no later than the latest time of each of its own edges.
        for (const graph of graphs) expect(subtractGraph(mergeGraph(base, graph), graph)).toEqual(base);
      }),
    );
  });
});
