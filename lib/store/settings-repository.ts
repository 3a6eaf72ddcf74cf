// Workspace telemetry settings, stored as columns of the workspace.
import type { TelemetrySettings, TelemetrySettingsPatch } from "../api/settings.schemas";
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
    },
    select,
  });
  return view(row);
}

/** Workspaces whose ingestion is switched off. */
export async function disabledWorkspaces(store: Store): Promise<Set<string>> {
  const rows = await store.prisma.workspace.findMany({ where: { enabled: false }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
