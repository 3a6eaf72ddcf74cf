import { describe, expect, it } from "vitest";
import { findMissingCandidates, tracesNeededToCallMissing } from "./missing-variants";

describe("tracesNeededToCallMissing", () => {
  it("needs fewer traces the more common the variant was", () => {
    expect(tracesNeededToCallMissing(0.2)).toBe(31);
    expect(tracesNeededToCallMissing(0.5)).toBe(10);
    expect(tracesNeededToCallMissing(0.9)).toBe(3);
    expect(tracesNeededToCallMissing(1)).toBe(1);
    expect(0.8 ** tracesNeededToCallMissing(0.2)).toBeLessThanOrEqual(0.001);
    expect(0.8 ** (tracesNeededToCallMissing(0.2) - 1)).toBeGreaterThan(0.001);
  });
});

describe("findMissingCandidates", () => {
  const entry = { traceCount: 100, lastTraceMs: 10_000 };
  it("reports a common variant unseen for the period", () => {
    expect(findMissingCandidates([{ fingerprint: "a", count: 40, lastSeenMs: 4_000 }], entry, 5_000)).toEqual([
      { fingerprint: "a", share: 0.4, lastSeenMs: 4_000, tracesNeeded: 14 },
    ]);
  });

  it("ignores variants below 20% of the traffic, recently seen ones and the only variant", () => {
    expect(
      findMissingCandidates(
        [
          { fingerprint: "rare", count: 19, lastSeenMs: 0 },
          { fingerprint: "recent", count: 50, lastSeenMs: 6_000 },
          { fingerprint: "all", count: 100, lastSeenMs: 0 },
        ],
        entry,
        5_000,
      ),
    ).toEqual([]);
  });
});
