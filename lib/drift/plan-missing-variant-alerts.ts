// "Variant missing" alerts, planned for the drift sweep: a common baseline variant of a learned
// entry point that stopped appearing while the entry point's traffic went on, and the alert's
// withdrawal when the variant comes back. Deciding needs one count from the store in between
// (the entry point's traces since the variant was last seen), hence two steps.
import type { PathNode } from "../traces/path-node";
import type { NewDriftAlert } from "./drift-alert";
import { findMissingCandidates, type MissingCandidate } from "./missing-variants";

/** A flow of the entry point. */
export interface EntryPointVariant {
  fingerprint: string;
  path: readonly PathNode[];
  occurrenceCount: number;
  /** Start of its latest trace, epoch ms. */
  lastSeenMs: number;
}

export interface MissingCheckEntryPoint {
  id: string;
  workspaceId: string;
  traceCount: number;
  /** Start of its latest trace, epoch ms. */
  lastTraceMs: number;
  /** `lastTraceMs` at the previous check. */
  missingCheckedMs: number;
  baselineFingerprints: readonly string[];
}

/** An existing "variant missing" alert of the entry point, in any state. */
export interface MissingVariantAlert {
  id: string;
  fingerprint: string;
  state: string;
  /** Start of the variant's last trace when the alert was raised, epoch ms. */
  detectedTraceMs: number;
}

/** Entry point traces since a candidate was last seen are counted exactly up to at least this many. */
export const MISSING_COUNT_BOUND = 100_000;

/** Nothing new since the last look: nothing can have gone missing, nothing came back. */
export function isMissingCheckDue(ep: Pick<MissingCheckEntryPoint, "lastTraceMs" | "missingCheckedMs">): boolean {
  return ep.lastTraceMs > ep.missingCheckedMs;
}

export interface MissingVariantCheck {
  /** Ids of open alerts whose variant came back: the change they reported is over. */
  withdraw: string[];
  /**
   * Variants that may be missing and have no alert yet, each with how far to count the entry
   * point's traces since it was last seen (exact up to there: the count becomes the alert's
   * occurrences).
   */
  candidates: (MissingCandidate & { countUpTo: number })[];
}

export function planMissingVariantCheck(
  ep: MissingCheckEntryPoint,
  flows: readonly EntryPointVariant[],
  alerts: readonly MissingVariantAlert[],
  missingMs: number,
): MissingVariantCheck {
  const byFingerprint = new Map(flows.map((f) => [f.fingerprint, f]));
  const withdraw = alerts.filter((alert) => {
    const flow = byFingerprint.get(alert.fingerprint);
    return alert.state === "open" && flow !== undefined && flow.lastSeenMs > alert.detectedTraceMs;
  });
  // One alert per variant, whatever its state: an accepted or dismissed one is an answer.
  const alerted = new Set(alerts.map((a) => a.fingerprint));
  const baseline = ep.baselineFingerprints.flatMap((fingerprint) => {
    const flow = byFingerprint.get(fingerprint);
    return flow ? [{ fingerprint, count: flow.occurrenceCount, lastSeenMs: flow.lastSeenMs }] : [];
  });
  const candidates = findMissingCandidates(baseline, { traceCount: ep.traceCount, lastTraceMs: ep.lastTraceMs }, missingMs)
    .filter((c) => !alerted.has(c.fingerprint))
    .map((c) => ({ ...c, countUpTo: Math.max(c.tracesNeeded, MISSING_COUNT_BOUND) }));
  return { withdraw: withdraw.map((a) => a.id), candidates };
}

/** Where the traffic went: the busiest variant seen since the missing one was last seen (ties by fingerprint). */
export function successorOf(flows: readonly EntryPointVariant[], missing: { fingerprint: string; lastSeenMs: number }): EntryPointVariant | undefined {
  return flows
    .filter((f) => f.fingerprint !== missing.fingerprint && f.lastSeenMs > missing.lastSeenMs)
    .sort((a, b) => b.occurrenceCount - a.occurrenceCount || (a.fingerprint < b.fingerprint ? -1 : 1))[0];
}

/**
 * The alert for a candidate once the entry point's traces since it was last seen are counted:
 * null while there are too few for its absence to be significant.
 */
export function missingVariantAlert(
  ep: Pick<MissingCheckEntryPoint, "id" | "workspaceId" | "traceCount">,
  flows: readonly EntryPointVariant[],
  candidate: MissingCandidate,
  tracesSince: number,
  nowMs: number,
): NewDriftAlert | null {
  if (tracesSince < candidate.tracesNeeded) return null;
  const missing = flows.find((f) => f.fingerprint === candidate.fingerprint);
  if (!missing) throw new Error(`missing variant ${candidate.fingerprint} is not a flow of entry point ${ep.id}`);
  const successor = successorOf(flows, candidate);
  return {
    workspaceId: ep.workspaceId,
    entryPointId: ep.id,
    kind: "variant_missing",
    state: "open",
    fingerprint: candidate.fingerprint,
    path: missing.path,
    otherFingerprint: successor?.fingerprint ?? null,
    otherPath: successor?.path ?? [],
    detectedAtMs: nowMs,
    confirmAtMs: nowMs,
    updatedAtMs: nowMs,
    // The start of its last trace, so its return can be told.
    detectedTraceMs: candidate.lastSeenMs,
    // The count when the variant was last seen: occurrences are the traces without it since.
    entryCountAtDetection: Math.max(0, ep.traceCount - tracesSince),
  };
}
