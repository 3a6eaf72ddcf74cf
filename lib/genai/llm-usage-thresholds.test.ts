import { describe, expect, it } from "vitest";
import { llmUsageThresholdsSchema, parseLlmUsageThresholds } from "./llm-usage-thresholds";

describe("parseLlmUsageThresholds", () => {
  it("accepts any subset of the thresholds", () => {
    expect(parseLlmUsageThresholds({})).toEqual({ ok: true, value: {} });
    expect(parseLlmUsageThresholds({ error_rate: 0.05, latency_p95_ms: 5000, cost_per_hour_usd: 2 })).toEqual({
      ok: true,
      value: { error_rate: 0.05, latency_p95_ms: 5000, cost_per_hour_usd: 2 },
    });
  });

  it("names the field in every error", () => {
    const result = parseLlmUsageThresholds({ error_rate: 5, latency_p95_ms: -1, cost_per_hour_usd: "2", p99: 1 });
    expect(result).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        "llm_thresholds.error_rate must be between 0 and 1",
        "llm_thresholds.latency_p95_ms must be ≥ 0",
        "llm_thresholds.cost_per_hour_usd must be a number",
        'llm_thresholds has unknown field "p99"',
      ]),
    });
    if (!result.ok) expect(result.errors).toHaveLength(4);
    expect(parseLlmUsageThresholds({ error_rate: -0.1 }, "alerts")).toEqual({
      ok: false,
      errors: ["alerts.error_rate must be between 0 and 1"],
    });
  });

  it("is a plain zod schema too", () => {
    expect(llmUsageThresholdsSchema.safeParse({ error_rate: 1 }).success).toBe(true);
    expect(llmUsageThresholdsSchema.safeParse(null).success).toBe(false);
  });
});
