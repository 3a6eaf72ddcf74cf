import { describe, expect, it } from "vitest";
import type { LlmUsageWarning } from "../genai/llm-usage-types";
import { thresholdReadings, trackThresholdCrossings, type ThresholdReading } from "./track-threshold-crossings";

const reading = (model: string, metric: ThresholdReading["metric"] = "error_rate"): ThresholdReading => ({ model, metric, value: 0.5, threshold: 0.1, message: `${model} over` });

describe("LLM threshold crossings", () => {
  it("reports a crossing once, again only after a recovery", () => {
    let states: { model: string; metric: ThresholdReading["metric"]; crossed: boolean }[] = [];
    const evaluate = (over: ThresholdReading[]) => {
      const result = trackThresholdCrossings(states, over);
      const next = new Map(states.map((s) => [`${s.model}/${s.metric}`, s]));
      for (const r of result.crossed) next.set(`${r.model}/${r.metric}`, { model: r.model, metric: r.metric, crossed: true });
      for (const s of result.recovered) next.set(`${s.model}/${s.metric}`, { ...s, crossed: false });
      states = [...next.values()];
      return { crossed: result.crossed.map((r) => `${r.model}/${r.metric}`), recovered: result.recovered.map((s) => `${s.model}/${s.metric}`) };
    };
    expect(evaluate([reading("gpt-4o")])).toEqual({ crossed: ["gpt-4o/error_rate"], recovered: [] });
    expect(evaluate([reading("gpt-4o")])).toEqual({ crossed: [], recovered: [] });
    expect(evaluate([reading("gpt-4o"), reading("gpt-4o", "latency_p95_ms")])).toEqual({ crossed: ["gpt-4o/latency_p95_ms"], recovered: [] });
    expect(evaluate([reading("gpt-4o", "latency_p95_ms")])).toEqual({ crossed: [], recovered: ["gpt-4o/error_rate"] });
    expect(evaluate([])).toEqual({ crossed: [], recovered: ["gpt-4o/latency_p95_ms"] });
    expect(evaluate([reading("gpt-4o")])).toEqual({ crossed: ["gpt-4o/error_rate"], recovered: [] });
  });

  it("reads both cost warnings as the cost-per-hour threshold, once per model", () => {
    const warning = (metric: LlmUsageWarning["metric"], model = "m"): LlmUsageWarning => ({ model, metric, value: 2, threshold: 1, message: metric });
    expect(thresholdReadings([warning("cost_peak_hour_usd"), warning("error_rate"), warning("cost_per_hour_usd", "n")])).toEqual([
      { model: "m", metric: "cost_per_hour_usd", value: 2, threshold: 1, message: "cost_peak_hour_usd" },
      { model: "m", metric: "error_rate", value: 2, threshold: 1, message: "error_rate" },
      { model: "n", metric: "cost_per_hour_usd", value: 2, threshold: 1, message: "cost_per_hour_usd" },
    ]);
  });
});
