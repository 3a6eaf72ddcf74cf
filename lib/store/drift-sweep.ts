// The drift sweep, run after completion rounds: opens pending alerts whose wait for late spans
// is over (as rare when the variant is a sliver of its entry point's traffic), reopens rare
// ones that grew, raises "variant missing" alerts, and refreshes the explanations of entry
// points with several variants. Every write is conditional on the state it read, so instances
// sharing PostgreSQL can sweep at once.
import { randomUUID } from "node:crypto";
import { explainVariants } from "../drift/explain-variants";
import { findMissingCandidates } from "../drift/missing-variants";
import { isRareShare, variantShareInWindow } from "../drift/variant-share";
import { deserializeHourlyBuckets } from "../flows/hourly-buckets";
import type { PathNode } from "../traces/path-node";
import type { OpenedDriftAlert } from "../webhooks/describe-webhook-event";
import type { Store } from "./db";
import { sqlDialect } from "./sql-dialect";

/** How far back from its latest trace a new variant's share of traffic is measured. */
export const RARE_WINDOW_MS = 24 * 3_600_000;
/** Traces per variant read to explain an entry point's variants. */
export const EXPLAIN_SAMPLE_TRACES = 200;

type EntryPointRow = { id: string; workspaceId: string; entryService: string; entryOperation: string; lastTraceMs: bigint; traceCount: number };

async function entryFlows(store: Store, ep: EntryPointRow) {
  return store.prisma.flow.findMany({
    where: { workspaceId: ep.workspaceId, entryService: ep.entryService, entryOperation: ep.entryOperation },
    select: { id: true, fingerprint: true, path: true, occurrenceCount: true, lastSeenMs: true, hourly: true },
  });
}

async function rareRatioOf(store: Store, workspaceId: string): Promise<number> {
  const ws = await store.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { driftRareRatio: true } });
  return ws?.driftRareRatio ?? 0.0001;
}

type AlertRow = { id: string; workspaceId: string; kind: string; path: unknown; otherPath: unknown; detectedAtMs: bigint };

function openedAlert(alert: AlertRow, ep: Pick<EntryPointRow, "entryService" | "entryOperation">): OpenedDriftAlert {
  return {
    id: alert.id,
    workspaceId: alert.workspaceId,
    kind: alert.kind as OpenedDriftAlert["kind"],
    entryService: ep.entryService,
    entryOperation: ep.entryOperation,
    path: alert.path as PathNode[],
    otherPath: alert.otherPath as PathNode[],
    detectedAtMs: Number(alert.detectedAtMs),
  };
}

/** pending → open|rare when due, rare → open when grown; withdrawn when the variant has no trace left. */
async function judgeNewVariantAlerts(store: Store, nowMs: number, states: ("pending" | "rare")[], opened: OpenedDriftAlert[]): Promise<void> {
  const alerts = await store.prisma.driftAlert.findMany({
    where: { kind: "new_variant", OR: states.map((state) => (state === "pending" ? { state, confirmAtMs: { lte: BigInt(nowMs) } } : { state })) },
    include: { entryPoint: true },
    take: 500,
  });
  for (const alert of alerts) {
    const flows = await entryFlows(store, alert.entryPoint);
    const variant = flows.find((f) => f.fingerprint === alert.fingerprint);
    if (!variant) {
      await store.prisma.driftAlert.deleteMany({ where: { id: alert.id, state: alert.state } });
      continue;
    }
    const { share } = variantShareInWindow(
      deserializeHourlyBuckets(variant.hourly),
      flows.map((f) => deserializeHourlyBuckets(f.hourly)),
      // The window reaches back from the variant's latest trace: replayed or backfilled traffic
      // is judged against the traffic of its own time, not of today.
      Number(variant.lastSeenMs),
      RARE_WINDOW_MS,
    );
    const next = isRareShare(share, await rareRatioOf(store, alert.workspaceId)) ? "rare" : "open";
    if (next !== alert.state) {
      const moved = await store.prisma.driftAlert.updateMany({ where: { id: alert.id, state: alert.state }, data: { state: next, updatedAtMs: BigInt(nowMs) } });
      // Only the instance whose write moved it reports the opening.
      if (moved.count > 0 && next === "open") opened.push(openedAlert(alert, alert.entryPoint));
    }
  }
}

/** Open new-variant alerts whose variant lost every trace to late spans are withdrawn. */
async function withdrawVanishedVariants(store: Store): Promise<void> {
  const open = await store.prisma.driftAlert.findMany({ where: { kind: "new_variant", state: "open" }, include: { entryPoint: true }, take: 1_000 });
  for (const alert of open) {
    const { entryPoint: ep } = alert;
    const flow = await store.prisma.flow.findUnique({
      where: { workspaceId_entryService_entryOperation_fingerprint: { workspaceId: ep.workspaceId, entryService: ep.entryService, entryOperation: ep.entryOperation, fingerprint: alert.fingerprint } },
      select: { id: true },
    });
    if (!flow) await store.prisma.driftAlert.deleteMany({ where: { id: alert.id, state: "open" } });
  }
}

/** Entry point traces started after `afterMs`, counted up to `limit` (enough to decide). */
async function tracesSince(store: Store, ep: EntryPointRow, afterMs: number, limit: number): Promise<number> {
  const d = sqlDialect(store.dialect);
  const rows = await store.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM traces WHERE workspace_id = ${d.param(1)} AND start_ns > ${d.param(2)} AND root_service = ${d.param(3)} AND root_name = ${d.param(4)} AND state = 'complete' LIMIT ${Math.max(1, Math.min(limit, 1_000_000))}) AS recent`,
    ep.workspaceId,
    BigInt(Math.trunc(afterMs) + 1) * 1_000_000n,
    ep.entryService,
    ep.entryOperation,
  );
  return Number(rows[0]?.n ?? 0);
}

async function detectMissingVariants(store: Store, nowMs: number, opened: OpenedDriftAlert[]): Promise<void> {
  const eps = await store.prisma.entryPoint.findMany({ where: { learnedAtMs: { not: null } }, include: { baseline: true, alerts: { where: { kind: "variant_missing" } } } });
  for (const ep of eps) {
    // Nothing new since the last look: nothing can have gone missing, nothing came back.
    if (ep.lastTraceMs <= ep.missingCheckedMs) continue;
    const flows = await entryFlows(store, ep);
    const byFingerprint = new Map(flows.map((f) => [f.fingerprint, f]));

    for (const alert of ep.alerts) {
      const flow = byFingerprint.get(alert.fingerprint);
      // The variant came back: the change it reported is over.
      if (alert.state === "open" && flow && Number(flow.lastSeenMs) > Number(alert.detectedTraceMs)) {
        await store.prisma.driftAlert.deleteMany({ where: { id: alert.id, state: "open" } });
      }
    }
    const alerted = new Set(ep.alerts.map((a) => a.fingerprint));
    const ws = await store.prisma.workspace.findUnique({ where: { id: ep.workspaceId }, select: { driftMissingMs: true } });
    const baseline = ep.baseline.flatMap((b) => {
      const flow = byFingerprint.get(b.fingerprint);
      return flow ? [{ fingerprint: b.fingerprint, count: flow.occurrenceCount, lastSeenMs: Number(flow.lastSeenMs) }] : [];
    });
    const candidates = findMissingCandidates(baseline, { traceCount: ep.traceCount, lastTraceMs: Number(ep.lastTraceMs) }, ws?.driftMissingMs ?? 3_600_000);
    for (const candidate of candidates) {
      if (alerted.has(candidate.fingerprint)) continue;
      // Counted exactly up to a bound: the figure is shown as the alert's occurrences.
      const since = await tracesSince(store, ep, candidate.lastSeenMs, Math.max(candidate.tracesNeeded, 100_000));
      if (since < candidate.tracesNeeded) continue;
      const missing = byFingerprint.get(candidate.fingerprint)!;
      // Where the traffic went: the busiest variant seen since the missing one was last seen.
      const successor = flows
        .filter((f) => f.fingerprint !== candidate.fingerprint && Number(f.lastSeenMs) > candidate.lastSeenMs)
        .sort((a, b) => b.occurrenceCount - a.occurrenceCount || (a.fingerprint < b.fingerprint ? -1 : 1))[0];
      const created = await store.prisma.driftAlert
        .create({
          data: {
            id: randomUUID(),
            workspaceId: ep.workspaceId,
            entryPointId: ep.id,
            kind: "variant_missing",
            state: "open",
            fingerprint: candidate.fingerprint,
            path: missing.path as never,
            otherFingerprint: successor?.fingerprint ?? null,
            otherPath: (successor?.path ?? []) as never,
            detectedAtMs: BigInt(nowMs),
            confirmAtMs: BigInt(nowMs),
            updatedAtMs: BigInt(nowMs),
            // For a missing variant: the start of its last trace, so its return can be told.
            detectedTraceMs: BigInt(candidate.lastSeenMs),
            // The count when the variant was last seen: occurrences are the traces without it since.
            entryCountAtDetection: Math.max(0, ep.traceCount - since),
          },
        })
        // Another instance raised it first.
        .catch((error: { code?: string }) => {
          if (error.code !== "P2002") throw error;
          return null;
        });
      if (created) opened.push(openedAlert(created, ep));
    }
    await store.prisma.entryPoint.updateMany({ where: { id: ep.id, missingCheckedMs: ep.missingCheckedMs }, data: { missingCheckedMs: ep.lastTraceMs } });
  }
}

async function refreshExplanations(store: Store): Promise<void> {
  const eps = await store.prisma.entryPoint.findMany({ select: { id: true, workspaceId: true, entryService: true, entryOperation: true, traceCount: true, explainedCount: true } });
  for (const ep of eps) {
    // Explanations move slowly: refresh after 5% more (or fewer) traces, not on every trace.
    if (Math.abs(ep.traceCount - ep.explainedCount) < Math.max(1, Math.floor(ep.explainedCount * 0.05))) continue;
    const flows = await store.prisma.flow.findMany({
      where: { workspaceId: ep.workspaceId, entryService: ep.entryService, entryOperation: ep.entryOperation },
      select: { id: true, fingerprint: true, path: true },
    });
    let explanations: unknown[] = [];
    if (flows.length > 1) {
      const variants = [];
      for (const flow of flows) {
        const traces = await store.prisma.traceFlow.findMany({ where: { flowId: flow.id }, select: { entryAttributes: true }, take: EXPLAIN_SAMPLE_TRACES });
        variants.push({
          id: flow.fingerprint,
          path: flow.path as unknown as PathNode[],
          traces: traces.map((t) => (t.entryAttributes ?? {}) as Record<string, string>),
        });
      }
      explanations = explainVariants(variants);
    }
    await store.prisma.entryPoint.update({ where: { id: ep.id }, data: { explanations: explanations as never, explainedCount: ep.traceCount } });
  }
}

export interface DriftSweepOptions {
  /** Also re-judge rare alerts, look for missing variants and refresh explanations. */
  thorough: boolean;
}

/** Runs the sweep; returns the alerts it opened (for drift.opened webhooks). */
export async function sweepDrift(store: Store, options: DriftSweepOptions, nowMs = Date.now()): Promise<{ opened: OpenedDriftAlert[] }> {
  const opened: OpenedDriftAlert[] = [];
  await judgeNewVariantAlerts(store, nowMs, options.thorough ? ["pending", "rare"] : ["pending"], opened);
  if (!options.thorough) return { opened };
  await withdrawVanishedVariants(store);
  await detectMissingVariants(store, nowMs, opened);
  await refreshExplanations(store);
  return { opened };
}
