// A workspace's drift settings (the drift_* columns, edited through settings/telemetry), as the
// drift planners read them.
import type { LearningSettings } from "./learning-window";

export interface DriftSettings extends LearningSettings {
  /** How long a new variant's alert waits for late spans before it may open. */
  confirmMs: number;
  /** A baseline variant unseen for this long (trace time) while its entry point has traffic is missing. */
  missingMs: number;
  /** A new variant carrying at most this share of its entry point's traffic is rare. */
  rareRatio: number;
}

/** The columns' defaults, for a workspace whose row is gone while its traffic is judged. */
export const DEFAULT_DRIFT_SETTINGS: DriftSettings = { learningMs: 86_400_000, learningTraces: 100, confirmMs: 60_000, missingMs: 3_600_000, rareRatio: 0.0001 };
