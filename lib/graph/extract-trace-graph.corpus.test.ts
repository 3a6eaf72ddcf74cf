// Service graphs of real traces from other projects' fixtures (Jaeger's HotROD captures and
// others), in tests/fixtures/corpora/otlp. The
// expected HotROD graph was worked out by hand from the file, span by span, and is written out
// literally: it is not produced by the code under test.
import { describe, expect, it } from "vitest";
import { corpusFiles, onlyTrace, tracesOf } from "../otlp/testing/read-corpus-traces";
import { buildSpanTree } from "../traces/build-span-tree";
import { extractTraceGraph } from "./extract-trace-graph";
import type { ServiceGraph } from "./graph-types";
import { emptyServiceGraph, mergeGraphs, subtractGraph } from "./merge-graph";
import { summarizeGraph } from "./summarize-graph";

const corpus = corpusFiles();

/** [kind, source, target, calls, errors] per edge, in id order. */
function edgeCounts(graph: ServiceGraph): [string, string, string, number, number][] {
  return Object.values(graph.edges).map((e) => [e.kind, e.source, e.target, e.callCount, e.errorCount]);
}

describe(`service graphs of the real traces in tests/fixtures/corpora/otlp`, () => {
  // HotROD dispatch (-W 1), 40 spans: frontend GET /dispatch → HTTP GET client → customer
  // GET /customer → a CLIENT span of the service HotROD calls "mysql" (db.system.name mysql,
  // db.operation.name SELECT); → gRPC client → driver FindNearest (SERVER, rpc attributes, no
  // route) → 14 CLIENT spans of the service "redis-manual" (db.system.name redis,
  // db.operation.name GET; FindDriverIDs once, GetDriver 13 times of which 3 failed and were
  // retried); → ten HTTP GET clients → route GET /route.
  it("HotROD dispatch, serial route calls (-W 1): the exact graph", () => {
    const graph = extractTraceGraph(buildSpanTree(onlyTrace("n_plus_one_full_serial", "fe65c5beefbe4e96119efbba3da07e99")));
    expect(summarizeGraph(graph).nodes.map(({ id, type, label, service }) => ({ id, type, label, service }))).toEqual([
      { id: "api_endpoint:GET /customer", type: "api_endpoint", label: "GET /customer", service: "customer" },
      { id: "api_endpoint:GET /dispatch", type: "api_endpoint", label: "GET /dispatch", service: "frontend" },
      { id: "api_endpoint:GET /route", type: "api_endpoint", label: "GET /route", service: "route" },
      { id: "database:mysql", type: "database", label: "mysql", service: "mysql" },
      { id: "database:redis", type: "database", label: "redis", service: "redis-manual" },
      { id: "service:customer", type: "service", label: "customer", service: "customer" },
      { id: "service:driver", type: "service", label: "driver", service: "driver" },
      { id: "service:frontend", type: "service", label: "frontend", service: "frontend" },
      { id: "service:mysql", type: "service", label: "mysql", service: "mysql" },
      { id: "service:redis-manual", type: "service", label: "redis-manual", service: "redis-manual" },
      { id: "service:route", type: "service", label: "route", service: "route" },
    ]);
    // Durations in µs: client spans for calls whose caller is a client span (312.324083 ms for
    // the customer call; the ten route clients sum to 558.890 ms), the callee's own span where
    // a server span parents another service's span directly (mysql 311.681328 ms; the 14
    // redis spans sum to 242.969 ms).
    expect(Object.values(graph.edges).map((e) => [e.kind, e.source, e.target, e.callCount, e.errorCount, e.durationSumUs])).toEqual([
      ["calls", "service:customer", "service:mysql", 1, 0, 311_681],
      ["calls", "service:driver", "service:redis-manual", 14, 3, 242_969],
      ["calls", "service:frontend", "api_endpoint:GET /customer", 1, 0, 312_324],
      ["calls", "service:frontend", "api_endpoint:GET /route", 10, 0, 558_890],
      ["calls", "service:frontend", "service:driver", 1, 0, 244_084],
      ["exposes", "service:customer", "api_endpoint:GET /customer", 1, 0, 311_873],
      ["exposes", "service:frontend", "api_endpoint:GET /dispatch", 1, 0, 1_116_967],
      ["exposes", "service:route", "api_endpoint:GET /route", 10, 0, 554_466],
      ["reads", "service:mysql", "database:mysql", 1, 0, 311_681],
      ["reads", "service:redis-manual", "database:redis", 14, 3, 242_969],
    ]);
    // The root span starts at 1787132458639880223 ns.
    expect(new Set(summarizeGraph(graph).edges.map((e) => e.last_seen_at))).toEqual(new Set(["2026-08-19T09:40:58.639Z"]));
  });

  it("HotROD dispatch, concurrent route calls (-W 3): the same edges with the same counts as the serial capture", () => {
    const serial = extractTraceGraph(buildSpanTree(onlyTrace("n_plus_one_full_serial", "fe65c5beefbe4e96119efbba3da07e99")));
    const concurrent = extractTraceGraph(buildSpanTree(onlyTrace("n_plus_one_full_concurrent", "1a4e4a7b270e9f2a0f716e3ee115218a")));
    expect(Object.keys(concurrent.nodes)).toEqual(Object.keys(serial.nodes));
    expect(edgeCounts(concurrent)).toEqual(edgeCounts(serial));
    // Only the timing differs: the concurrent capture's ten route calls took 499.452 ms in all.
    expect(concurrent.edges["calls:service:frontend→api_endpoint:GET /route"].durationSumUs).toBe(499_452);
  });

  it("HotROD trimmed to the route fan-out: eleven unanswered client spans call server.address", () => {
    const graph = extractTraceGraph(buildSpanTree(onlyTrace("n_plus_one_near_miss", "66371dd0eafc70e48e4234803fe94d41")));
    expect(edgeCounts(graph)).toEqual([
      ["calls", "service:frontend", "service:0.0.0.0", 11, 0],
      ["exposes", "service:frontend", "api_endpoint:GET /dispatch", 1, 0],
    ]);
  });

  it.each(corpus)("every trace of %s gives a consistent graph, whatever the arrival order", (file) => {
    const graphs: ServiceGraph[] = [];
    for (const spans of tracesOf(file).values()) {
      const graph = extractTraceGraph(buildSpanTree(spans));
      for (const span of spans) expect(graph.nodes[`service:${span.service}`]).toBeDefined();
      for (const edge of Object.values(graph.edges)) {
        expect(graph.nodes[edge.source]).toBeDefined();
        expect(graph.nodes[edge.target]).toBeDefined();
      }
      expect(JSON.stringify(extractTraceGraph(buildSpanTree([...spans].reverse())))).toBe(JSON.stringify(graph));
      graphs.push(graph);
    }
    const total = mergeGraphs(graphs);
    expect(graphs.reduce((left, graph) => subtractGraph(left, graph), total)).toEqual(emptyServiceGraph());
  });
});
