// llm.threshold_crossed fires once per crossing: when a model goes over a threshold it was not
// over at the last evaluation. It fires again only after the model has come back under (or
// stopped calling) and crossed once more.
import type { LlmUsageWarning } from "../genai/llm-usage-types";

export type ThresholdMetric = "error_rate" | "latency_p95_ms" | "cost_per_hour_usd";

export interface ThresholdReading {
  model: string;
  metric: ThresholdMetric;
  value: number;
  threshold: number;
  message: string;
}

export interface ThresholdState {
  model: string;
  metric: ThresholdMetric;
  crossed: boolean;
}

const key = (r: { model: string; metric: string }) => `${r.metric}\u0000${r.model}`;

/**
 * The LLM page's warnings as one reading per model and metric. Both cost warnings answer the
 * cost-per-hour threshold: over a one-hour window its most expensive clock hour is part of it.
 */
export function thresholdReadings(warnings: readonly LlmUsageWarning[]): ThresholdReading[] {
  const readings = new Map<string, ThresholdReading>();
  for (const w of warnings) {
    const metric: ThresholdMetric = w.metric === "cost_peak_hour_usd" ? "cost_per_hour_usd" : w.metric;
    const reading = { model: w.model, metric, value: w.value, threshold: w.threshold, message: w.message };
    if (!readings.has(key(reading))) readings.set(key(reading), reading);
  }
  return [...readings.values()];
}

export function trackThresholdCrossings(previous: readonly ThresholdState[], over: readonly ThresholdReading[]): { crossed: ThresholdReading[]; recovered: ThresholdState[] } {
  const wasOver = new Set(previous.filter((s) => s.crossed).map(key));
  const isOver = new Set(over.map(key));
  return {
    crossed: over.filter((r) => !wasOver.has(key(r))),
    recovered: previous.filter((s) => s.crossed && !isOver.has(key(s))),
  };
}
