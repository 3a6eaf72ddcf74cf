// Drift's half of a completion round, inside its transaction: counts each entry point's traces,
// learns variants into the baseline during the learning window, and after it opens a pending
// alert for a variant the baseline does not hold (once per variant). Pending alerts wait
// drift_confirm_ms for late spans before the sweep (lib/store/drift-sweep.ts) opens them.
import { randomUUID } from "node:crypto";
import { closestPath } from "../drift/diff-paths";
import { isInLearningWindow } from "../drift/learning-window";
import type { PathNode } from "../traces/path-node";
import type { Dialect } from "./db";
import type { Prisma } from "./generated/sqlite/client";

type Tx = Prisma.TransactionClient;

export interface EntryPointKey {
  workspaceId: string;
  entryService: string;
  entryOperation: string;
}

export interface EntryTrafficChange {
  /** Traces newly attributed to a variant (in any order). */
  added: (EntryPointKey & { fingerprint: string; path: readonly PathNode[]; traceMs: number })[];
  /** Traces taken back from an entry point (late spans moved them). */
  removed: EntryPointKey[];
  /** Flows left without traces: a learned variant that only an incomplete trace had is unlearned. */
  emptied: (EntryPointKey & { fingerprint: string })[];
}

const keyOf = (k: EntryPointKey) => `${k.workspaceId}\u0000${k.entryService}\u0000${k.entryOperation}`;

interface EntryState {
  id: string;
  firstTraceMs: number;
  lastTraceMs: number;
  traceCount: number;
  learnedAtMs: number | null;
  baseline: Map<string, { path: readonly PathNode[]; source: string }>;
  alerted: Set<string>;
  dirty: boolean;
}

export async function recordEntryPointTraffic(tx: Tx, dialect: Dialect, change: EntryTrafficChange, nowMs: number): Promise<void> {
  const keys = new Map<string, EntryPointKey>();
  for (const k of [...change.added, ...change.removed, ...change.emptied]) {
    keys.set(keyOf(k), { workspaceId: k.workspaceId, entryService: k.entryService, entryOperation: k.entryOperation });
  }
  if (keys.size === 0) return;

  const firstMs = new Map<string, number>();
  for (const a of change.added) firstMs.set(keyOf(a), Math.min(firstMs.get(keyOf(a)) ?? Infinity, a.traceMs));
  for (const [key, k] of keys) {
    const first = BigInt(Math.trunc(firstMs.get(key) ?? nowMs));
    await tx.entryPoint.upsert({
      where: { workspaceId_entryService_entryOperation: k },
      create: { id: randomUUID(), ...k, firstTraceMs: first, lastTraceMs: first, traceCount: 0 },
      update: {},
      select: { id: true },
    });
  }
  const where = { OR: [...keys.values()].map((k) => ({ workspaceId: k.workspaceId, entryService: k.entryService, entryOperation: k.entryOperation })) };
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
  const states = new Map<string, EntryState>();
  for (const row of rows) {
    states.set(keyOf(row), {
      id: row.id,
      firstTraceMs: Number(row.firstTraceMs),
      lastTraceMs: Number(row.lastTraceMs),
      traceCount: row.traceCount,
      learnedAtMs: row.learnedAtMs === null ? null : Number(row.learnedAtMs),
      baseline: new Map(row.baseline.map((b) => [b.fingerprint, { path: b.path as unknown as PathNode[], source: b.source }])),
      alerted: new Set(row.alerts.map((a) => a.fingerprint)),
      dirty: false,
    });
  }
  const settings = new Map(
    (
      await tx.workspace.findMany({
        where: { id: { in: [...new Set([...keys.values()].map((k) => k.workspaceId))] } },
        select: { id: true, driftLearningMs: true, driftLearningTraces: true, driftConfirmMs: true },
      })
    ).map((w) => [w.id, w]),
  );

  for (const r of change.removed) {
    const state = states.get(keyOf(r))!;
    state.traceCount = Math.max(0, state.traceCount - 1);
    state.dirty = true;
  }
  for (const e of change.emptied) {
    const state = states.get(keyOf(e))!;
    await tx.baselineVariant.deleteMany({ where: { entryPointId: state.id, fingerprint: e.fingerprint, source: "learned" } });
    // The variant existed only while a trace was incomplete: its alert is withdrawn, not left open.
    await tx.driftAlert.deleteMany({ where: { entryPointId: state.id, kind: "new_variant", fingerprint: e.fingerprint, state: { in: ["pending", "open", "rare"] } } });
    if (state.baseline.get(e.fingerprint)?.source === "learned") state.baseline.delete(e.fingerprint);
    state.alerted.delete(e.fingerprint);
  }
  // Trace-time order, so a round of replayed traffic learns and alerts as it would have live.
  const added = [...change.added].sort((a, b) => a.traceMs - b.traceMs);
  for (const a of added) {
    const state = states.get(keyOf(a))!;
    const ws = settings.get(a.workspaceId);
    const tracesBefore = state.traceCount;
    if (tracesBefore === 0 || a.traceMs < state.firstTraceMs) state.firstTraceMs = tracesBefore === 0 ? a.traceMs : Math.min(state.firstTraceMs, a.traceMs);
    state.lastTraceMs = tracesBefore === 0 ? a.traceMs : Math.max(state.lastTraceMs, a.traceMs);
    state.traceCount++;
    state.dirty = true;
    const learning =
      state.learnedAtMs === null &&
      isInLearningWindow({ firstTraceMs: state.firstTraceMs, tracesBefore }, a.traceMs, {
        learningMs: ws?.driftLearningMs ?? 86_400_000,
        learningTraces: ws?.driftLearningTraces ?? 100,
      });
    // Once learned, an entry point stays learned: late spans lowering its count do not reopen the window.
    if (!learning && state.learnedAtMs === null) state.learnedAtMs = nowMs;
    if (state.baseline.has(a.fingerprint)) continue;
    if (learning) {
      await tx.baselineVariant.create({ data: { entryPointId: state.id, fingerprint: a.fingerprint, path: a.path as never, source: "learned", acceptedAtMs: BigInt(nowMs) } });
      state.baseline.set(a.fingerprint, { path: a.path, source: "learned" });
      continue;
    }
    if (state.alerted.has(a.fingerprint)) continue;
    // Baseline in fingerprint order, so ties fall the same way on every store.
    const closest = closestPath(a.path, [...state.baseline.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)), ([, b]) => b.path);
    await tx.driftAlert.create({
      data: {
        id: randomUUID(),
        workspaceId: a.workspaceId,
        entryPointId: state.id,
        kind: "new_variant",
        state: "pending",
        fingerprint: a.fingerprint,
        path: a.path as never,
        otherFingerprint: closest?.[0] ?? null,
        otherPath: (closest?.[1].path ?? []) as never,
        detectedAtMs: BigInt(nowMs),
        confirmAtMs: BigInt(nowMs + (ws?.driftConfirmMs ?? 60_000)),
        updatedAtMs: BigInt(nowMs),
        detectedTraceMs: BigInt(Math.trunc(a.traceMs)),
        entryCountAtDetection: tracesBefore,
      },
    });
    state.alerted.add(a.fingerprint);
  }
  for (const state of states.values()) {
    if (!state.dirty) continue;
    await tx.entryPoint.update({
      where: { id: state.id },
      data: {
        traceCount: state.traceCount,
        firstTraceMs: BigInt(Math.trunc(state.firstTraceMs)),
        lastTraceMs: BigInt(Math.trunc(state.lastTraceMs)),
        learnedAtMs: state.learnedAtMs === null ? null : BigInt(state.learnedAtMs),
      },
    });
  }
}
