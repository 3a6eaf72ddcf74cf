// The drift sweep's reads and writes (lib/pipeline/sweep-drift.ts decides with lib/drift).
// Every write is conditional on the state it was read in, so instances sharing PostgreSQL can
// sweep at once: the instance whose write lands acts, the others' writes change nothing.
import type { DriftAlertState, NewDriftAlert } from "../drift/drift-alert";
import type { DriftSettings } from "../drift/drift-settings";
import type { VariantExplanation } from "../drift/explain-variants";
import type { VariantTraffic } from "../drift/judge-new-variant-alert";
import type { EntryPointVariant, MissingVariantAlert } from "../drift/plan-missing-variant-alerts";
import { deserializeHourlyBuckets } from "../flows/hourly-buckets";
import type { PathNode } from "../traces/path-node";
import type { Store } from "./db";
import { driftAlertRow, readDriftSettings } from "./drift-rows";
import { sqlDialect } from "./sql-dialect";

export interface EntryPointRef {
  id: string;
  workspaceId: string;
  entryService: string;
  entryOperation: string;
}

export interface SweptNewVariantAlert {
  id: string;
  workspaceId: string;
  state: "pending" | "rare";
  fingerprint: string;
  path: PathNode[];
  otherPath: PathNode[];
  detectedAtMs: number;
  entryPoint: EntryPointRef;
}

const entryPointRef = (ep: EntryPointRef): EntryPointRef => ({ id: ep.id, workspaceId: ep.workspaceId, entryService: ep.entryService, entryOperation: ep.entryOperation });

/** New-variant alerts to judge: pending ones whose confirm_at is due at `nowMs`, and rare ones if asked for (at most 500 a sweep). */
export async function listNewVariantAlertsToJudge(store: Store, states: readonly ("pending" | "rare")[], nowMs: number): Promise<SweptNewVariantAlert[]> {
  const alerts = await store.prisma.driftAlert.findMany({
    where: { kind: "new_variant", OR: states.map((state) => (state === "pending" ? { state, confirmAtMs: { lte: BigInt(nowMs) } } : { state })) },
    include: { entryPoint: true },
    take: 500,
  });
  return alerts.map((a) => ({
    id: a.id,
    workspaceId: a.workspaceId,
    state: a.state as SweptNewVariantAlert["state"],
    fingerprint: a.fingerprint,
    path: a.path as unknown as PathNode[],
    otherPath: a.otherPath as unknown as PathNode[],
    detectedAtMs: Number(a.detectedAtMs),
    entryPoint: entryPointRef(a.entryPoint),
  }));
}

/** Open new-variant alerts (at most 1,000 a sweep). */
export async function listOpenNewVariantAlerts(store: Store): Promise<{ id: string; fingerprint: string; entryPoint: EntryPointRef }[]> {
  const open = await store.prisma.driftAlert.findMany({ where: { kind: "new_variant", state: "open" }, include: { entryPoint: true }, take: 1_000 });
  return open.map((a) => ({ id: a.id, fingerprint: a.fingerprint, entryPoint: entryPointRef(a.entryPoint) }));
}

function entryFlowRows(store: Store, ep: Omit<EntryPointRef, "id">) {
  return store.prisma.flow.findMany({
    where: { workspaceId: ep.workspaceId, entryService: ep.entryService, entryOperation: ep.entryOperation },
    select: { id: true, fingerprint: true, path: true, occurrenceCount: true, lastSeenMs: true, hourly: true },
  });
}

/** The hourly traffic of every flow of the entry point. */
export async function readVariantTraffic(store: Store, ep: Omit<EntryPointRef, "id">): Promise<VariantTraffic[]> {
  return (await entryFlowRows(store, ep)).map((f) => ({ fingerprint: f.fingerprint, hourly: deserializeHourlyBuckets(f.hourly), lastSeenMs: Number(f.lastSeenMs) }));
}

/** Every flow of the entry point with its path and count. */
export async function readEntryPointVariants(store: Store, ep: Omit<EntryPointRef, "id">): Promise<EntryPointVariant[]> {
  return (await entryFlowRows(store, ep)).map((f) => ({
    fingerprint: f.fingerprint,
    path: f.path as unknown as PathNode[],
    occurrenceCount: f.occurrenceCount,
    lastSeenMs: Number(f.lastSeenMs),
  }));
}

/** Whether the variant still has a flow (a flow without traces is deleted). */
export async function variantHasFlow(store: Store, ep: Omit<EntryPointRef, "id">, fingerprint: string): Promise<boolean> {
  const flow = await store.prisma.flow.findUnique({
    where: { workspaceId_entryService_entryOperation_fingerprint: { workspaceId: ep.workspaceId, entryService: ep.entryService, entryOperation: ep.entryOperation, fingerprint } },
    select: { id: true },
  });
  return flow !== null;
}

/** The workspace's drift settings; null when the workspace is gone. */
export async function readWorkspaceDriftSettings(store: Store, workspaceId: string): Promise<DriftSettings | null> {
  return (await readDriftSettings(store.prisma, [workspaceId])).get(workspaceId) ?? null;
}

/** Moves an alert that is still in `from`; false when another instance (or a person) moved it first. */
export async function moveDriftAlert(store: Store, alertId: string, from: DriftAlertState, to: DriftAlertState, nowMs: number): Promise<boolean> {
  const moved = await store.prisma.driftAlert.updateMany({ where: { id: alertId, state: from }, data: { state: to, updatedAtMs: BigInt(nowMs) } });
  return moved.count > 0;
}

/** Deletes an alert that is still in `state`. */
export async function withdrawDriftAlert(store: Store, alertId: string, state: DriftAlertState): Promise<void> {
  await store.prisma.driftAlert.deleteMany({ where: { id: alertId, state } });
}

/** Creates the alert unless its variant already has one of its kind (another instance raised it first): its id, or null. */
export async function createDriftAlertOnce(store: Store, alert: NewDriftAlert): Promise<string | null> {
  const created = await store.prisma.driftAlert.create({ data: driftAlertRow(alert), select: { id: true } }).catch((error: { code?: string }) => {
    if (error.code !== "P2002") throw error;
    return null;
  });
  return created?.id ?? null;
}

export interface LearnedEntryPoint extends EntryPointRef {
  traceCount: number;
  lastTraceMs: number;
  missingCheckedMs: number;
  baselineFingerprints: string[];
  /** Its "variant missing" alerts, in any state. */
  missingAlerts: MissingVariantAlert[];
}

/** Entry points whose learning window has ended, with what the missing-variant check needs. */
export async function listLearnedEntryPoints(store: Store): Promise<LearnedEntryPoint[]> {
  const eps = await store.prisma.entryPoint.findMany({ where: { learnedAtMs: { not: null } }, include: { baseline: true, alerts: { where: { kind: "variant_missing" } } } });
  return eps.map((ep) => ({
    ...entryPointRef(ep),
    traceCount: ep.traceCount,
    lastTraceMs: Number(ep.lastTraceMs),
    missingCheckedMs: Number(ep.missingCheckedMs),
    baselineFingerprints: ep.baseline.map((b) => b.fingerprint),
    missingAlerts: ep.alerts.map((a) => ({ id: a.id, fingerprint: a.fingerprint, state: a.state, detectedTraceMs: Number(a.detectedTraceMs) })),
  }));
}

/** Complete traces of the entry point that started after `afterMs`, counted up to `limit`. */
export async function countEntryPointTracesSince(store: Store, ep: Omit<EntryPointRef, "id">, afterMs: number, limit: number): Promise<number> {
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

/** Records that the entry point was checked up to `lastTraceMs`, unless another instance did since `checkedMs` was read. */
export async function markMissingChecked(store: Store, entryPointId: string, checkedMs: number, lastTraceMs: number): Promise<void> {
  await store.prisma.entryPoint.updateMany({ where: { id: entryPointId, missingCheckedMs: BigInt(checkedMs) }, data: { missingCheckedMs: BigInt(lastTraceMs) } });
}

/** Every entry point with its trace count and the count its explanations were made at. */
export async function listEntryPointExplanationCounts(store: Store): Promise<(EntryPointRef & { traceCount: number; explainedCount: number })[]> {
  return store.prisma.entryPoint.findMany({ select: { id: true, workspaceId: true, entryService: true, entryOperation: true, traceCount: true, explainedCount: true } });
}

/** The entry point's flows, by id, fingerprint and path. */
export async function listEntryPointFlows(store: Store, ep: Omit<EntryPointRef, "id">): Promise<{ id: string; fingerprint: string; path: PathNode[] }[]> {
  const flows = await store.prisma.flow.findMany({
    where: { workspaceId: ep.workspaceId, entryService: ep.entryService, entryOperation: ep.entryOperation },
    select: { id: true, fingerprint: true, path: true },
  });
  return flows.map((f) => ({ id: f.id, fingerprint: f.fingerprint, path: f.path as unknown as PathNode[] }));
}

/** The entry attributes of up to `limit` of the flow's traces. */
export async function sampleEntryAttributes(store: Store, flowId: string, limit: number): Promise<Record<string, string>[]> {
  const traces = await store.prisma.traceFlow.findMany({ where: { flowId }, select: { entryAttributes: true }, take: limit });
  return traces.map((t) => (t.entryAttributes ?? {}) as Record<string, string>);
}

export async function saveExplanations(store: Store, entryPointId: string, explanations: readonly VariantExplanation[], explainedCount: number): Promise<void> {
  await store.prisma.entryPoint.update({ where: { id: entryPointId }, data: { explanations: explanations as never, explainedCount } });
}
