import { describe, expect, it } from "vitest";
import { usageSeries } from "./usage-series";

const stats = { calls: 2, input_tokens: 10, output_tokens: 5, cost_usd: 0.5, p50_ms: 100, p95_ms: 200, error_rate: 0.5 };

describe("usageSeries", () => {
  it("fills the buckets without calls with zero calls and nothing to draw", () => {
    const points = usageSeries({ from: 0, to: 3_000, bucket_ms: 1_000, series: [{ ...stats, start_ms: 1_000, model: "a" }] }, ["a", "b"]);
    expect(points.map((p) => p.ms)).toEqual([0, 1_000, 2_000]);
    expect(points[0].models[0]).toEqual({ calls: 0, tokens: 0, costUsd: 0, p50: null, p95: null, errorRate: null });
    expect(points[1].models).toEqual([
      { calls: 2, tokens: 15, costUsd: 0.5, p50: 100, p95: 200, errorRate: 0.5 },
      { calls: 0, tokens: 0, costUsd: 0, p50: null, p95: null, errorRate: null },
    ]);
  });
  it("is empty for an empty range", () => {
    expect(usageSeries({ from: 5, to: 5, bucket_ms: 1, series: [] }, ["a"])).toEqual([]);
  });
});
