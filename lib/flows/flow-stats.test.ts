import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { durationQuantileMs, normalizeDurationMs } from "./duration-sketch";
import { StatsDecodeError } from "./flow-stats-json";
import {
  addTracesToFlowStats,
  addTraceToFlowStats,
  deserializeFlowStats,
  emptyFlowStats,
  flowAvgDurationMs,
  flowErrorRate,
  flowMedianDurationMs,
  flowP95DurationMs,
  mergeFlowStats,
  removeTraceFromFlowStats,
  serializeFlowStats,
  summarizeFlowStats,
  type FlowStats,
  type TraceObservation,
} from "./flow-stats";

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

const traceObservation: fc.Arbitrary<TraceObservation> = fc.record({
  durationMs: fc.oneof(
    fc.constant(0),
    fc.double({ min: 1e-9, max: 1, noNaN: true }),
    fc.double({ min: 1, max: 60_000, noNaN: true }),
    fc.integer({ min: 1, max: 5_000 }),
  ),
  hasError: fc.boolean(),
  atMs: fc.integer({ min: T0, max: T0 + 30 * 24 * 3_600_000 }),
});
const traces = fc.array(traceObservation, { maxLength: 60 });
const nonEmptyTraces = fc.array(traceObservation, { minLength: 1, maxLength: 60 });

function statsOf(list: readonly TraceObservation[]): FlowStats {
  return addTracesToFlowStats(emptyFlowStats(), list);
}

function withoutBounds(stats: FlowStats) {
  const { firstSeenAtMs, lastSeenAtMs, ...rest } = stats;
  void firstSeenAtMs;
  void lastSeenAtMs;
  return rest;
}

describe("add and remove", () => {
  it("adds one trace at a time the same as a batch", () => {
    fc.assert(
      fc.property(traces, (list) => {
        expect(list.reduce(addTraceToFlowStats, emptyFlowStats())).toEqual(statsOf(list));
      }),
    );
  });

  it("adding then removing a trace inside the seen bounds restores the exact aggregate", () => {
    fc.assert(
      fc.property(
        nonEmptyTraces.chain((list) =>
          fc.tuple(
            fc.constant(list),
            traceObservation,
            fc.integer({ min: Math.min(...list.map((t) => t.atMs)), max: Math.max(...list.map((t) => t.atMs)) }),
          ),
        ),
        ([list, extra, atMs]) => {
          const before = statsOf(list);
          const trace = { ...extra, atMs };
          expect(removeTraceFromFlowStats(addTraceToFlowStats(before, trace), trace)).toEqual(before);
        },
      ),
    );
  });

  it("adding then removing the only trace gives back the empty aggregate", () => {
    fc.assert(
      fc.property(traceObservation, (trace) => {
        expect(removeTraceFromFlowStats(addTraceToFlowStats(emptyFlowStats(), trace), trace)).toEqual(emptyFlowStats());
      }),
    );
  });

  it("outside the bounds, everything but the seen bounds is restored and the bounds still cover every trace", () => {
    fc.assert(
      fc.property(nonEmptyTraces, traceObservation, (list, trace) => {
        const before = statsOf(list);
        const after = removeTraceFromFlowStats(addTraceToFlowStats(before, trace), trace);
        expect(withoutBounds(after)).toEqual(withoutBounds(before));
        expect(after.firstSeenAtMs).toBe(Math.min(before.firstSeenAtMs ?? Infinity, trace.atMs));
        expect(after.lastSeenAtMs).toBe(Math.max(before.lastSeenAtMs ?? -Infinity, trace.atMs));
      }),
    );
  });

  it("removing some of the traces, in any order, leaves the aggregate of the rest (bounds aside)", () => {
    fc.assert(
      fc.property(
        nonEmptyTraces.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list.map((_, i) => i)))),
        ([list, removedIndexes]) => {
          let stats = statsOf(list);
          for (const index of removedIndexes) stats = removeTraceFromFlowStats(stats, list[index]);
          const kept = list.filter((_, index) => !removedIndexes.includes(index));
          if (kept.length === 0) {
            expect(stats).toEqual(emptyFlowStats());
          } else {
            expect(withoutBounds(stats)).toEqual(withoutBounds(statsOf(kept)));
          }
        },
      ),
    );
  });

  it("refuses removals that contradict the aggregate", () => {
    const trace = { durationMs: 120, hasError: false, atMs: T0 };
    expect(() => removeTraceFromFlowStats(emptyFlowStats(), trace)).toThrow(RangeError);
    const stats = statsOf([trace]);
    expect(() => removeTraceFromFlowStats(stats, { ...trace, hasError: true })).toThrow(RangeError);
    expect(() => removeTraceFromFlowStats(stats, { ...trace, atMs: T0 + 1 })).toThrow(RangeError);
    expect(() => removeTraceFromFlowStats(stats, { ...trace, durationMs: 4_000 })).toThrow(RangeError);
    // Same sketch bucket but a different duration: caught when the flow empties with a sum left.
    expect(() => removeTraceFromFlowStats(stats, { ...trace, durationMs: 120.5 })).toThrow(RangeError);
  });

  it("rejects a time that is not a finite number", () => {
    expect(() => addTraceToFlowStats(emptyFlowStats(), { durationMs: 1, hasError: false, atMs: Number.NaN })).toThrow(
      RangeError,
    );
  });
});

describe("mergeFlowStats", () => {
  it("equals the aggregate of all traces, and is commutative and associative", () => {
    fc.assert(
      fc.property(traces, traces, traces, (a, b, c) => {
        const [sa, sb, sc] = [statsOf(a), statsOf(b), statsOf(c)];
        expect(mergeFlowStats(sa, sb)).toEqual(statsOf([...a, ...b]));
        expect(mergeFlowStats(sa, sb)).toEqual(mergeFlowStats(sb, sa));
        expect(mergeFlowStats(mergeFlowStats(sa, sb), sc)).toEqual(mergeFlowStats(sa, mergeFlowStats(sb, sc)));
      }),
    );
  });

  it("has the empty aggregate as identity", () => {
    fc.assert(
      fc.property(traces, (list) => {
        expect(mergeFlowStats(statsOf(list), emptyFlowStats())).toEqual(statsOf(list));
        expect(mergeFlowStats(emptyFlowStats(), statsOf(list))).toEqual(statsOf(list));
      }),
    );
  });
});

describe("derived values", () => {
  it("match the traces: exact counts, rate and mean, P50/P95 within 1%", () => {
    fc.assert(
      fc.property(nonEmptyTraces, (list) => {
        const stats = statsOf(list);
        const errors = list.filter((t) => t.hasError).length;
        expect(stats.occurrenceCount).toBe(list.length);
        expect(stats.errorCount).toBe(errors);
        expect(flowErrorRate(stats)).toBe(errors / list.length);
        const meanMs = list.reduce((sum, t) => sum + normalizeDurationMs(t.durationMs), 0) / list.length;
        // The sum is kept at microsecond resolution: each trace rounds by at most 0.5 µs.
        expect(Math.abs(flowAvgDurationMs(stats) - meanMs)).toBeLessThanOrEqual(0.0005 + 1e-9 * meanMs);
        const sorted = list.map((t) => normalizeDurationMs(t.durationMs)).sort((x, y) => x - y);
        for (const [quantile, value] of [
          [0.5, flowMedianDurationMs(stats)],
          [0.95, flowP95DurationMs(stats)],
        ]) {
          const exact = sorted[Math.floor(quantile * (sorted.length - 1))];
          if (exact === 0) expect(value).toBe(0);
          else expect(Math.abs(value - exact) / exact).toBeLessThanOrEqual(0.01 + 1e-9);
        }
        expect(stats.firstSeenAtMs).toBe(Math.min(...list.map((t) => t.atMs)));
        expect(stats.lastSeenAtMs).toBe(Math.max(...list.map((t) => t.atMs)));
      }),
    );
  });

  it("summarizes a small flow", () => {
    const stats = statsOf([
      { durationMs: 100, hasError: false, atMs: T0 + 2_000 },
      { durationMs: 300, hasError: true, atMs: T0 },
      { durationMs: 200, hasError: false, atMs: T0 + 1_000 },
      { durationMs: 0.25, hasError: false, atMs: T0 + 3_000 },
    ]);
    const summary = summarizeFlowStats(stats);
    expect(summary).toMatchObject({
      occurrenceCount: 4,
      errorCount: 1,
      errorRate: 0.25,
      avgDurationMs: 150.0625,
      durationSumMs: 600.25,
      firstSeenAtMs: T0,
      lastSeenAtMs: T0 + 3_000,
    });
    // DDSketch rule: the sorted value at floor(q * (n - 1)), within 1%.
    expect(Math.abs(summary.p50DurationMs - 100)).toBeLessThanOrEqual(1);
    expect(Math.abs(summary.p95DurationMs - 200)).toBeLessThanOrEqual(2);
    expect(summary.p95DurationMs).toBe(durationQuantileMs(stats.durationSketch, 0.95));
  });

  it("reports zeros, not NaN, for an empty flow", () => {
    expect(summarizeFlowStats(emptyFlowStats())).toEqual({
      occurrenceCount: 0,
      errorCount: 0,
      errorRate: 0,
      avgDurationMs: 0,
      p50DurationMs: 0,
      p95DurationMs: 0,
      durationSumMs: 0,
      firstSeenAtMs: null,
      lastSeenAtMs: null,
    });
  });

  it("keeps a non-zero P95 for a flow of sub-millisecond traces", () => {
    const stats = statsOf([0.0004, 0.0007, 0.0002].map((durationMs, i) => ({ durationMs, hasError: false, atMs: T0 + i })));
    expect(flowP95DurationMs(stats)).toBeGreaterThan(0);
    expect(Math.abs(flowP95DurationMs(stats) - 0.0004)).toBeLessThanOrEqual(0.000004);
  });
});

describe("serialization", () => {
  it("round-trips through JSON text", () => {
    fc.assert(
      fc.property(traces, (list) => {
        const stats = statsOf(list);
        const stored = JSON.parse(JSON.stringify(serializeFlowStats(stats)));
        expect(deserializeFlowStats(stored)).toEqual(stats);
      }),
    );
  });

  it("rejects malformed or inconsistent stored values", () => {
    const good = serializeFlowStats(statsOf([{ durationMs: 10, hasError: true, atMs: T0 }]));
    const reject = (value: unknown) => expect(() => deserializeFlowStats(value)).toThrow(StatsDecodeError);
    reject(null);
    reject([]);
    reject({ ...good, version: 2 });
    reject({ ...good, occurrenceCount: 2 }); // sketch holds one duration
    reject({ ...good, occurrenceCount: 1.5 });
    reject({ ...good, errorCount: -1 });
    reject({ ...good, durationSumUs: "10000" });
    reject({ ...good, firstSeenAtMs: null });
    reject({ ...good, lastSeenAtMs: T0 - 1 });
    reject({ ...good, durationSketch: "%%%" });
    reject({ ...serializeFlowStats(emptyFlowStats()), durationSumUs: 5 });
  });
});
