import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyDurationSketch, normalizeDurationMs, serializeDurationSketch } from "./duration-sketch";
import { StatsDecodeError } from "./flow-stats-json";
import type { TraceObservation } from "./flow-stats";
import {
  addTracesToHourlyBuckets,
  addTraceToHourlyBuckets,
  DEFAULT_MAX_HOURLY_BUCKETS,
  deserializeHourlyBuckets,
  emptyHourlyBuckets,
  HOUR_MS,
  hourBucketStartMs,
  listHourlyBuckets,
  mergeHourlyBuckets,
  removeTraceFromHourlyBuckets,
  serializeHourlyBuckets,
  type HourlyBuckets,
} from "./hourly-buckets";

const T0 = Date.UTC(2026, 0, 15, 0, 0, 0);

// A dozen hours, so small retentions are exercised and hours collide often.
const traceObservation: fc.Arbitrary<TraceObservation> = fc.record({
  durationMs: fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1, noNaN: true }), fc.double({ min: 1, max: 60_000, noNaN: true })),
  hasError: fc.boolean(),
  atMs: fc.integer({ min: T0, max: T0 + 12 * HOUR_MS - 1 }),
});
const traces = fc.array(traceObservation, { maxLength: 60 });
const maxBuckets = fc.integer({ min: 1, max: 14 });

function hourlyOf(list: readonly TraceObservation[], max = DEFAULT_MAX_HOURLY_BUCKETS): HourlyBuckets {
  return list.reduce(addTraceToHourlyBuckets, emptyHourlyBuckets(max));
}

describe("hourBucketStartMs", () => {
  it("floors to the hour", () => {
    expect(hourBucketStartMs(T0)).toBe(T0);
    expect(hourBucketStartMs(T0 + HOUR_MS - 1)).toBe(T0);
    expect(hourBucketStartMs(T0 + HOUR_MS)).toBe(T0 + HOUR_MS);
    expect(hourBucketStartMs(T0 + 5 * HOUR_MS + 1234.5)).toBe(T0 + 5 * HOUR_MS);
    expect(hourBucketStartMs(-1)).toBe(-HOUR_MS);
    expect(Object.is(hourBucketStartMs(0.5), 0)).toBe(true);
    expect(() => hourBucketStartMs(Number.NaN)).toThrow(RangeError);
  });
});

describe("hourly buckets", () => {
  it("count traces, errors and P95 per hour", () => {
    fc.assert(
      fc.property(traces, (list) => {
        const summaries = listHourlyBuckets(hourlyOf(list));
        const hours = [...new Set(list.map((t) => hourBucketStartMs(t.atMs)))].sort((a, b) => a - b);
        expect(summaries.map((s) => s.startMs)).toEqual(hours);
        for (const summary of summaries) {
          const inHour = list.filter((t) => hourBucketStartMs(t.atMs) === summary.startMs);
          expect(summary.count).toBe(inHour.length);
          expect(summary.errorCount).toBe(inHour.filter((t) => t.hasError).length);
          expect(summary.errorRate).toBe(summary.errorCount / summary.count);
          const sorted = inHour.map((t) => normalizeDurationMs(t.durationMs)).sort((a, b) => a - b);
          const exact = sorted[Math.floor(0.95 * (sorted.length - 1))];
          if (exact === 0) expect(summary.p95DurationMs).toBe(0);
          else expect(Math.abs(summary.p95DurationMs - exact) / exact).toBeLessThanOrEqual(0.01 + 1e-9);
        }
      }),
    );
  });

  it("keep only the maxBuckets most recent hours, whatever the order traces arrive in", () => {
    fc.assert(
      fc.property(traces, maxBuckets, (list, max) => {
        const hourly = hourlyOf(list, max);
        const kept = listHourlyBuckets(hourly);
        expect(kept.length).toBeLessThanOrEqual(max);
        const reference = listHourlyBuckets(hourlyOf(list));
        // Once an hour is older than `max` hours with traffic it is never kept again, so the
        // survivors are the newest hours of all and their counts are complete.
        expect(kept).toEqual(reference.slice(Math.max(0, reference.length - max)));
      }),
    );
  });

  it("add a batch the same as one trace at a time", () => {
    fc.assert(
      fc.property(traces, traces, maxBuckets, (first, second, max) => {
        const oneByOne = hourlyOf([...first, ...second], max);
        expect(addTracesToHourlyBuckets(hourlyOf(first, max), second)).toEqual(oneByOne);
      }),
    );
  });

  it("adding then removing a trace restores the exact buckets unless the add aged an hour out", () => {
    fc.assert(
      fc.property(traces, traceObservation, maxBuckets, (list, trace, max) => {
        const before = hourlyOf(list, max);
        const after = removeTraceFromHourlyBuckets(addTraceToHourlyBuckets(before, trace), trace);
        const hourKept = before.buckets.has(hourBucketStartMs(trace.atMs));
        if (before.buckets.size < max || hourKept) expect(after).toEqual(before);
      }),
    );
  });

  it("ignore removing a trace whose hour has aged out", () => {
    const old = { durationMs: 10, hasError: true, atMs: T0 };
    const hourly = hourlyOf([old, { durationMs: 20, hasError: false, atMs: T0 + HOUR_MS }], 1);
    expect(listHourlyBuckets(hourly).map((s) => s.startMs)).toEqual([T0 + HOUR_MS]);
    expect(removeTraceFromHourlyBuckets(hourly, old)).toBe(hourly);
  });

  it("refuse to remove from a kept hour what was never added there", () => {
    const hourly = hourlyOf([{ durationMs: 10, hasError: false, atMs: T0 }]);
    expect(() => removeTraceFromHourlyBuckets(hourly, { durationMs: 10, hasError: true, atMs: T0 })).toThrow(RangeError);
    expect(() => removeTraceFromHourlyBuckets(hourly, { durationMs: 900, hasError: false, atMs: T0 })).toThrow(RangeError);
  });

  it("merge like adding all traces, commutatively and associatively, keeping the smaller retention", () => {
    fc.assert(
      fc.property(traces, traces, traces, maxBuckets, maxBuckets, maxBuckets, (a, b, c, ma, mb, mc) => {
        expect(mergeHourlyBuckets(hourlyOf(a), hourlyOf(b))).toEqual(hourlyOf([...a, ...b]));
        const [ha, hb, hc] = [hourlyOf(a, ma), hourlyOf(b, mb), hourlyOf(c, mc)];
        expect(mergeHourlyBuckets(ha, hb)).toEqual(mergeHourlyBuckets(hb, ha));
        expect(mergeHourlyBuckets(mergeHourlyBuckets(ha, hb), hc)).toEqual(mergeHourlyBuckets(ha, mergeHourlyBuckets(hb, hc)));
        expect(mergeHourlyBuckets(ha, hb).maxBuckets).toBe(Math.min(ma, mb));
      }),
    );
  });

  it("reject a retention that is not a positive integer", () => {
    expect(() => emptyHourlyBuckets(0)).toThrow(RangeError);
    expect(() => emptyHourlyBuckets(2.5)).toThrow(RangeError);
    expect(emptyHourlyBuckets().maxBuckets).toBe(720);
  });
});

describe("serialization", () => {
  it("round-trips through JSON text", () => {
    fc.assert(
      fc.property(traces, maxBuckets, (list, max) => {
        const hourly = hourlyOf(list, max);
        const stored = JSON.parse(JSON.stringify(serializeHourlyBuckets(hourly)));
        expect(deserializeHourlyBuckets(stored)).toEqual(hourly);
        expect(stored.buckets.map((b: { startMs: number }) => b.startMs)).toEqual(listHourlyBuckets(hourly).map((s) => s.startMs));
      }),
    );
  });

  it("rejects malformed stored values", () => {
    const good = serializeHourlyBuckets(hourlyOf([{ durationMs: 5, hasError: false, atMs: T0 }], 2));
    const bucket = good.buckets[0];
    const reject = (value: unknown) => expect(() => deserializeHourlyBuckets(value)).toThrow(StatsDecodeError);
    reject({ ...good, version: 0 });
    reject({ ...good, maxBuckets: 0 });
    reject({ ...good, buckets: [bucket, bucket] });
    reject({ ...good, buckets: [bucket, { ...bucket, startMs: T0 + HOUR_MS }, { ...bucket, startMs: T0 + 2 * HOUR_MS }] });
    reject({ ...good, buckets: [{ ...bucket, startMs: T0 + 1 }] });
    reject({ ...good, buckets: [{ ...bucket, count: 2 }] });
    reject({ ...good, buckets: [{ ...bucket, errorCount: 3 }] });
    reject({ ...good, buckets: [{ ...bucket, count: 0, durationSketch: serializeDurationSketch(emptyDurationSketch()) }] });
  });
});
