const MINUTE_MS = 60_000;
// Widths a person reads at a glance: whole minutes, hours or days.
const STEPS_MS = [1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * MINUTE_MS);

/** The narrowest round bucket width that splits a range into at most `maxBuckets` buckets. */
export function usageBucketMs(rangeMs: number, maxBuckets = 48): number {
  const wanted = rangeMs / maxBuckets;
  return STEPS_MS.find((step) => step >= wanted) ?? Math.ceil(wanted / (1440 * MINUTE_MS)) * 1440 * MINUTE_MS;
}
