import { describe, expect, it } from "vitest";
import { snakeCaseKeys } from "./snake-case-keys";

describe("snakeCaseKeys", () => {
  it("renames keys at every depth and leaves values alone", () => {
    expect(snakeCaseKeys({ p50Ms: 1, costUsd: null, slowest: { traceId: "abcDef" }, series: [{ startMs: 2, errorRate: 0 }], model: "gpt-4o" })).toEqual({
      p50_ms: 1,
      cost_usd: null,
      slowest: { trace_id: "abcDef" },
      series: [{ start_ms: 2, error_rate: 0 }],
      model: "gpt-4o",
    });
  });
});
