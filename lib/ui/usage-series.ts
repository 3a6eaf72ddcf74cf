// The usage API lists only buckets with calls; line charts need every bucket of the range, a
// quiet one at zero calls (and no latency or error rate to draw: there were no calls).
/** The fields of the usage API's statistics a chart point reads. */
export interface UsageStats {
  calls: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number | null;
  p50_ms: number;
  p95_ms: number;
  error_rate: number;
}

export interface UsageSeriesInput {
  from: number;
  to: number;
  bucket_ms: number;
  series: (UsageStats & { start_ms: number; model: string })[];
}

export interface ModelPoint {
  calls: number;
  tokens: number;
  /** null where calls were made but none could be priced. */
  costUsd: number | null;
  p50: number | null;
  p95: number | null;
  errorRate: number | null;
}

export interface UsagePoint {
  /** Bucket start, epoch ms. */
  ms: number;
  /** In the order of the models asked for. */
  models: ModelPoint[];
}

const QUIET: ModelPoint = { calls: 0, tokens: 0, costUsd: 0, p50: null, p95: null, errorRate: null };

function pointOf(stats: UsageStats): ModelPoint {
  return {
    calls: stats.calls,
    tokens: stats.input_tokens + stats.output_tokens,
    costUsd: stats.cost_usd,
    p50: stats.p50_ms,
    p95: stats.p95_ms,
    errorRate: stats.error_rate,
  };
}

/** Every bucket from the range's first to its last, for each of `models`. */
export function usageSeries(usage: UsageSeriesInput, models: readonly string[]): UsagePoint[] {
  const step = usage.bucket_ms;
  if (!(step > 0) || usage.to <= usage.from) return [];
  const byKey = new Map(usage.series.map((bucket) => [`${bucket.start_ms}\u0000${bucket.model}`, bucket]));
  const first = Math.floor(usage.from / step) * step;
  const last = Math.floor((usage.to - 1) / step) * step;
  const points: UsagePoint[] = [];
  for (let ms = first; ms <= last; ms += step) {
    points.push({
      ms,
      models: models.map((model) => {
        const bucket = byKey.get(`${ms}\u0000${model}`);
        return bucket ? pointOf(bucket) : QUIET;
      }),
    });
  }
  return points;
}
