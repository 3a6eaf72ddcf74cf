// The LLM API's answers as the page reads them: GET .../telemetry/llm/usage is the usage
// summary (lib/genai/llm-usage-types.ts) in snake_case, GET .../telemetry/llm/calls a page of
// calls, and the eval exports their datasets.
import type { LlmUsageMetric } from "@/lib/genai/llm-usage-types";

export interface UsageStats {
  calls: number;
  errors: number;
  error_rate: number;
  input_tokens: number;
  output_tokens: number;
  /** null when no call could be priced; a lower bound while unpriced_calls > 0. */
  cost_usd: number | null;
  unpriced_calls: number;
  /** Of unpriced_calls, those that recorded no token count at all. */
  no_token_calls: number;
  p50_ms: number;
  p95_ms: number;
}

export interface ModelUsage extends UsageStats {
  /** "" for calls that recorded no model. */
  model: string;
  provider: string;
}

export interface UsageBucket extends UsageStats {
  start_ms: number;
  model: string;
}

export interface SlowOperation {
  service: string;
  name: string;
  model: string;
  count: number;
  p95_ms: number;
  max_ms: number;
  slowest: { trace_id: string; span_id: string };
}

export interface ErrorGroup {
  model: string;
  error_type: string;
  count: number;
  last_seen_ms: number;
  latest: { trace_id: string; span_id: string };
}

export interface UsageWarning {
  model: string;
  metric: LlmUsageMetric;
  value: number;
  threshold: number;
  message: string;
}

export interface LlmUsageResponse {
  from: number;
  to: number;
  bucket_ms: number;
  /** The built-in price list's date (YYYY-MM-DD). */
  prices_as_of: string;
  window: { start_ms: number; end_ms: number; hours: number };
  totals: UsageStats;
  /** Most calls first. */
  models: ModelUsage[];
  /** Only buckets with calls. */
  series: UsageBucket[];
  slowest_operations: SlowOperation[];
  top_errors: ErrorGroup[];
  warnings: UsageWarning[];
}

export interface LlmCallView {
  trace_id: string;
  span_id: string;
  service: string;
  name: string;
  operation: string;
  model: string;
  provider: string;
  start_ms: number;
  duration_ms: number;
  is_error: boolean;
  error_type: string;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  convention: string | null;
}

export interface LlmCallsResponse {
  total: number;
  /** Every model of the workspace, most calls first, whatever the range. */
  models: { model: string; calls: number }[];
  calls: LlmCallView[];
}

export interface EvalExportResponse {
  yaml: string;
  file_name: string;
  cases: number;
  /** Only from the selection export: the calls considered and the prompt templates found. */
  calls?: number;
  templates?: number;
}
