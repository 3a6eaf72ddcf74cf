import { DDSketch } from "@datadog/sketches-js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDuration,
  addDurations,
  deserializeDurationSketch,
  DURATION_SKETCH_RELATIVE_ACCURACY,
  durationQuantileMs,
  emptyDurationSketch,
  mergeDurationSketches,
  MIN_NONZERO_DURATION_MS,
  normalizeDurationMs,
  removeDuration,
  serializeDurationSketch,
  sketchDurations,
} from "./duration-sketch";
import { StatsDecodeError } from "./flow-stats-json";

// Durations as the pipeline sees them: zeros, sub-millisecond (down to below 1 ns), typical
// request latencies and the occasional very slow trace.
const durationMs = fc.oneof(
  fc.constant(0),
  fc.double({ min: 1e-9, max: 1, noNaN: true }),
  fc.double({ min: 1, max: 10_000, noNaN: true }),
  fc.double({ min: 10_000, max: 1e8, noNaN: true }),
);
const durations = fc.array(durationMs, { minLength: 1, maxLength: 200 });
const positiveDurations = fc.array(fc.double({ min: 1e-12, max: 1e8, noNaN: true }), { minLength: 1, maxLength: 100 });
const QUANTILES = [0, 0.25, 0.5, 0.9, 0.95, 0.99, 1];

/** The exact quantile under DDSketch's definition: the sorted value at floor(q * (n - 1)). */
function exactQuantileMs(values: readonly number[], quantile: number): number {
  const sorted = values.map(normalizeDurationMs).sort((a, b) => a - b);
  return sorted[Math.floor(quantile * (sorted.length - 1))];
}

function expectWithinRelativeAccuracy(actual: number, expected: number): void {
  if (expected === 0) {
    expect(actual).toBe(0);
    return;
  }
  // 1e-9 on top of the guarantee absorbs the last bits of log/pow at bucket boundaries.
  expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(DURATION_SKETCH_RELATIVE_ACCURACY + 1e-9);
}

function libraryDDSketch(values: readonly number[]): DDSketch {
  const sketch = new DDSketch({ relativeAccuracy: DURATION_SKETCH_RELATIVE_ACCURACY });
  for (const value of values) sketch.accept(normalizeDurationMs(value));
  return sketch;
}

describe("normalizeDurationMs", () => {
  it("keeps ordinary durations, counts negative ones as zero and raises sub-nanosecond ones to 1 ns", () => {
    expect(normalizeDurationMs(342.5)).toBe(342.5);
    expect(normalizeDurationMs(0)).toBe(0);
    expect(normalizeDurationMs(-0)).toBe(0);
    expect(normalizeDurationMs(-12)).toBe(0);
    expect(normalizeDurationMs(1e-6)).toBe(1e-6);
    expect(normalizeDurationMs(3e-10)).toBe(MIN_NONZERO_DURATION_MS);
  });

  it("rejects NaN and infinities", () => {
    expect(() => normalizeDurationMs(Number.NaN)).toThrow(RangeError);
    expect(() => normalizeDurationMs(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addDuration(emptyDurationSketch(), Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("durationQuantileMs", () => {
  it("is within 1% of the exact quantile for any set of durations", () => {
    fc.assert(
      fc.property(durations, (values) => {
        const sketch = sketchDurations(values);
        expect(sketch.count).toBe(values.length);
        for (const quantile of QUANTILES) {
          expectWithinRelativeAccuracy(durationQuantileMs(sketch, quantile), exactQuantileMs(values, quantile));
        }
      }),
    );
  });

  it("gives exactly what DDSketch itself gives for the same durations", () => {
    fc.assert(
      fc.property(durations, (values) => {
        const ours = sketchDurations(values);
        const theirs = libraryDDSketch(values);
        for (const quantile of QUANTILES) {
          expect(durationQuantileMs(ours, quantile)).toBe(theirs.getValueAtQuantile(quantile));
        }
      }),
    );
  });

  it("never reports a zero P50 or P95 when every duration is non-zero, however small", () => {
    fc.assert(
      fc.property(positiveDurations, (values) => {
        const sketch = sketchDurations(values);
        const stored = deserializeDurationSketch(serializeDurationSketch(sketch));
        for (const s of [sketch, stored]) {
          expect(durationQuantileMs(s, 0.5)).toBeGreaterThan(0);
          expect(durationQuantileMs(s, 0.95)).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("answers sub-millisecond durations at their own scale", () => {
    const oneNs = sketchDurations([1e-6, 1e-6, 1e-6]);
    expectWithinRelativeAccuracy(durationQuantileMs(oneNs, 0.95), 1e-6);
    const microseconds = sketchDurations([0.004, 0.005, 0.006, 0.007]);
    expectWithinRelativeAccuracy(durationQuantileMs(microseconds, 0.5), 0.005);
    expectWithinRelativeAccuracy(durationQuantileMs(microseconds, 1), 0.007);
  });

  it("answers 0 only where the rank falls on real zero durations", () => {
    const mostlyZero = sketchDurations([0, 0, 0, 0, 0, 0, 0, 0, 0, 120]);
    expect(durationQuantileMs(mostlyZero, 0.5)).toBe(0);
    expectWithinRelativeAccuracy(durationQuantileMs(mostlyZero, 1), 120);
    const mostlySlow = sketchDurations([0, 120, 130, 140]);
    expectWithinRelativeAccuracy(durationQuantileMs(mostlySlow, 0.95), 130);
  });

  it("answers 0 for an empty sketch and rejects quantiles outside 0..1", () => {
    expect(durationQuantileMs(emptyDurationSketch(), 0.95)).toBe(0);
    expect(() => durationQuantileMs(sketchDurations([5]), 1.5)).toThrow(RangeError);
    expect(() => durationQuantileMs(sketchDurations([5]), -0.1)).toThrow(RangeError);
    expect(() => durationQuantileMs(sketchDurations([5]), Number.NaN)).toThrow(RangeError);
  });
});

describe("add, remove and merge", () => {
  it("adding then removing a duration gives back the identical sketch", () => {
    fc.assert(
      fc.property(fc.array(durationMs, { maxLength: 50 }), durationMs, (values, extra) => {
        const before = sketchDurations(values);
        expect(removeDuration(addDuration(before, extra), extra)).toEqual(before);
      }),
    );
  });

  it("removing every added duration, in any order, gives back the empty sketch", () => {
    fc.assert(
      fc.property(
        durations.chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length }))),
        ([values, removalOrder]) => {
          let sketch = sketchDurations(values);
          for (const value of removalOrder) sketch = removeDuration(sketch, value);
          expect(sketch).toEqual(emptyDurationSketch());
        },
      ),
    );
  });

  it("refuses to remove a duration whose bucket is empty", () => {
    expect(() => removeDuration(emptyDurationSketch(), 0)).toThrow(RangeError);
    expect(() => removeDuration(emptyDurationSketch(), 12)).toThrow(RangeError);
    expect(() => removeDuration(sketchDurations([12]), 500)).toThrow(RangeError);
    // Same bucket (1% wide): indistinguishable, so this is allowed.
    expect(removeDuration(sketchDurations([100]), 100.1)).toEqual(emptyDurationSketch());
  });

  it("merging equals the sketch of the union, and is commutative and associative", () => {
    fc.assert(
      fc.property(
        fc.array(durationMs, { maxLength: 60 }),
        fc.array(durationMs, { maxLength: 60 }),
        fc.array(durationMs, { maxLength: 60 }),
        (a, b, c) => {
          const [sa, sb, sc] = [sketchDurations(a), sketchDurations(b), sketchDurations(c)];
          const union = sketchDurations([...a, ...b]);
          expect(mergeDurationSketches(sa, sb)).toEqual(union);
          expect(mergeDurationSketches(sb, sa)).toEqual(union);
          expect(mergeDurationSketches(mergeDurationSketches(sa, sb), sc)).toEqual(
            mergeDurationSketches(sa, mergeDurationSketches(sb, sc)),
          );
          for (const quantile of QUANTILES) {
            expect(durationQuantileMs(mergeDurationSketches(sa, sb), quantile)).toBe(durationQuantileMs(union, quantile));
          }
        },
      ),
    );
  });

  it("never changes its inputs", () => {
    const base = sketchDurations([1, 2, 3]);
    const snapshot = structuredClone(base);
    addDurations(base, [4, 5]);
    removeDuration(base, 2);
    mergeDurationSketches(base, sketchDurations([9]));
    expect(base).toEqual(snapshot);
  });
});

describe("serializeDurationSketch", () => {
  it("round-trips any sketch in every layout", () => {
    fc.assert(
      fc.property(fc.array(durationMs, { maxLength: 100 }), (values) => {
        const sketch = sketchDurations(values);
        for (const layout of ["auto", "sparse", "contiguous"] as const) {
          expect(deserializeDurationSketch(serializeDurationSketch(sketch, { layout }))).toEqual(sketch);
        }
      }),
    );
  });

  it("auto picks the shorter layout", () => {
    fc.assert(
      fc.property(fc.array(durationMs, { maxLength: 100 }), (values) => {
        const sketch = sketchDurations(values);
        const lengths = [
          serializeDurationSketch(sketch, { layout: "sparse" }).length,
          serializeDurationSketch(sketch, { layout: "contiguous" }).length,
        ];
        expect(serializeDurationSketch(sketch).length).toBe(Math.min(...lengths));
      }),
    );
  });

  it("is compact for few durations, even far apart", () => {
    expect(serializeDurationSketch(emptyDurationSketch()).length).toBeLessThanOrEqual(24);
    expect(serializeDurationSketch(sketchDurations([250])).length).toBeLessThanOrEqual(40);
    // DDSketch.toProto needs about 7 KB for these two.
    expect(serializeDurationSketch(sketchDurations([1e-6, 5])).length).toBeLessThanOrEqual(70);
  });

  it("writes the standard DDSketch protobuf: the library reads our contiguous layout", () => {
    fc.assert(
      fc.property(fc.array(durationMs, { maxLength: 100 }), (values) => {
        const ours = sketchDurations(values);
        const bytes = Buffer.from(serializeDurationSketch(ours, { layout: "contiguous" }), "base64");
        const theirs = DDSketch.fromProto(bytes);
        expect(theirs.count).toBe(ours.count);
        if (ours.count === 0) return;
        // fromProto rebuilds gamma through the relative accuracy, which moves the last bit.
        for (const quantile of QUANTILES) {
          const expected = durationQuantileMs(ours, quantile);
          expect(Math.abs(theirs.getValueAtQuantile(quantile) - expected)).toBeLessThanOrEqual(expected * 1e-12);
        }
      }),
    );
  });

  it("reads what DDSketch.toProto writes", () => {
    fc.assert(
      fc.property(durations, (values) => {
        const text = Buffer.from(libraryDDSketch(values).toProto()).toString("base64");
        expect(deserializeDurationSketch(text)).toEqual(sketchDurations(values));
      }),
    );
  });

  it("rejects text that is not a sketch of ours", () => {
    const reject = (text: string) => expect(() => deserializeDurationSketch(text)).toThrow(StatsDecodeError);
    reject("not base64!");
    reject("QUJD"); // "ABC": not a protobuf message
    reject(""); // no mapping
    const coarser = new DDSketch({ relativeAccuracy: 0.02 });
    coarser.accept(10);
    reject(Buffer.from(coarser.toProto()).toString("base64"));
    const negative = new DDSketch({ relativeAccuracy: DURATION_SKETCH_RELATIVE_ACCURACY });
    negative.accept(-10);
    reject(Buffer.from(negative.toProto()).toString("base64"));
    const fractional = new DDSketch({ relativeAccuracy: DURATION_SKETCH_RELATIVE_ACCURACY });
    fractional.accept(10, 0.5);
    reject(Buffer.from(fractional.toProto()).toString("base64"));
  });
});
