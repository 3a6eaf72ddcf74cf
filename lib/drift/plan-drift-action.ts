// What accepting or dismissing a drift alert does. Accepting a new variant adds it to its entry
// point's baseline; accepting a missing one takes the missing variant out of the baseline. Both
// are idempotent; dismissing an accepted alert is refused (accepting changed the baseline),
// while a dismissed alert may still be accepted.
import type { DriftAlertState } from "./drift-alert";

export type DriftAction = "accept" | "dismiss";

const TARGET: Record<DriftAction, DriftAlertState> = { accept: "accepted", dismiss: "dismissed" };
const ALLOWED_FROM: Record<DriftAction, readonly string[]> = { accept: ["open", "rare", "dismissed"], dismiss: ["open", "rare"] };

/**
 * add_to_baseline: the new variant becomes an accepted baseline variant. remove_from_baseline:
 * the missing variant leaves the baseline, and its answered new-variant alert (accepted or
 * dismissed) goes too, so its return raises a new alert.
 */
export type BaselineChange = "add_to_baseline" | "remove_from_baseline";

/** Answered new-variant alerts of a variant that left the baseline: removed so it can alert again. */
export const ANSWERED_ALERT_STATES: readonly DriftAlertState[] = ["accepted", "dismissed"];

export type DriftActionPlan<A> =
  | { kind: "not_found" }
  | { kind: "done" }
  | { kind: "conflict"; state: string }
  | { kind: "move"; alert: A; from: string; to: DriftAlertState; baseline: BaselineChange | null };

export function planDriftAction<A extends { kind: string; state: string }>(alert: A | null, action: DriftAction): DriftActionPlan<A> {
  // Pending alerts are still waiting for late spans: not shown, not actionable.
  if (!alert || alert.state === "pending") return { kind: "not_found" };
  const to = TARGET[action];
  if (alert.state === to) return { kind: "done" };
  if (!ALLOWED_FROM[action].includes(alert.state)) return { kind: "conflict", state: alert.state };
  const baseline = action !== "accept" ? null : alert.kind === "new_variant" ? "add_to_baseline" : alert.kind === "variant_missing" ? "remove_from_baseline" : null;
  return { kind: "move", alert, from: alert.state, to, baseline };
}
