// The shape of an LLM usage summary (see llm-usage.ts), as the LLM page shows it.

/** Counters shared by a model's window total and each of its time buckets. */
export interface LlmUsageStats {
  calls: number;
  errors: number;
  /** errors / calls; 0 without calls. */
  errorRate: number;
  /** Sums of the recorded counts; calls that did not record one add nothing. */
  inputTokens: number;
  outputTokens: number;
  /**
   * USD at list price over the calls that could be priced; null when none could. With
   * unpricedCalls > 0 a number is a lower bound.
   */
  costUsd: number | null;
  /** Calls whose model has no price or whose token counts were not recorded. */
  unpricedCalls: number;
  /** Of unpricedCalls, those that recorded no token count at all (a refused or failed call, usually). */
  noTokenCalls: number;
  /** Latency quantiles in ms, within 1% (the flows' duration sketch); 0 without calls. */
  p50Ms: number;
  p95Ms: number;
}

export interface LlmModelUsage extends LlmUsageStats {
  /** The model as recorded; "" for calls that recorded none. */
  model: string;
  /** The provider most of the model's calls recorded; "" when none did. */
  provider: string;
}

export interface LlmUsageBucket extends LlmUsageStats {
  /** Bucket start, epoch ms: a multiple of bucketMs. */
  startMs: number;
  model: string;
}

export interface LlmSlowOperation {
  service: string;
  /** The span name. */
  name: string;
  model: string;
  count: number;
  p95Ms: number;
  maxMs: number;
  /** The slowest call, to open. */
  slowest: { traceId: string; spanId: string };
}

export interface LlmErrorGroup {
  model: string;
  /** As extracted (error.type, exception type or status message); "" when none was recorded. */
  errorType: string;
  count: number;
  lastSeenMs: number;
  /** The most recent call with this error, to open. */
  latest: { traceId: string; spanId: string };
}

export type LlmUsageMetric = "error_rate" | "latency_p95_ms" | "cost_per_hour_usd" | "cost_peak_hour_usd";

export interface LlmUsageWarning {
  model: string;
  metric: LlmUsageMetric;
  value: number;
  threshold: number;
  message: string;
  /** For cost_peak_hour_usd: the start of the hour (epoch ms). */
  hourStartMs?: number;
}

export interface LlmUsageSummary {
  /** The summarised window; hours is what costs per hour divide by (at least 1). */
  window: { startMs: number; endMs: number; hours: number };
  totals: LlmUsageStats;
  /** Most calls first. */
  models: LlmModelUsage[];
  /** Only buckets with calls, by start then model. */
  series: LlmUsageBucket[];
  /** Top 10 by p95, then max. */
  slowestOperations: LlmSlowOperation[];
  /** Top 10 by count. */
  topErrors: LlmErrorGroup[];
  warnings: LlmUsageWarning[];
}
