// Alert thresholds for LLM usage, checked per model over a summary's window, and the warnings
// they raise. A threshold that is not set is not checked.
import { z } from "zod";
import type { LlmModelUsage, LlmUsageWarning } from "./llm-usage-types";
import { describeSettingIssues, type ParseResult } from "./price-table-schema";

const number = (range: string) =>
  z.number({ error: (issue) => (issue.input === undefined ? "is required" : "must be a number") }).min(0, { error: range });

export const llmUsageThresholdsSchema = z.strictObject({
  /** Errors / calls, 0..1. */
  error_rate: number("must be between 0 and 1").max(1, { error: "must be between 0 and 1" }).optional(),
  latency_p95_ms: number("must be ≥ 0").optional(),
  cost_per_hour_usd: number("must be ≥ 0").optional(),
});

export type LlmUsageThresholds = z.infer<typeof llmUsageThresholdsSchema>;

/** Validates thresholds; errors read like `llm_thresholds.error_rate must be between 0 and 1`. */
export function parseLlmUsageThresholds(input: unknown, field = "llm_thresholds"): ParseResult<LlmUsageThresholds> {
  const parsed = llmUsageThresholdsSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: describeSettingIssues(parsed.error, field) };
}

export interface ThresholdInputs {
  models: readonly LlmModelUsage[];
  /** model -> hour start (epoch ms) -> priced cost of that clock hour. */
  hourlyCostUsd: ReadonlyMap<string, ReadonlyMap<number, number>>;
  windowHours: number;
}

/**
 * Warnings for every model over a threshold, in the models' order. Values must exceed the
 * threshold, so a threshold of 0 flags any error, latency or cost at all.
 *
 * Cost is checked two ways: the window's cost per hour (cost / window hours), and, when that
 * stays under, the worst single clock hour, so a burst that the average hides still shows. Only
 * one of the two is reported per model; the average wins because it is the sustained problem.
 */
export function evaluateThresholds(inputs: ThresholdInputs, thresholds: LlmUsageThresholds): LlmUsageWarning[] {
  const warnings: LlmUsageWarning[] = [];
  for (const usage of inputs.models) {
    const label = usage.model === "" ? "unknown model" : usage.model;
    const { error_rate, latency_p95_ms, cost_per_hour_usd } = thresholds;
    if (error_rate !== undefined && usage.calls > 0 && usage.errorRate > error_rate) {
      warnings.push({
        model: usage.model,
        metric: "error_rate",
        value: usage.errorRate,
        threshold: error_rate,
        message: `${label}: error rate ${percent(usage.errorRate)} (${usage.errors} of ${usage.calls} calls) is above the ${percent(error_rate)} threshold`,
      });
    }
    if (latency_p95_ms !== undefined && usage.calls > 0 && usage.p95Ms > latency_p95_ms) {
      warnings.push({
        model: usage.model,
        metric: "latency_p95_ms",
        value: usage.p95Ms,
        threshold: latency_p95_ms,
        message: `${label}: p95 latency ${milliseconds(usage.p95Ms)} is above the ${milliseconds(latency_p95_ms)} threshold`,
      });
    }
    if (cost_per_hour_usd !== undefined && usage.costUsd !== null) {
      const warning = costWarning(usage, label, cost_per_hour_usd, inputs);
      if (warning !== null) warnings.push(warning);
    }
  }
  return warnings;
}

function costWarning(usage: LlmModelUsage, label: string, threshold: number, inputs: ThresholdInputs): LlmUsageWarning | null {
  const lowerBound = usage.unpricedCalls > 0 ? ` (at least: ${usage.unpricedCalls} calls could not be priced)` : "";
  const perHour = (usage.costUsd ?? 0) / inputs.windowHours;
  if (perHour > threshold) {
    return {
      model: usage.model,
      metric: "cost_per_hour_usd",
      value: perHour,
      threshold,
      message: `${label}: ${usd(perHour)} per hour over the last ${hours(inputs.windowHours)}${lowerBound} is above the ${usd(threshold)} per hour threshold`,
    };
  }
  let peak: { hourStartMs: number; costUsd: number } | null = null;
  for (const [hourStartMs, costUsd] of inputs.hourlyCostUsd.get(usage.model) ?? []) {
    if (peak === null || costUsd > peak.costUsd || (costUsd === peak.costUsd && hourStartMs < peak.hourStartMs)) {
      peak = { hourStartMs, costUsd };
    }
  }
  if (peak === null || peak.costUsd <= threshold) return null;
  return {
    model: usage.model,
    metric: "cost_peak_hour_usd",
    value: peak.costUsd,
    threshold,
    hourStartMs: peak.hourStartMs,
    message: `${label}: ${usd(peak.costUsd)} in the hour from ${utcHour(peak.hourStartMs)} is above the ${usd(threshold)} per hour threshold`,
  };
}

// Formatting is fixed rather than locale-dependent so messages read the same on every server.
function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(1))}%`;
}

function milliseconds(ms: number): string {
  return `${Math.round(ms)} ms`;
}

function usd(amount: number): string {
  return amount >= 0.01 || amount === 0 ? `$${amount.toFixed(2)}` : `$${Number(amount.toPrecision(2))}`;
}

function hours(count: number): string {
  return `${Number(count.toFixed(1))} h`;
}

function utcHour(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 13).replace("T", " ")}:00 UTC`;
}
