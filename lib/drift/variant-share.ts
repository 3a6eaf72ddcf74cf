// A variant's share of its entry point's traffic within a trailing window, from the flows'
// hourly buckets: what tells a rare new variant (one trace in 10,000) from a real change.
import { hourBucketStartMs, type HourlyBuckets } from "../flows/hourly-buckets";

function countSince(hourly: HourlyBuckets, fromBucketMs: number): number {
  let n = 0;
  for (const [startMs, bucket] of hourly.buckets) if (startMs >= fromBucketMs) n += bucket.count;
  return n;
}

/**
 * Traces of the variant and of the whole entry point (`entryFlows` includes the variant's own
 * flow) from `windowMs` before `endMs` on. Hour granularity: the window starts at the
 * beginning of the hour it reaches into.
 */
export function variantShareInWindow(variant: HourlyBuckets, entryFlows: readonly HourlyBuckets[], endMs: number, windowMs: number) {
  const from = hourBucketStartMs(endMs - windowMs);
  const variantTraces = countSince(variant, from);
  const entryTraces = entryFlows.reduce((sum, hourly) => sum + countSince(hourly, from), 0);
  return { variantTraces, entryTraces, share: entryTraces === 0 ? 0 : variantTraces / entryTraces };
}

/** Rare: at most `rareRatio` of the traffic, e.g. one trace in 10,000 with the default 0.0001. */
export function isRareShare(share: number, rareRatio: number): boolean {
  return share <= rareRatio;
}
