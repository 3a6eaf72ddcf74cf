// Running totals for a set of LLM calls (a model, a model's time bucket, the whole window),
// turned into LlmUsageStats at the end. Latencies are collected and sketched once, with the
// same DDSketch-based sketch the flow statistics use, so LLM and flow P95s agree in method.
import { durationQuantileMs, sketchDurations } from "../flows/duration-sketch";
import type { LlmCall } from "./llm-call";
import type { LlmUsageStats } from "./llm-usage-types";

export interface UsageAccumulator {
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  pricedCalls: number;
  tokenlessCalls: number;
  costUsd: number;
  durationsMs: number[];
}

export function emptyAccumulator(): UsageAccumulator {
  return { calls: 0, errors: 0, inputTokens: 0, outputTokens: 0, pricedCalls: 0, tokenlessCalls: 0, costUsd: 0, durationsMs: [] };
}

/** `costUsd` is the call's estimate, null when it could not be priced. */
export function accumulate(acc: UsageAccumulator, call: LlmCall, costUsd: number | null): void {
  acc.calls += 1;
  if (call.isError) acc.errors += 1;
  if (isCount(call.inputTokens)) acc.inputTokens += call.inputTokens;
  if (isCount(call.outputTokens)) acc.outputTokens += call.outputTokens;
  if (costUsd !== null) {
    acc.pricedCalls += 1;
    acc.costUsd += costUsd;
  } else if (!isCount(call.inputTokens) && !isCount(call.outputTokens)) {
    // Typically a refused call (429, timeout): nothing to price, whatever the model.
    acc.tokenlessCalls += 1;
  }
  // A call without a usable duration still counts; it just has no latency to report.
  if (Number.isFinite(call.durationMs)) acc.durationsMs.push(call.durationMs);
}

export function toStats(acc: UsageAccumulator): LlmUsageStats {
  const sketch = sketchDurations(acc.durationsMs);
  return {
    calls: acc.calls,
    errors: acc.errors,
    errorRate: acc.calls === 0 ? 0 : acc.errors / acc.calls,
    inputTokens: acc.inputTokens,
    outputTokens: acc.outputTokens,
    costUsd: acc.pricedCalls === 0 ? null : acc.costUsd,
    unpricedCalls: acc.calls - acc.pricedCalls,
    noTokenCalls: acc.tokenlessCalls,
    p50Ms: durationQuantileMs(sketch, 0.5),
    p95Ms: durationQuantileMs(sketch, 0.95),
  };
}

function isCount(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value >= 0;
}
