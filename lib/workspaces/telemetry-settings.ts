// A workspace's telemetry settings as GET|PUT .../settings/telemetry carry them. Declared here,
// below both, so lib/store can read and write them and lib/api can check its schema against them.
import type { ContentPrivacyMode } from "../genai/content-privacy";

export interface TelemetrySettings {
  enabled: boolean;
  retention_days: number;
  default_timeout_ms: number;
  auto_discovery: boolean;
  auto_validation: boolean;
  trace_idle_ms: number;
  drift_learning_ms: number;
  drift_learning_traces: number;
  drift_confirm_ms: number;
  drift_missing_ms: number;
  drift_rare_ratio: number;
  llm_content: ContentPrivacyMode;
  /**
   * Model name or prefix -> USD per million tokens (lib/genai/price-table's ModelPrice, spelt out
   * as an object type so it is storable as JSON).
   */
  llm_prices: Record<string, { input_per_million: number; output_per_million: number }>;
  llm_alert_error_rate: number | null;
  llm_alert_latency_p95_ms: number | null;
  llm_alert_cost_per_hour_usd: number | null;
  coverage_window_days: number;
  diagnosis_sample_size: number;
  /** With authentication on: spans without an ingest key are accepted (only an admin changes it). */
  keyless_ingest: boolean;
}

/** A change to some of the settings: the fields left out keep their values. */
export type TelemetrySettingsPatch = Partial<TelemetrySettings>;
