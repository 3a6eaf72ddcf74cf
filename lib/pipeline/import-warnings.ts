// What an import stores but the workspace will not keep as the caller may expect, said in the
// answer rather than found out later. Completion needs no warning: it is keyed on when spans
// arrived (traces.last_seen_ms), so old traces complete trace_idle_ms after the import like live
// ones. Retention is keyed on when a trace started (traces.start_ns), so a trace older than
// retention_days is deleted by the first retention run after it completes.
import type { Span } from "../otlp/span";
import { retentionCutoffNs } from "./apply-retention";

export interface ImportWarning {
  code: "older_than_retention" | "discovery_off";
  message: string;
}

export interface ImportedWorkspaceSettings {
  retentionDays: number;
  autoDiscovery: boolean;
}

export function importWarnings(spans: readonly Span[], settings: ImportedWorkspaceSettings, nowMs: number): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const traceStartNs = new Map<string, bigint>();
  for (const span of spans) {
    const start = traceStartNs.get(span.traceId);
    if (start === undefined || span.startNs < start) traceStartNs.set(span.traceId, span.startNs);
  }
  const cutoffNs = retentionCutoffNs(nowMs, settings.retentionDays);
  let expired = 0;
  for (const startNs of traceStartNs.values()) if (startNs < cutoffNs) expired++;
  if (expired > 0) {
    const cutoff = new Date(Number(cutoffNs / 1_000_000n)).toISOString();
    const which = expired === traceStartNs.size ? (expired === 1 ? "The trace" : `All ${expired} traces`) : `${expired} of ${traceStartNs.size} traces`;
    warnings.push({
      code: "older_than_retention",
      message:
        `${which} started before this workspace's retention window (retention_days ${settings.retentionDays}: before ${cutoff}). ` +
        `${expired === 1 ? "It is" : "They are"} stored${settings.autoDiscovery ? " and discovered as flows" : ""}, then deleted with ${expired === 1 ? "its" : "their"} spans by the hourly retention run after ${expired === 1 ? "it completes" : "they complete"}; ` +
        "the flows and their statistics stay. To keep the traces, raise retention_days in the workspace's settings before then, or raise it and import the file again.",
    });
  }
  if (!settings.autoDiscovery) {
    warnings.push({
      code: "discovery_off",
      message: "Flow discovery is off in this workspace (auto_discovery false): the traces are stored and searchable, but no flows are discovered from them.",
    });
  }
  return warnings;
}
