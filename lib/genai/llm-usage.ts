// LLM usage over a time window, per model: traffic, errors, tokens, cost and latency, a time
// series for the charts, the slowest operations, the most frequent errors, and warnings for
// models over the workspace's thresholds.
import { HOUR_MS } from "../flows/hourly-buckets";
import { estimateCostUsd } from "./estimate-cost";
import type { LlmCall } from "./llm-call";
import { accumulate, emptyAccumulator, toStats, type UsageAccumulator } from "./llm-usage-accumulator";
import { slowestOperations, topErrors } from "./llm-usage-rankings";
import { evaluateThresholds, type LlmUsageThresholds } from "./llm-usage-thresholds";
import type { LlmModelUsage, LlmUsageBucket, LlmUsageSummary } from "./llm-usage-types";
import { DEFAULT_PRICE_TABLE, type PriceTable } from "./price-table";

export type * from "./llm-usage-types";
export type { LlmUsageThresholds };

export interface LlmUsageOptions {
  /** Width of the time-series buckets in ms; buckets start at multiples of it (epoch-aligned). */
  bucketMs: number;
  /** End of the window (inclusive): calls that start later are left out. */
  nowMs: number;
  /** Start of the window (inclusive); default: the earliest call's start. */
  sinceMs?: number;
  /** Prices, with the workspace's overrides applied (withPriceOverrides); default: the built-in table. */
  prices?: PriceTable;
  thresholds?: LlmUsageThresholds;
}

export function summarizeLlmUsage(calls: readonly LlmCall[], options: LlmUsageOptions): LlmUsageSummary {
  const { bucketMs, nowMs, sinceMs } = options;
  if (!(Number.isFinite(bucketMs) && bucketMs > 0)) throw new RangeError(`bucketMs must be a positive number, got ${bucketMs}`);
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be a finite epoch time in ms, got ${nowMs}`);
  if (sinceMs !== undefined && !(Number.isFinite(sinceMs) && sinceMs <= nowMs)) {
    throw new RangeError(`sinceMs must be a finite epoch time in ms not after nowMs, got ${sinceMs}`);
  }
  const prices = options.prices ?? DEFAULT_PRICE_TABLE;

  const inWindow = calls.filter((call) => call.startMs <= nowMs && (sinceMs === undefined || call.startMs >= sinceMs));
  const startMs = sinceMs ?? inWindow.reduce((earliest, call) => Math.min(earliest, call.startMs), nowMs);
  // A window shorter than an hour counts as one, so a few minutes of traffic are not
  // extrapolated into an hourly cost they never reached.
  const windowHours = Math.max(1, (nowMs - startMs) / HOUR_MS);

  const total = emptyAccumulator();
  const byModel = new Map<string, UsageAccumulator>();
  const providers = new Map<string, Map<string, number>>();
  const byBucket = new Map<string, { startMs: number; model: string; acc: UsageAccumulator }>();
  const hourlyCostUsd = new Map<string, Map<number, number>>();

  for (const call of inWindow) {
    const costUsd = estimateCostUsd(call, prices);
    accumulate(total, call, costUsd);
    accumulate(getOrAdd(byModel, call.model, emptyAccumulator), call, costUsd);

    if (call.provider !== "") {
      const counts = getOrAdd(providers, call.model, () => new Map<string, number>());
      counts.set(call.provider, (counts.get(call.provider) ?? 0) + 1);
    }

    const bucketStartMs = floorTo(call.startMs, bucketMs);
    const bucket = getOrAdd(byBucket, `${bucketStartMs}\u0000${call.model}`, () => ({
      startMs: bucketStartMs,
      model: call.model,
      acc: emptyAccumulator(),
    }));
    accumulate(bucket.acc, call, costUsd);

    if (costUsd !== null) {
      const hours = getOrAdd(hourlyCostUsd, call.model, () => new Map<number, number>());
      const hourStartMs = floorTo(call.startMs, HOUR_MS);
      hours.set(hourStartMs, (hours.get(hourStartMs) ?? 0) + costUsd);
    }
  }

  const models: LlmModelUsage[] = [...byModel]
    .map(([model, acc]) => ({ model, provider: mostFrequent(providers.get(model)), ...toStats(acc) }))
    .sort((a, b) => b.calls - a.calls || compare(a.model, b.model));

  const series: LlmUsageBucket[] = [...byBucket.values()]
    .map(({ startMs: bucketStart, model, acc }) => ({ startMs: bucketStart, model, ...toStats(acc) }))
    .sort((a, b) => a.startMs - b.startMs || compare(a.model, b.model));

  return {
    window: { startMs, endMs: nowMs, hours: windowHours },
    totals: toStats(total),
    models,
    series,
    slowestOperations: slowestOperations(inWindow),
    topErrors: topErrors(inWindow),
    warnings: options.thresholds ? evaluateThresholds({ models, hourlyCostUsd, windowHours }, options.thresholds) : [],
  };
}

function floorTo(epochMs: number, widthMs: number): number {
  // `+ 0` turns the -0 of times just before the epoch into 0.
  return Math.floor(epochMs / widthMs) * widthMs + 0;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function mostFrequent(counts: ReadonlyMap<string, number> | undefined): string {
  let best = "";
  let bestCount = 0;
  for (const [value, count] of counts ?? []) {
    if (count > bestCount || (count === bestCount && compare(value, best) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
