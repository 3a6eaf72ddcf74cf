import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import type { TraceSpan } from "../traces/trace-span";
import { extractTraceGraph } from "./extract-trace-graph";
import { emptyServiceGraph, mergeGraphs } from "./merge-graph";
import { summarizeGraph } from "./summarize-graph";

const BASE_NS = 1_760_000_000_000n * 1_000_000n; // 2025-10-09T08:53:20Z

function call(atMs: number, durationMs: number, status: TraceSpan["status"] = "unset"): TraceSpan[] {
  const shift = (s: TraceSpan): TraceSpan => ({ ...s, startNs: s.startNs + BASE_NS + BigInt(atMs) * 1_000_000n, endNs: s.endNs + BASE_NS + BigInt(atMs) * 1_000_000n });
  return [
    makeTraceSpan({ spanId: "c", service: "web", kind: SpanKind.CLIENT, status, startMs: 0, endMs: durationMs }),
    makeTraceSpan({ spanId: "s", parentSpanId: "c", service: "api", kind: SpanKind.SERVER, status, startMs: 0.25, endMs: durationMs - 0.25, attributes: { "http.route": "/x", "http.request.method": "GET" } }),
    makeTraceSpan({ spanId: "d", parentSpanId: "s", service: "api", kind: SpanKind.CLIENT, startMs: 1, endMs: 1.5, attributes: { "db.system.name": "postgresql", "db.namespace": "shop", "db.operation.name": "SELECT" } }),
  ].map(shift);
}

describe("summarizeGraph", () => {
  it("gives the API shape: snake_case, averages in ms, ISO times, sorted", () => {
    const graph = mergeGraphs([extractTraceGraph(buildSpanTree(call(0, 10))), extractTraceGraph(buildSpanTree(call(1_500, 2.5, "error")))]);
    // P95s are DDSketch bucket values, within 1% of the recorded duration.
    const about = (ms: number) => expect.closeTo(ms, 1);
    expect(summarizeGraph(graph)).toEqual({
      view: "endpoint",
      nodes: [
        // Requests count where they are served: the exposes edge, for the endpoint and its service.
        { id: "api_endpoint:GET /x", type: "api_endpoint", label: "GET /x", service: "api", calls_in: 2, errors_in: 1, avg_in_ms: 5.75, p95_in_ms: about(2), calls_out: 0, errors_out: 0 },
        { id: "database:shop", type: "database", label: "shop", service: "api", calls_in: 2, errors_in: 0, avg_in_ms: 0.5, p95_in_ms: about(0.5), calls_out: 0, errors_out: 0 },
        { id: "service:api", type: "service", label: "api", service: "api", calls_in: 2, errors_in: 1, avg_in_ms: 5.75, p95_in_ms: about(2), calls_out: 2, errors_out: 0 },
        { id: "service:web", type: "service", label: "web", service: "web", calls_in: 0, errors_in: 0, avg_in_ms: null, p95_in_ms: null, calls_out: 2, errors_out: 1 },
      ],
      edges: [
        {
          id: "exposes:service:api→api_endpoint:GET /x",
          source: "service:api",
          target: "api_endpoint:GET /x",
          kind: "exposes",
          call_count: 2,
          avg_duration_ms: 5.75,
          p95_duration_ms: about(2),
          error_count: 1,
          last_seen_at: "2025-10-09T08:53:21.500Z",
        },
        {
          id: "reads:service:api→database:shop",
          source: "service:api",
          target: "database:shop",
          kind: "reads",
          call_count: 2,
          avg_duration_ms: 0.5,
          p95_duration_ms: about(0.5),
          error_count: 0,
          last_seen_at: "2025-10-09T08:53:21.500Z",
        },
        {
          id: "calls:service:web→api_endpoint:GET /x",
          source: "service:web",
          target: "api_endpoint:GET /x",
          kind: "calls",
          call_count: 2,
          avg_duration_ms: 6.25,
          p95_duration_ms: about(2.5),
          error_count: 1,
          last_seen_at: "2025-10-09T08:53:21.500Z",
        },
      ],
    });
  });

  it("orders edges between the same nodes by kind", () => {
    const spans = [
      makeTraceSpan({ spanId: "r", service: "api", kind: SpanKind.SERVER, startMs: 0, endMs: 10 }),
      makeTraceSpan({ spanId: "w", parentSpanId: "r", service: "api", kind: SpanKind.CLIENT, startMs: 1, endMs: 2, attributes: { "db.system": "redis", "db.statement": "SET k ?" } }),
      makeTraceSpan({ spanId: "g", parentSpanId: "r", service: "api", kind: SpanKind.CLIENT, startMs: 3, endMs: 4, attributes: { "db.system": "redis", "db.statement": "GET k" } }),
      makeTraceSpan({ spanId: "e", parentSpanId: "r", service: "api", kind: SpanKind.CLIENT, startMs: 5, endMs: 6, attributes: { "db.system": "redis", "db.statement": "EVAL script" } }),
    ];
    expect(summarizeGraph(extractTraceGraph(buildSpanTree(spans))).edges.map((e) => e.kind)).toEqual(["calls", "reads", "writes"]);
  });

  it("is empty for an empty graph", () => {
    expect(summarizeGraph(emptyServiceGraph())).toEqual({ view: "endpoint", nodes: [], edges: [] });
  });
});
