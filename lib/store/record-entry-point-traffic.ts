// Drift's half of a completion round, inside its transaction: reads the touched entry points'
// counters, baselines and alerts (locked on PostgreSQL), lets lib/drift/plan-entry-point-traffic
// decide, and writes the plan. Pending alerts wait drift_confirm_ms for late spans before the
// drift sweep (lib/pipeline/sweep-drift.ts) opens them.
import { randomUUID } from "node:crypto";
import type { DriftSettings } from "../drift/drift-settings";
import {
  planEntryPointTraffic,
  touchedEntryPoints,
  type EntryPointKey,
  type EntryPointTrafficPlan,
  type EntryPointTrafficState,
  type EntryTrafficChange,
} from "../drift/plan-entry-point-traffic";
import type { PathNode } from "../traces/path-node";
import type { Dialect } from "./db";
import { driftAlertRow, readDriftSettings } from "./drift-rows";
import type { Prisma } from "./generated/sqlite/client";

export type { EntryPointKey, EntryTrafficChange };

type Tx = Prisma.TransactionClient;

/**
 * Creates the entry points the change touches that do not exist yet, locks them on PostgreSQL
 * and reads what planning needs: their states and their workspaces' drift settings.
 */
export async function readEntryPointTraffic(
  tx: Tx,
  dialect: Dialect,
  entryPoints: readonly (EntryPointKey & { firstTraceMs: number })[],
): Promise<{ states: EntryPointTrafficState[]; settings: Map<string, DriftSettings> }> {
  for (const { firstTraceMs, ...k } of entryPoints) {
    const first = BigInt(Math.trunc(firstTraceMs));
    await tx.entryPoint.upsert({
      where: { workspaceId_entryService_entryOperation: k },
      create: { id: randomUUID(), ...k, firstTraceMs: first, lastTraceMs: first, traceCount: 0 },
      update: {},
      select: { id: true },
    });
  }
  const where = { OR: entryPoints.map((k) => ({ workspaceId: k.workspaceId, entryService: k.entryService, entryOperation: k.entryOperation })) };
  // Instances sharing PostgreSQL may count the same entry point at once: lock its rows, in id
  // order, before reading its counters, baseline and alerts.
  if (dialect === "postgresql") {
    const ids = (await tx.entryPoint.findMany({ where, select: { id: true } })).map((r) => r.id).sort();
    await tx.$queryRawUnsafe(`SELECT id FROM entry_points WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(", ")}) ORDER BY id FOR UPDATE`, ...ids);
  }
  const rows = await tx.entryPoint.findMany({
    where,
    include: { baseline: { select: { fingerprint: true, path: true, source: true } }, alerts: { where: { kind: "new_variant" }, select: { fingerprint: true } } },
  });
  const states = rows.map(
    (row): EntryPointTrafficState => ({
      id: row.id,
      workspaceId: row.workspaceId,
      entryService: row.entryService,
      entryOperation: row.entryOperation,
      firstTraceMs: Number(row.firstTraceMs),
      lastTraceMs: Number(row.lastTraceMs),
      traceCount: row.traceCount,
      learnedAtMs: row.learnedAtMs === null ? null : Number(row.learnedAtMs),
      baseline: row.baseline.map((b) => ({ fingerprint: b.fingerprint, path: b.path as unknown as PathNode[], source: b.source })),
      alertedFingerprints: row.alerts.map((a) => a.fingerprint),
    }),
  );
  return { states, settings: await readDriftSettings(tx, entryPoints.map((k) => k.workspaceId)) };
}

/** Writes a plan in the transaction that read its states (so the rows are as it saw them). */
export async function applyEntryPointTrafficPlan(tx: Tx, plan: EntryPointTrafficPlan, nowMs: number): Promise<void> {
  for (const u of plan.unlearn) {
    await tx.baselineVariant.deleteMany({ where: { entryPointId: u.entryPointId, fingerprint: u.fingerprint, source: "learned" } });
  }
  for (const w of plan.withdrawAlerts) {
    await tx.driftAlert.deleteMany({ where: { entryPointId: w.entryPointId, kind: "new_variant", fingerprint: w.fingerprint, state: { in: [...w.states] } } });
  }
  for (const l of plan.learn) {
    await tx.baselineVariant.create({ data: { entryPointId: l.entryPointId, fingerprint: l.fingerprint, path: l.path as never, source: "learned", acceptedAtMs: BigInt(nowMs) } });
  }
  for (const alert of plan.alerts) await tx.driftAlert.create({ data: driftAlertRow(alert) });
  for (const e of plan.entryPoints) {
    await tx.entryPoint.update({
      where: { id: e.id },
      data: {
        traceCount: e.traceCount,
        firstTraceMs: BigInt(Math.trunc(e.firstTraceMs)),
        lastTraceMs: BigInt(Math.trunc(e.lastTraceMs)),
        learnedAtMs: e.learnedAtMs === null ? null : BigInt(e.learnedAtMs),
      },
    });
  }
}

/**
 * Read, plan, write, in the caller's transaction. The planning call sits here because trace
 * completion records a round's discoveries from lib/store; read and apply are exported so an
 * orchestrator can take it over.
 */
export async function recordEntryPointTraffic(tx: Tx, dialect: Dialect, change: EntryTrafficChange, nowMs: number): Promise<void> {
  const entryPoints = touchedEntryPoints(change, nowMs);
  if (entryPoints.length === 0) return;
  const { states, settings } = await readEntryPointTraffic(tx, dialect, entryPoints);
  await applyEntryPointTrafficPlan(tx, planEntryPointTraffic(states, change, nowMs, settings), nowMs);
}
