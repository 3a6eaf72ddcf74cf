import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyDurationSketch, normalizeDurationMs, serializeDurationSketch } from "./duration-sketch";
import { StatsDecodeError } from "./flow-stats-json";
import {
  addTraceToNodeStats,
  deserializeNodeStats,
  emptyNodeStats,
  mergeNodeStats,
  removeTraceFromNodeStats,
  serializeNodeStats,
  summarizeNodeStats,
  type NodeObservation,
  type NodeStats,
} from "./node-stats";

const NODE_KEYS = [
  "service:api-gateway",
  "api_endpoint:POST /api/v1/orders",
  "api_endpoint:GET /api/v1/users/:id",
  "database:orders",
  "topic:order.created",
  "__proto__",
];

const nodeObservation: fc.Arbitrary<NodeObservation> = fc.record({
  nodeKey: fc.constantFrom(...NODE_KEYS),
  durationMs: fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1, noNaN: true }), fc.double({ min: 1, max: 30_000, noNaN: true })),
  hasError: fc.boolean(),
});

/** One trace's path: each node at most once, like extracted paths. */
const traceNodes = fc.uniqueArray(nodeObservation, { selector: (o) => o.nodeKey, maxLength: NODE_KEYS.length });
const traceList = fc.array(traceNodes, { maxLength: 30 });

function statsOf(list: readonly (readonly NodeObservation[])[]): NodeStats {
  return list.reduce(addTraceToNodeStats, emptyNodeStats());
}

describe("node statistics", () => {
  it("counts occurrences, errors and span durations per node", () => {
    const stats = statsOf([
      [
        { nodeKey: "service:frontend", durationMs: 120, hasError: false },
        { nodeKey: "database:orders", durationMs: 8, hasError: false },
      ],
      [
        { nodeKey: "service:frontend", durationMs: 140, hasError: true },
        { nodeKey: "database:orders", durationMs: 10, hasError: true },
      ],
      [{ nodeKey: "service:frontend", durationMs: 0.2, hasError: false }],
    ]);
    const [database, frontend] = summarizeNodeStats(stats);
    expect(database).toMatchObject({ nodeKey: "database:orders", count: 2, errorCount: 1, errorRate: 0.5 });
    expect(frontend).toMatchObject({ nodeKey: "service:frontend", count: 3, errorCount: 1, errorRate: 1 / 3 });
    expect(Math.abs(frontend.p50DurationMs - 120) / 120).toBeLessThanOrEqual(0.01);
    expect(Math.abs(frontend.p95DurationMs - 120) / 120).toBeLessThanOrEqual(0.01);
    expect(Math.abs(database.p95DurationMs - 8) / 8).toBeLessThanOrEqual(0.01);
  });

  it("keeps each node's P50/P95 within 1% of its exact quantiles", () => {
    fc.assert(
      fc.property(traceList, (list) => {
        const summaries = summarizeNodeStats(statsOf(list));
        for (const summary of summaries) {
          const spans = list.flat().filter((o) => o.nodeKey === summary.nodeKey);
          expect(summary.count).toBe(spans.length);
          expect(summary.errorCount).toBe(spans.filter((o) => o.hasError).length);
          const sorted = spans.map((o) => normalizeDurationMs(o.durationMs)).sort((x, y) => x - y);
          for (const [quantile, value] of [
            [0.5, summary.p50DurationMs],
            [0.95, summary.p95DurationMs],
          ]) {
            const exact = sorted[Math.floor(quantile * (sorted.length - 1))];
            if (exact === 0) expect(value).toBe(0);
            else expect(Math.abs(value - exact) / exact).toBeLessThanOrEqual(0.01 + 1e-9);
          }
        }
        expect(summaries.map((s) => s.nodeKey)).toEqual([...new Set(list.flat().map((o) => o.nodeKey))].sort());
      }),
    );
  });

  it("adding then removing a trace restores the exact statistics", () => {
    fc.assert(
      fc.property(traceList, traceNodes, (list, extra) => {
        const before = statsOf(list);
        expect(removeTraceFromNodeStats(addTraceToNodeStats(before, extra), extra)).toEqual(before);
      }),
    );
  });

  it("removing every trace, in any order, leaves no nodes", () => {
    fc.assert(
      fc.property(
        traceList.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, order]) => {
          const stats = order.reduce(removeTraceFromNodeStats, statsOf(list));
          expect(stats.size).toBe(0);
        },
      ),
    );
  });

  it("refuses to remove occurrences that were never added", () => {
    const stats = statsOf([[{ nodeKey: "database:orders", durationMs: 5, hasError: false }]]);
    expect(() => removeTraceFromNodeStats(stats, [{ nodeKey: "database:users", durationMs: 5, hasError: false }])).toThrow(
      RangeError,
    );
    expect(() => removeTraceFromNodeStats(stats, [{ nodeKey: "database:orders", durationMs: 5, hasError: true }])).toThrow(
      RangeError,
    );
    expect(() => removeTraceFromNodeStats(stats, [{ nodeKey: "database:orders", durationMs: 900, hasError: false }])).toThrow(
      RangeError,
    );
    expect(() => addTraceToNodeStats(stats, [{ nodeKey: "", durationMs: 1, hasError: false }])).toThrow(RangeError);
  });

  it("merging equals the statistics of all traces, and is commutative and associative", () => {
    fc.assert(
      fc.property(traceList, traceList, traceList, (a, b, c) => {
        const [sa, sb, sc] = [statsOf(a), statsOf(b), statsOf(c)];
        expect(mergeNodeStats(sa, sb)).toEqual(statsOf([...a, ...b]));
        expect(mergeNodeStats(sa, sb)).toEqual(mergeNodeStats(sb, sa));
        expect(mergeNodeStats(mergeNodeStats(sa, sb), sc)).toEqual(mergeNodeStats(sa, mergeNodeStats(sb, sc)));
      }),
    );
  });

  it("round-trips through JSON text, including a node named __proto__", () => {
    fc.assert(
      fc.property(traceList, (list) => {
        const stats = statsOf(list);
        const stored = JSON.parse(JSON.stringify(serializeNodeStats(stats)));
        expect(deserializeNodeStats(stored)).toEqual(stats);
      }),
    );
  });

  it("rejects malformed stored values", () => {
    const good = serializeNodeStats(statsOf([[{ nodeKey: "database:orders", durationMs: 5, hasError: true }]]));
    const node = good.nodes[0];
    const reject = (value: unknown) => expect(() => deserializeNodeStats(value)).toThrow(StatsDecodeError);
    reject({ version: 1 });
    reject({ version: 1, nodes: [node, node] });
    reject({ version: 1, nodes: [{ ...node, count: 2 }] });
    reject({ version: 1, nodes: [{ ...node, errorCount: 2 }] });
    reject({ version: 1, nodes: [{ ...node, nodeKey: 7 }] });
    const emptySketch = serializeDurationSketch(emptyDurationSketch());
    reject({ version: 1, nodes: [{ nodeKey: "x:y", count: 0, errorCount: 0, durationSketch: emptySketch }] });
  });
});
