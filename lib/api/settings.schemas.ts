// GET|PUT /api/v1/workspaces/:ws/settings/telemetry: the workspace's telemetry settings.
import { z } from "zod";
import { contentPrivacyModeSchema } from "../genai/content-privacy";
import { llmPriceOverridesSchema } from "../genai/price-table-schema";
import type { TelemetrySettings, TelemetrySettingsPatch } from "../workspaces/telemetry-settings";

export type { TelemetrySettings, TelemetrySettingsPatch };

export const telemetrySettingsSchema = z
  .object({
    enabled: z.boolean(),
    retention_days: z.number().int().min(1).max(3650),
    default_timeout_ms: z.number().int().min(1_000).max(600_000),
    auto_discovery: z.boolean(),
    auto_validation: z.boolean(),
    trace_idle_ms: z.number().int().min(100).max(600_000),
    drift_learning_ms: z.number().int().min(0).max(30 * 86_400_000),
    drift_learning_traces: z.number().int().min(0).max(1_000_000),
    drift_confirm_ms: z.number().int().min(0).max(86_400_000),
    drift_missing_ms: z.number().int().min(1_000).max(30 * 86_400_000),
    drift_rare_ratio: z.number().min(0).max(1),
    llm_content: contentPrivacyModeSchema,
    llm_prices: llmPriceOverridesSchema,
    llm_alert_error_rate: z.number().min(0).max(1).nullable(),
    llm_alert_latency_p95_ms: z.number().positive().nullable(),
    llm_alert_cost_per_hour_usd: z.number().positive().nullable(),
    coverage_window_days: z.number().int().min(1).max(365),
    diagnosis_sample_size: z.number().int().min(10).max(1000),
    keyless_ingest: z.boolean(),
  })
  .strict() satisfies z.ZodType<TelemetrySettings>;

/** PUT takes any subset of the fields; unknown fields are refused so typos do not pass silently. */
export const telemetrySettingsPatchSchema = telemetrySettingsSchema.partial() satisfies z.ZodType<TelemetrySettingsPatch>;
