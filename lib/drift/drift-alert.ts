// The drift alert's vocabulary, shared by the pure planners and the store that applies their
// plans: what kinds and states there are, and an alert as a planner asks for it to be created.
import type { PathNode } from "../traces/path-node";

export type DriftAlertKind = "new_variant" | "variant_missing";

/**
 * pending: a new variant waiting drift_confirm_ms for late spans, not shown yet; open: shown and
 * actionable; rare: a new variant carrying a sliver of its entry point's traffic, shown apart;
 * accepted and dismissed: a person's answer.
 */
export type DriftAlertState = "pending" | "open" | "rare" | "accepted" | "dismissed";

/** An alert a planner decided to raise; the store gives it its id. All times are epoch ms. */
export interface NewDriftAlert {
  workspaceId: string;
  entryPointId: string;
  kind: DriftAlertKind;
  state: DriftAlertState;
  /** The variant the alert is about: the new one, or the missing one. */
  fingerprint: string;
  path: readonly PathNode[];
  /** The variant compared with: the closest baseline variant, or the variant traffic moved to. */
  otherFingerprint: string | null;
  otherPath: readonly PathNode[];
  /** Wall clock. */
  detectedAtMs: number;
  confirmAtMs: number;
  updatedAtMs: number;
  /** Trace time: the detecting trace's start, or for a missing variant the start of its last trace. */
  detectedTraceMs: number;
  /** The entry point's trace count before the detection (for a missing variant: when it was last seen). */
  entryCountAtDetection: number;
}
