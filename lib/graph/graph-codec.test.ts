import { describe, expect, it } from "vitest";
import { corpusFiles, tracesOf } from "../otlp/testing/read-corpus-traces";
import { buildSpanTree } from "../traces/build-span-tree";
import { extractTraceGraph } from "./extract-trace-graph";
import { decodeGraph, encodeGraph } from "./graph-codec";
import type { ServiceGraph } from "./graph-types";
import { mergeGraphs } from "./merge-graph";

const roundTrip = (graph: ServiceGraph) => decodeGraph(JSON.parse(JSON.stringify(encodeGraph(graph))));

describe("graph codec", () => {
  const graphs = corpusFiles().flatMap((file) => [...tracesOf(file).values()].map((spans) => extractTraceGraph(buildSpanTree(spans))));

  it("gives back every real trace's graph exactly, as JSON text too, in well under half the bytes", () => {
    expect(graphs.length).toBeGreaterThan(10);
    let plain = 0;
    let compact = 0;
    for (const graph of graphs) {
      expect(JSON.stringify(roundTrip(graph))).toBe(JSON.stringify(graph));
      expect(roundTrip(graph)).toEqual(graph);
      plain += JSON.stringify(graph).length;
      compact += JSON.stringify(encodeGraph(graph)).length;
    }
    expect(compact / plain).toBeLessThan(0.4);
  });

  it("keeps the counts of a graph of many traces, and the sketch fields when only one is present", () => {
    const total = mergeGraphs(graphs.slice(0, 10));
    expect(roundTrip(total)).toEqual(total);
    const [id, edge] = Object.entries(total.edges)[0]!;
    const zeroOnly: ServiceGraph = { nodes: total.nodes, edges: { ...total.edges, [id]: { ...edge, durationBuckets: undefined, zeroDurationCount: 2 } } };
    const decoded = roundTrip(zeroOnly);
    expect(decoded.edges[id]).toEqual({ ...edge, durationBuckets: undefined, zeroDurationCount: 2 });
    expect("durationBuckets" in decoded.edges[id]!).toBe(false);
  });

  it("reads the plain form rows were written in before, and keeps a graph with ids it cannot rebuild as it is", () => {
    expect(decodeGraph(graphs[0]!)).toBe(graphs[0]);
    const [nodeId, node] = Object.entries(graphs[0]!.nodes)[0]!;
    const odd: ServiceGraph = { nodes: { ...graphs[0]!.nodes, [nodeId]: { ...node, label: "renamed" } }, edges: graphs[0]!.edges };
    expect(encodeGraph(odd)).toBe(odd);
  });
});
