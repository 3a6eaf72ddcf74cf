// Drift's half of a completion round, decided without I/O: counts each entry point's traces,
// learns variants into the baseline during the learning window, and after it raises a pending
// alert for a variant the baseline does not hold (once per variant). Pending alerts wait
// drift_confirm_ms for late spans before the drift sweep opens them. The store reads the
// states, this plans, and the store applies the plan in the round's transaction.
import type { PathNode } from "../traces/path-node";
import { closestPath } from "./diff-paths";
import type { DriftAlertState, NewDriftAlert } from "./drift-alert";
import { DEFAULT_DRIFT_SETTINGS, type DriftSettings } from "./drift-settings";
import { isInLearningWindow } from "./learning-window";

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

export const entryPointKeyOf = (k: EntryPointKey) => `${k.workspaceId}\u0000${k.entryService}\u0000${k.entryOperation}`;

/**
 * Every entry point the change touches, once, with the trace time an entry point seen for the
 * first time starts at: its earliest added trace, else `nowMs`.
 */
export function touchedEntryPoints(change: EntryTrafficChange, nowMs: number): (EntryPointKey & { firstTraceMs: number })[] {
  const touched = new Map<string, EntryPointKey & { firstTraceMs: number }>();
  for (const k of [...change.added, ...change.removed, ...change.emptied]) {
    const key = entryPointKeyOf(k);
    if (!touched.has(key)) touched.set(key, { workspaceId: k.workspaceId, entryService: k.entryService, entryOperation: k.entryOperation, firstTraceMs: Infinity });
  }
  for (const a of change.added) {
    const entry = touched.get(entryPointKeyOf(a))!;
    entry.firstTraceMs = Math.min(entry.firstTraceMs, a.traceMs);
  }
  return [...touched.values()].map((entry) => (entry.firstTraceMs === Infinity ? { ...entry, firstTraceMs: nowMs } : entry));
}

/** What the round needs to know of an entry point, as stored before it. */
export interface EntryPointTrafficState extends EntryPointKey {
  id: string;
  /** Trace time (epoch ms) of its first and latest trace. */
  firstTraceMs: number;
  lastTraceMs: number;
  traceCount: number;
  /** When its learning window ended (wall clock), null while it is still learning. */
  learnedAtMs: number | null;
  baseline: readonly { fingerprint: string; path: readonly PathNode[]; source: string }[];
  /** Variants that already have a new-variant alert, in any state. */
  alertedFingerprints: readonly string[];
}

export type DriftTrafficSettings = Pick<DriftSettings, "learningMs" | "learningTraces" | "confirmMs">;

/** New-variant alerts in these states are withdrawn when their variant turns out to have been an incomplete trace. */
export const WITHDRAWN_WITH_VARIANT: readonly DriftAlertState[] = ["pending", "open", "rare"];

export interface EntryPointTrafficPlan {
  /** Learned baseline variants whose flow is gone; accepted ones are never unlearned. */
  unlearn: { entryPointId: string; fingerprint: string }[];
  /** New-variant alerts of emptied flows, withdrawn when in one of `states`. */
  withdrawAlerts: { entryPointId: string; fingerprint: string; states: readonly DriftAlertState[] }[];
  /** Variants seen during the learning window, added to the baseline as learned. */
  learn: { entryPointId: string; fingerprint: string; path: readonly PathNode[] }[];
  /** Pending new-variant alerts, in trace-time order. */
  alerts: NewDriftAlert[];
  /** The new counters of every entry point whose traffic changed. */
  entryPoints: { id: string; traceCount: number; firstTraceMs: number; lastTraceMs: number; learnedAtMs: number | null }[];
}

interface Working {
  state: EntryPointTrafficState;
  firstTraceMs: number;
  lastTraceMs: number;
  traceCount: number;
  learnedAtMs: number | null;
  baseline: Map<string, { path: readonly PathNode[]; source: string }>;
  alerted: Set<string>;
  dirty: boolean;
}

/**
 * `states` must hold every entry point of `touchedEntryPoints(change)`; `settings` is by
 * workspace id (a missing workspace gets the defaults).
 */
export function planEntryPointTraffic(
  states: readonly EntryPointTrafficState[],
  change: EntryTrafficChange,
  nowMs: number,
  settings: ReadonlyMap<string, DriftTrafficSettings>,
): EntryPointTrafficPlan {
  const working = new Map<string, Working>();
  for (const state of states) {
    working.set(entryPointKeyOf(state), {
      state,
      firstTraceMs: state.firstTraceMs,
      lastTraceMs: state.lastTraceMs,
      traceCount: state.traceCount,
      learnedAtMs: state.learnedAtMs,
      baseline: new Map(state.baseline.map((b) => [b.fingerprint, { path: b.path, source: b.source }])),
      alerted: new Set(state.alertedFingerprints),
      dirty: false,
    });
  }
  const of = (k: EntryPointKey): Working => {
    const w = working.get(entryPointKeyOf(k));
    if (!w) throw new Error(`no state for entry point ${k.entryService} ${k.entryOperation} of workspace ${k.workspaceId}`);
    return w;
  };
  const plan: EntryPointTrafficPlan = { unlearn: [], withdrawAlerts: [], learn: [], alerts: [], entryPoints: [] };

  for (const r of change.removed) {
    const w = of(r);
    w.traceCount = Math.max(0, w.traceCount - 1);
    w.dirty = true;
  }
  for (const e of change.emptied) {
    const w = of(e);
    if (w.baseline.get(e.fingerprint)?.source === "learned") {
      plan.unlearn.push({ entryPointId: w.state.id, fingerprint: e.fingerprint });
      w.baseline.delete(e.fingerprint);
    }
    // The variant existed only while a trace was incomplete: its alert is withdrawn, not left open.
    plan.withdrawAlerts.push({ entryPointId: w.state.id, fingerprint: e.fingerprint, states: WITHDRAWN_WITH_VARIANT });
    w.alerted.delete(e.fingerprint);
  }
  // Trace-time order, so a round of replayed traffic learns and alerts as it would have live.
  const added = [...change.added].sort((a, b) => a.traceMs - b.traceMs);
  for (const a of added) {
    const w = of(a);
    const ws = settings.get(a.workspaceId) ?? DEFAULT_DRIFT_SETTINGS;
    const tracesBefore = w.traceCount;
    w.firstTraceMs = tracesBefore === 0 ? a.traceMs : Math.min(w.firstTraceMs, a.traceMs);
    w.lastTraceMs = tracesBefore === 0 ? a.traceMs : Math.max(w.lastTraceMs, a.traceMs);
    w.traceCount++;
    w.dirty = true;
    const learning = w.learnedAtMs === null && isInLearningWindow({ firstTraceMs: w.firstTraceMs, tracesBefore }, a.traceMs, ws);
    // Once learned, an entry point stays learned: late spans lowering its count do not reopen the window.
    if (!learning && w.learnedAtMs === null) w.learnedAtMs = nowMs;
    if (w.baseline.has(a.fingerprint)) continue;
    if (learning) {
      plan.learn.push({ entryPointId: w.state.id, fingerprint: a.fingerprint, path: a.path });
      w.baseline.set(a.fingerprint, { path: a.path, source: "learned" });
      continue;
    }
    if (w.alerted.has(a.fingerprint)) continue;
    // Baseline in fingerprint order, so ties fall the same way on every store.
    const closest = closestPath(a.path, [...w.baseline.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)), ([, b]) => b.path);
    plan.alerts.push({
      workspaceId: a.workspaceId,
      entryPointId: w.state.id,
      kind: "new_variant",
      state: "pending",
      fingerprint: a.fingerprint,
      path: a.path,
      otherFingerprint: closest?.[0] ?? null,
      otherPath: closest?.[1].path ?? [],
      detectedAtMs: nowMs,
      confirmAtMs: nowMs + ws.confirmMs,
      updatedAtMs: nowMs,
      detectedTraceMs: a.traceMs,
      entryCountAtDetection: tracesBefore,
    });
    w.alerted.add(a.fingerprint);
  }
  for (const w of working.values()) {
    if (!w.dirty) continue;
    plan.entryPoints.push({ id: w.state.id, traceCount: w.traceCount, firstTraceMs: w.firstTraceMs, lastTraceMs: w.lastTraceMs, learnedAtMs: w.learnedAtMs });
  }
  return plan;
}
