// The drift sweep, run after completion rounds: opens pending alerts whose wait for late spans
// is over (as rare when the variant is a sliver of its entry point's traffic), reopens rare
// ones that grew, withdraws alerts whose variant has no trace left, raises "variant missing"
// alerts, and refreshes the explanations of entry points with several variants. lib/drift
// decides; every write is conditional on the state it read, so instances sharing PostgreSQL
// can sweep at once.
import type { DriftAlertKind } from "../drift/drift-alert";
import { DEFAULT_DRIFT_SETTINGS, type DriftSettings } from "../drift/drift-settings";
import { judgeNewVariantAlert, judgeOpenNewVariantAlert } from "../drift/judge-new-variant-alert";
import { isMissingCheckDue, missingVariantAlert, planMissingVariantCheck } from "../drift/plan-missing-variant-alerts";
import { areExplanationsStale, EXPLAIN_SAMPLE_TRACES, explainEntryPoint, hasVariantsToExplain } from "../drift/refresh-explanations";
import type { VariantSample } from "../drift/explain-variants";
import type { PathNode } from "../traces/path-node";
import type { OpenedDriftAlert } from "../webhooks/describe-webhook-event";
import type { Store } from "../store/db";
import {
  countEntryPointTracesSince,
  createDriftAlertOnce,
  listEntryPointExplanationCounts,
  listEntryPointFlows,
  listLearnedEntryPoints,
  listNewVariantAlertsToJudge,
  listOpenNewVariantAlerts,
  markMissingChecked,
  moveDriftAlert,
  readEntryPointVariants,
  readVariantTraffic,
  readWorkspaceDriftSettings,
  sampleEntryAttributes,
  saveExplanations,
  variantHasFlow,
  withdrawDriftAlert,
  type EntryPointRef,
} from "../store/drift-sweep-queries";

export interface DriftSweepOptions {
  /** Also re-judge rare alerts, look for missing variants and refresh explanations. */
  thorough: boolean;
}

interface Sweep {
  store: Store;
  nowMs: number;
  opened: OpenedDriftAlert[];
  settingsOf(workspaceId: string): Promise<DriftSettings>;
}

function openedAlert(
  alert: { id: string; workspaceId: string; kind: DriftAlertKind; path: readonly PathNode[]; otherPath: readonly PathNode[]; detectedAtMs: number },
  ep: Pick<EntryPointRef, "entryService" | "entryOperation">,
): OpenedDriftAlert {
  const { id, workspaceId, kind, path, otherPath, detectedAtMs } = alert;
  return { id, workspaceId, kind, entryService: ep.entryService, entryOperation: ep.entryOperation, path, otherPath, detectedAtMs };
}

/** pending → open|rare when due, rare → open when grown; withdrawn when the variant has no trace left. */
async function judgeNewVariantAlerts(sweep: Sweep, states: ("pending" | "rare")[]): Promise<void> {
  const { store, nowMs } = sweep;
  for (const alert of await listNewVariantAlertsToJudge(store, states, nowMs)) {
    const flows = await readVariantTraffic(store, alert.entryPoint);
    const verdict = judgeNewVariantAlert(alert, flows, (await sweep.settingsOf(alert.workspaceId)).rareRatio);
    if (verdict.kind === "withdraw") await withdrawDriftAlert(store, alert.id, alert.state);
    if (verdict.kind !== "move") continue;
    // Only the instance whose write moved it reports the opening.
    const moved = await moveDriftAlert(store, alert.id, alert.state, verdict.to, nowMs);
    if (moved && verdict.to === "open") sweep.opened.push(openedAlert({ ...alert, kind: "new_variant" }, alert.entryPoint));
  }
}

/** Open new-variant alerts whose variant lost every trace to late spans are withdrawn. */
async function withdrawVanishedVariants(sweep: Sweep): Promise<void> {
  const { store } = sweep;
  for (const alert of await listOpenNewVariantAlerts(store)) {
    const verdict = judgeOpenNewVariantAlert(await variantHasFlow(store, alert.entryPoint, alert.fingerprint));
    if (verdict.kind === "withdraw") await withdrawDriftAlert(store, alert.id, "open");
  }
}

async function detectMissingVariants(sweep: Sweep): Promise<void> {
  const { store, nowMs } = sweep;
  for (const ep of await listLearnedEntryPoints(store)) {
    if (!isMissingCheckDue(ep)) continue;
    const flows = await readEntryPointVariants(store, ep);
    const check = planMissingVariantCheck(ep, flows, ep.missingAlerts, (await sweep.settingsOf(ep.workspaceId)).missingMs);
    for (const alertId of check.withdraw) await withdrawDriftAlert(store, alertId, "open");
    for (const candidate of check.candidates) {
      const since = await countEntryPointTracesSince(store, ep, candidate.lastSeenMs, candidate.countUpTo);
      const alert = missingVariantAlert(ep, flows, candidate, since, nowMs);
      if (!alert) continue;
      const id = await createDriftAlertOnce(store, alert);
      if (id !== null) sweep.opened.push(openedAlert({ ...alert, id }, ep));
    }
    await markMissingChecked(store, ep.id, ep.missingCheckedMs, ep.lastTraceMs);
  }
}

async function refreshExplanations(sweep: Sweep): Promise<void> {
  const { store } = sweep;
  for (const ep of await listEntryPointExplanationCounts(store)) {
    if (!areExplanationsStale(ep)) continue;
    const flows = await listEntryPointFlows(store, ep);
    const variants: VariantSample[] = [];
    if (hasVariantsToExplain(flows.length)) {
      for (const flow of flows) variants.push({ id: flow.fingerprint, path: flow.path, traces: await sampleEntryAttributes(store, flow.id, EXPLAIN_SAMPLE_TRACES) });
    }
    await saveExplanations(store, ep.id, explainEntryPoint(variants), ep.traceCount);
  }
}

/** Runs the sweep; returns the alerts it opened (for drift.opened webhooks). */
export async function sweepDrift(store: Store, options: DriftSweepOptions, nowMs = Date.now()): Promise<{ opened: OpenedDriftAlert[] }> {
  // One read of a workspace's settings per sweep.
  const settings = new Map<string, Promise<DriftSettings>>();
  const settingsOf = (workspaceId: string) => {
    let read = settings.get(workspaceId);
    if (!read) settings.set(workspaceId, (read = readWorkspaceDriftSettings(store, workspaceId).then((s) => s ?? DEFAULT_DRIFT_SETTINGS)));
    return read;
  };
  const sweep: Sweep = { store, nowMs, opened: [], settingsOf };
  await judgeNewVariantAlerts(sweep, options.thorough ? ["pending", "rare"] : ["pending"]);
  if (!options.thorough) return { opened: sweep.opened };
  await withdrawVanishedVariants(sweep);
  await detectMissingVariants(sweep);
  await refreshExplanations(sweep);
  return { opened: sweep.opened };
}
