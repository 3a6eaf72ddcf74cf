import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StatsDecodeError } from "./flow-stats-json";
import {
  addSampleTrace,
  compareRepresentativeCandidates,
  considerRepresentative,
  deserializeRepresentative,
  deserializeSampleTraces,
  MAX_SAMPLE_TRACES,
  medianDurationMs,
  mergeSampleTraces,
  pickRepresentative,
  removeSampleTrace,
  sampleTraceIds,
  type RepresentativeCandidate,
  type SampleTrace,
} from "./pick-representative";

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

function candidate(traceId: string, durationMs: number, hasError = false, atMs = T0): RepresentativeCandidate {
  return { traceId, durationMs, hasError, atMs };
}

// Few distinct durations and times, so ties on distance and time are common.
const traceId = fc.stringMatching(/^[0-9a-f]{4}$/);
const candidateArb: fc.Arbitrary<RepresentativeCandidate> = fc.record({
  traceId,
  durationMs: fc.oneof(fc.integer({ min: 0, max: 20 }).map((d) => d * 10), fc.double({ min: 0, max: 500, noNaN: true })),
  hasError: fc.boolean(),
  atMs: fc.integer({ min: 0, max: 5 }).map((i) => T0 + i * 1000),
});
const candidates = fc.uniqueArray(candidateArb, { selector: (c) => c.traceId, maxLength: 30 });
const sampleArb: fc.Arbitrary<SampleTrace> = fc.record({ traceId, atMs: fc.integer({ min: 0, max: 40 }).map((i) => T0 + i) });
const samples = fc.array(sampleArb, { maxLength: 40 });

describe("pickRepresentative", () => {
  it("prefers an error-free trace closest to the median", () => {
    const picked = pickRepresentative(
      [candidate("a", 100, true), candidate("b", 180), candidate("c", 110, true), candidate("d", 90)],
      100,
    );
    expect(picked?.traceId).toBe("d");
  });

  it("breaks distance ties by the most recent trace, then the smallest trace id", () => {
    expect(pickRepresentative([candidate("a", 90, false, T0), candidate("b", 110, false, T0 + 5)], 100)?.traceId).toBe("b");
    expect(pickRepresentative([candidate("b", 90), candidate("a", 110)], 100)?.traceId).toBe("a");
  });

  it("falls back to the trace closest to the median when every trace has an error", () => {
    const picked = pickRepresentative([candidate("a", 400, true), candidate("b", 120, true), candidate("c", 20, true)], 100);
    expect(picked?.traceId).toBe("b");
  });

  it("uses the candidates' own (lower) median by default, and returns null for none", () => {
    expect(medianDurationMs([candidate("a", 10), candidate("b", 30), candidate("c", 20), candidate("d", 40)])).toBe(20);
    expect(pickRepresentative([candidate("a", 10), candidate("b", 30), candidate("c", 21), candidate("d", 40)])?.traceId).toBe("c");
    expect(pickRepresentative([])).toBeNull();
    expect(medianDurationMs([])).toBe(0);
  });

  it("picks the same trace whatever the order of the candidates", () => {
    fc.assert(
      fc.property(
        candidates.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        fc.double({ min: 0, max: 500, noNaN: true }),
        ([list, shuffled], medianMs) => {
          expect(pickRepresentative(shuffled, medianMs)).toEqual(pickRepresentative(list, medianMs));
        },
      ),
    );
  });

  it("picks a candidate no other candidate beats", () => {
    fc.assert(
      fc.property(candidates, fc.double({ min: 0, max: 500, noNaN: true }), (list, medianMs) => {
        const picked = pickRepresentative(list, medianMs);
        if (picked === null) {
          expect(list).toEqual([]);
          return;
        }
        if (list.some((c) => !c.hasError)) expect(picked.hasError).toBe(false);
        for (const other of list) {
          expect(compareRepresentativeCandidates(picked, other, medianMs)).toBeLessThanOrEqual(0);
          if (other.hasError === picked.hasError) {
            expect(Math.abs(picked.durationMs - medianMs)).toBeLessThanOrEqual(Math.abs(other.durationMs - medianMs));
          }
        }
      }),
    );
  });

  it("is a total order: antisymmetric and transitive", () => {
    fc.assert(
      fc.property(candidates, fc.double({ min: 0, max: 500, noNaN: true }), (list, medianMs) => {
        const sorted = [...list].sort((a, b) => compareRepresentativeCandidates(a, b, medianMs));
        for (let i = 0; i + 1 < sorted.length; i++) {
          expect(compareRepresentativeCandidates(sorted[i], sorted[i + 1], medianMs)).toBeLessThan(0);
          expect(compareRepresentativeCandidates(sorted[i + 1], sorted[i], medianMs)).toBeGreaterThan(0);
        }
        expect(sorted[0] ?? null).toEqual(pickRepresentative(list, medianMs));
      }),
    );
  });
});

describe("considerRepresentative", () => {
  it("keeping the better of two, trace by trace, ends with the batch pick for a fixed median", () => {
    fc.assert(
      fc.property(candidates, fc.double({ min: 0, max: 500, noNaN: true }), (list, medianMs) => {
        let current: RepresentativeCandidate | null = null;
        for (const next of list) current = considerRepresentative(current, next, medianMs);
        expect(current).toEqual(pickRepresentative(list, medianMs));
      }),
    );
  });

  it("takes the first candidate and replaces a trace by its newer look", () => {
    const first = candidate("a", 100);
    expect(considerRepresentative(null, first, 100)).toBe(first);
    const again = candidate("a", 900, true);
    expect(considerRepresentative(first, again, 100)).toBe(again);
    expect(considerRepresentative(first, candidate("b", 150), 100)).toBe(first);
  });

  it("rejects candidates without an id or with non-finite numbers", () => {
    expect(() => considerRepresentative(null, candidate("", 1), 1)).toThrow(RangeError);
    expect(() => considerRepresentative(null, candidate("a", Number.NaN), 1)).toThrow(RangeError);
    expect(() => considerRepresentative(candidate("a", 1), candidate("b", 1), Number.NaN)).toThrow(RangeError);
  });
});

describe("sample traces", () => {
  /** Reference: each id once with its latest time, most recent first, then by id. */
  function expectedSamples(list: readonly SampleTrace[], max = MAX_SAMPLE_TRACES): SampleTrace[] {
    const latest = new Map<string, number>();
    for (const s of list) latest.set(s.traceId, Math.max(latest.get(s.traceId) ?? -Infinity, s.atMs));
    return [...latest]
      .map(([id, atMs]) => ({ traceId: id, atMs }))
      .sort((a, b) => b.atMs - a.atMs || (a.traceId < b.traceId ? -1 : 1))
      .slice(0, max);
  }

  it("keeps at most 20, most recent first, no duplicates", () => {
    fc.assert(
      fc.property(samples, (list) => {
        const kept = list.reduce<SampleTrace[]>((acc, s) => addSampleTrace(acc, s), []);
        expect(kept).toEqual(expectedSamples(list));
        expect(kept.length).toBeLessThanOrEqual(MAX_SAMPLE_TRACES);
        expect(new Set(sampleTraceIds(kept)).size).toBe(kept.length);
      }),
    );
  });

  it("adds an example in order", () => {
    let kept: SampleTrace[] = [];
    kept = addSampleTrace(kept, { traceId: "b", atMs: T0 + 2 });
    kept = addSampleTrace(kept, { traceId: "a", atMs: T0 + 1 });
    kept = addSampleTrace(kept, { traceId: "c", atMs: T0 + 3 });
    kept = addSampleTrace(kept, { traceId: "a", atMs: T0 + 1 });
    expect(sampleTraceIds(kept)).toEqual(["c", "b", "a"]);
    expect(sampleTraceIds(addSampleTrace(kept, { traceId: "d", atMs: T0 }, 3))).toEqual(["c", "b", "a"]);
    expect(sampleTraceIds(removeSampleTrace(kept, "b"))).toEqual(["c", "a"]);
  });

  it("merge is commutative and associative and equals adding one by one", () => {
    fc.assert(
      fc.property(samples, samples, samples, (a, b, c) => {
        const [ka, kb, kc] = [a, b, c].map((list) => expectedSamples(list));
        expect(mergeSampleTraces(ka, kb)).toEqual(mergeSampleTraces(kb, ka));
        expect(mergeSampleTraces(mergeSampleTraces(ka, kb), kc)).toEqual(mergeSampleTraces(ka, mergeSampleTraces(kb, kc)));
        expect(mergeSampleTraces(mergeSampleTraces(ka, kb), kc)).toEqual(expectedSamples([...a, ...b, ...c]));
      }),
    );
  });

  it("rejects a bad maximum or sample", () => {
    expect(() => addSampleTrace([], { traceId: "a", atMs: T0 }, 0)).toThrow(RangeError);
    expect(() => addSampleTrace([], { traceId: "", atMs: T0 })).toThrow(RangeError);
    expect(() => addSampleTrace([], { traceId: "a", atMs: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe("stored forms", () => {
  it("round-trip through JSON text", () => {
    fc.assert(
      fc.property(samples, candidateArb, (list, rep) => {
        const kept = keptSamples(list);
        expect(deserializeSampleTraces(JSON.parse(JSON.stringify(kept)))).toEqual(kept);
        expect(deserializeRepresentative(JSON.parse(JSON.stringify(rep)))).toEqual(rep);
      }),
    );
    expect(deserializeRepresentative(null)).toBeNull();
  });

  it("reject malformed values", () => {
    expect(() => deserializeSampleTraces({})).toThrow(StatsDecodeError);
    expect(() => deserializeSampleTraces([{ traceId: "a" }])).toThrow(StatsDecodeError);
    expect(() => deserializeSampleTraces([{ traceId: "a", atMs: 1 }, { traceId: "a", atMs: 2 }])).toThrow(StatsDecodeError);
    expect(() => deserializeRepresentative({ traceId: "a", durationMs: 1, atMs: 1 })).toThrow(StatsDecodeError);
    expect(() => deserializeRepresentative("a")).toThrow(StatsDecodeError);
  });

  function keptSamples(list: readonly SampleTrace[]): SampleTrace[] {
    return list.reduce<SampleTrace[]>((acc, s) => addSampleTrace(acc, s), []);
  }
});
