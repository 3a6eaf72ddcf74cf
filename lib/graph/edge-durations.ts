// An edge's call durations as DDSketch bucket counts (the buckets of lib/flows/duration-sketch),
// so the graph can answer an exact-rank P95 per edge, and per service pair or node once edges
// are added up, while staying a sum that merges and subtracts exactly.
import { durationBucketKey, durationQuantileMs, type DurationSketch } from "../flows/duration-sketch";
import type { GraphEdge } from "./graph-types";

/** Mutable bucket counts, keyed by DDSketch bucket key. */
export interface DurationTally {
  buckets: Map<number, number>;
  zeroCount: number;
}

export function emptyDurationTally(): DurationTally {
  return { buckets: new Map(), zeroCount: 0 };
}

/** Counts one call of `durationUs` whole microseconds. */
export function tallyDurationUs(tally: DurationTally, durationUs: number): void {
  const key = durationBucketKey(durationUs / 1000);
  if (key === null) tally.zeroCount += 1;
  else tally.buckets.set(key, (tally.buckets.get(key) ?? 0) + 1);
}

/** A fresh tally of a stored edge's durations; an edge stored without them has none. */
export function readDurationTally(edge: Pick<GraphEdge, "durationBuckets" | "zeroDurationCount">): DurationTally {
  const tally = emptyDurationTally();
  addStoredDurations(tally, edge);
  return tally;
}

/** Adds a stored edge's durations to `tally`. */
export function addStoredDurations(tally: DurationTally, edge: Pick<GraphEdge, "durationBuckets" | "zeroDurationCount">): void {
  tally.zeroCount += edge.zeroDurationCount ?? 0;
  for (const [key, count] of Object.entries(edge.durationBuckets ?? {})) {
    const bucket = Number(key);
    tally.buckets.set(bucket, (tally.buckets.get(bucket) ?? 0) + count);
  }
}

/**
 * Takes a stored edge's durations out of `tally`. Throws RangeError when a bucket would go
 * below zero: those calls were never added, and the caller's graph is inconsistent.
 */
export function subtractStoredDurations(tally: DurationTally, edge: Pick<GraphEdge, "id" | "durationBuckets" | "zeroDurationCount">): void {
  const zeroCount = tally.zeroCount - (edge.zeroDurationCount ?? 0);
  if (zeroCount < 0) throw new RangeError(`cannot take zero-length calls out of edge ${edge.id}: not recorded`);
  tally.zeroCount = zeroCount;
  for (const [key, count] of Object.entries(edge.durationBuckets ?? {})) {
    const bucket = Number(key);
    const left = (tally.buckets.get(bucket) ?? 0) - count;
    if (left < 0) throw new RangeError(`cannot take durations in bucket ${key} out of edge ${edge.id}: not recorded`);
    if (left === 0) tally.buckets.delete(bucket);
    else tally.buckets.set(bucket, left);
  }
}

/** Calls whose duration the tally holds. */
export function countDurations(tally: DurationTally): number {
  let count = tally.zeroCount;
  for (const n of tally.buckets.values()) count += n;
  return count;
}

/** The stored form: buckets in ascending key order, so equal tallies give equal JSON text. */
export function storeDurationTally(tally: DurationTally): { durationBuckets: Record<string, number>; zeroDurationCount: number } {
  const keys = [...tally.buckets.keys()].sort((a, b) => a - b);
  return {
    durationBuckets: Object.fromEntries(keys.filter((k) => tally.buckets.get(k)! > 0).map((k) => [String(k), tally.buckets.get(k)!])),
    zeroDurationCount: tally.zeroCount,
  };
}

/**
 * The duration at `quantile` of the calls the tally holds, by DDSketch's rank rule (within 1%
 * of a recorded duration), or null when it holds none.
 */
export function durationTallyQuantileMs(tally: DurationTally, quantile: number): number | null {
  const count = countDurations(tally);
  if (count === 0) return null;
  const sketch: DurationSketch = { count, zeroCount: tally.zeroCount, bins: tally.buckets };
  return durationQuantileMs(sketch, quantile);
}
