import { describe, expect, it } from "vitest";
import { classifyRisk } from "./classify-risk";
import { computeRisk } from "./compute-risk";

describe("computeRisk", () => {
  // Vectors from DESIGN.md.
  it.each([
    [1, 0, 100, 0.005],
    [247, 0.02, 342.5, 0.31685],
    [100, 1, 10_000, 1.0],
  ])("count %d, error rate %d, avg %d ms → %d", (occurrenceCount, errorRate, avgDurationMs, expected) => {
    expect(computeRisk({ occurrenceCount, errorRate, avgDurationMs })).toBeCloseTo(expected, 10);
  });

  it("saturates count and latency", () => {
    expect(computeRisk({ occurrenceCount: 1e9, errorRate: 0, avgDurationMs: 1e9 })).toBeCloseTo(0.5, 10);
  });

  it("keeps corrupt aggregates on the 0..1 scale", () => {
    expect(computeRisk({ occurrenceCount: -5, errorRate: Number.NaN, avgDurationMs: -1 })).toBe(0);
    expect(computeRisk({ occurrenceCount: 100, errorRate: 7, avgDurationMs: Infinity })).toBeCloseTo(1, 10);
  });
});

describe("classifyRisk", () => {
  it.each([
    [1, "high"],
    [0.7, "high"],
    [0.6999, "medium"],
    [0.4, "medium"],
    [0.3999, "low"],
    [0, "low"],
  ] as const)("%d → %s", (score, badge) => {
    expect(classifyRisk(score)).toBe(badge);
  });

  it("badges the DESIGN.md vectors", () => {
    expect(classifyRisk(computeRisk({ occurrenceCount: 247, errorRate: 0.02, avgDurationMs: 342.5 }))).toBe("low");
    expect(classifyRisk(computeRisk({ occurrenceCount: 100, errorRate: 1, avgDurationMs: 10_000 }))).toBe("high");
  });
});
