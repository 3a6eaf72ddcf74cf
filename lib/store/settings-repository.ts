// Workspace telemetry settings, stored as columns of the workspace.
import type { ContentPrivacyMode } from "../genai/content-privacy";
import type { TelemetrySettings, TelemetrySettingsPatch } from "../workspaces/telemetry-settings";
import type { Store } from "./db";
import { ensureWorkspace } from "./workspace-repository";

const select = {
  enabled: true,
  retentionDays: true,
  defaultTimeoutMs: true,
  autoDiscovery: true,
  autoValidation: true,
  traceIdleMs: true,
  driftLearningMs: true,
  driftLearningTraces: true,
  driftConfirmMs: true,
  driftMissingMs: true,
  driftRareRatio: true,
  llmContent: true,
  llmPrices: true,
  llmAlertErrorRate: true,
  llmAlertLatencyP95Ms: true,
  llmAlertCostPerHourUsd: true,
  coverageWindowDays: true,
  diagnosisSampleSize: true,
  keylessIngest: true,
} as const;

type Row = {
  enabled: boolean;
  retentionDays: number;
  defaultTimeoutMs: number;
  autoDiscovery: boolean;
  autoValidation: boolean;
  traceIdleMs: number;
  driftLearningMs: number;
  driftLearningTraces: number;
  driftConfirmMs: number;
  driftMissingMs: number;
  driftRareRatio: number;
  llmContent: string;
  llmPrices: unknown;
  llmAlertErrorRate: number | null;
  llmAlertLatencyP95Ms: number | null;
  llmAlertCostPerHourUsd: number | null;
  coverageWindowDays: number;
  diagnosisSampleSize: number;
  keylessIngest: boolean;
};

function view(row: Row): TelemetrySettings {
  return {
    enabled: row.enabled,
    retention_days: row.retentionDays,
    default_timeout_ms: row.defaultTimeoutMs,
    auto_discovery: row.autoDiscovery,
    auto_validation: row.autoValidation,
    trace_idle_ms: row.traceIdleMs,
    drift_learning_ms: row.driftLearningMs,
    drift_learning_traces: row.driftLearningTraces,
    drift_confirm_ms: row.driftConfirmMs,
    drift_missing_ms: row.driftMissingMs,
    drift_rare_ratio: row.driftRareRatio,
    llm_content: row.llmContent as TelemetrySettings["llm_content"],
    llm_prices: (row.llmPrices ?? {}) as TelemetrySettings["llm_prices"],
    llm_alert_error_rate: row.llmAlertErrorRate,
    llm_alert_latency_p95_ms: row.llmAlertLatencyP95Ms,
    llm_alert_cost_per_hour_usd: row.llmAlertCostPerHourUsd,
    coverage_window_days: row.coverageWindowDays,
    diagnosis_sample_size: row.diagnosisSampleSize,
    keyless_ingest: row.keylessIngest,
  };
}

export async function getTelemetrySettings(store: Store, workspaceId: string): Promise<TelemetrySettings> {
  await ensureWorkspace(store, workspaceId);
  return view(await store.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select }));
}

export async function updateTelemetrySettings(store: Store, workspaceId: string, patch: TelemetrySettingsPatch): Promise<TelemetrySettings> {
  await ensureWorkspace(store, workspaceId);
  const row = await store.prisma.workspace.update({
    where: { id: workspaceId },
    data: {
      enabled: patch.enabled,
      retentionDays: patch.retention_days,
      defaultTimeoutMs: patch.default_timeout_ms,
      autoDiscovery: patch.auto_discovery,
      autoValidation: patch.auto_validation,
      traceIdleMs: patch.trace_idle_ms,
      driftLearningMs: patch.drift_learning_ms,
      driftLearningTraces: patch.drift_learning_traces,
      driftConfirmMs: patch.drift_confirm_ms,
      driftMissingMs: patch.drift_missing_ms,
      driftRareRatio: patch.drift_rare_ratio,
      llmContent: patch.llm_content,
      llmPrices: patch.llm_prices,
      llmAlertErrorRate: patch.llm_alert_error_rate,
      llmAlertLatencyP95Ms: patch.llm_alert_latency_p95_ms,
      llmAlertCostPerHourUsd: patch.llm_alert_cost_per_hour_usd,
      coverageWindowDays: patch.coverage_window_days,
      diagnosisSampleSize: patch.diagnosis_sample_size,
      keylessIngest: patch.keyless_ingest,
    },
    select,
  });
  return view(row);
}

/** What ingestion must know per workspace: which refuse spans, which protect LLM content. */
export async function ingestPolicies(store: Store): Promise<{ disabled: Set<string>; llmContent: Map<string, ContentPrivacyMode> }> {
  const rows = await store.prisma.workspace.findMany({
    where: { OR: [{ enabled: false }, { llmContent: { not: "keep" } }] },
    select: { id: true, enabled: true, llmContent: true },
  });
  return {
    disabled: new Set(rows.filter((r) => !r.enabled).map((r) => r.id)),
    llmContent: new Map(rows.filter((r) => r.llmContent !== "keep").map((r) => [r.id, r.llmContent as ContentPrivacyMode])),
  };
}
