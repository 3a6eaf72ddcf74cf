// What the drift sweep does with a new-variant alert. A pending alert opens once its wait for
// late spans is over, as rare when its variant is a sliver of its entry point's traffic; a
// rare alert opens when its variant grows; an alert whose variant has no trace left (it was
// an incomplete trace) is withdrawn. An open alert has been shown: it never turns rare again.
import type { HourlyBuckets } from "../flows/hourly-buckets";
import { isRareShare, variantShareInWindow } from "./variant-share";

/** How far back from its latest trace a new variant's share of traffic is measured. */
export const RARE_WINDOW_MS = 24 * 3_600_000;

/** A flow of the alert's entry point, as the share needs it. */
export interface VariantTraffic {
  fingerprint: string;
  hourly: HourlyBuckets;
  /** Start of its latest trace, epoch ms. */
  lastSeenMs: number;
}

export type NewVariantVerdict = { kind: "withdraw" } | { kind: "stay" } | { kind: "move"; to: "open" | "rare" };

/** The variant's share of its entry point's traces from RARE_WINDOW_MS before its latest trace on. */
export function newVariantShare(variant: VariantTraffic, entryFlows: readonly VariantTraffic[]): number {
  // The window reaches back from the variant's latest trace: replayed or backfilled traffic is
  // judged against the traffic of its own time, not of today.
  return variantShareInWindow(
    variant.hourly,
    entryFlows.map((f) => f.hourly),
    variant.lastSeenMs,
    RARE_WINDOW_MS,
  ).share;
}

/**
 * A pending alert that is due, or a rare one. `entryFlows` are all flows of its entry point
 * (the variant's own among them when it still has traces).
 */
export function judgeNewVariantAlert(alert: { state: "pending" | "rare"; fingerprint: string }, entryFlows: readonly VariantTraffic[], rareRatio: number): NewVariantVerdict {
  const variant = entryFlows.find((f) => f.fingerprint === alert.fingerprint);
  if (!variant) return { kind: "withdraw" };
  const next = isRareShare(newVariantShare(variant, entryFlows), rareRatio) ? "rare" : "open";
  return next === alert.state ? { kind: "stay" } : { kind: "move", to: next };
}

/** An open alert stays open until someone answers it, unless its variant lost every trace. */
export function judgeOpenNewVariantAlert(variantHasTraces: boolean): NewVariantVerdict {
  return variantHasTraces ? { kind: "stay" } : { kind: "withdraw" };
}
