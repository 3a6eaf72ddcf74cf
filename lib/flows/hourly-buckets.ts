// A flow's traffic per clock hour (UTC hours of epoch time): count, errors and a duration
// sketch per hour, for the occurrence, error-rate and P95 charts. Same exact add/remove/merge
// design as flow-stats.ts, plus a retention bound: only the `maxBuckets` most recent hours with
// traffic are kept (by bucket start, not by wall clock, so a pure function needs no "now").
//
// Retention is the one place where removal cannot be exact: once an hour has been dropped, its
// traces are gone, so removing one of them is a no-op rather than an error. Inside a kept hour,
// removal is exact like everywhere else.

import {
  addDurations,
  deserializeDurationSketch,
  durationQuantileMs,
  emptyDurationSketch,
  mergeDurationSketches,
  removeDuration,
  serializeDurationSketch,
  type DurationSketch,
} from "./duration-sketch";
import type { TraceObservation } from "./flow-stats";
import { readArray, readCount, readRecord, readString, readVersion, StatsDecodeError } from "./flow-stats-json";

export const HOUR_MS = 3_600_000;

/** 30 days of hours. */
export const DEFAULT_MAX_HOURLY_BUCKETS = 24 * 30;

export interface HourlyBucket {
  readonly count: number;
  /** Traces with at least one error span. */
  readonly errorCount: number;
  readonly durationSketch: DurationSketch;
}

export interface HourlyBuckets {
  /** How many hours (the most recent with traffic) are kept. */
  readonly maxBuckets: number;
  /** Bucket start (epoch ms, a multiple of HOUR_MS) -> its statistics; only hours with traffic. */
  readonly buckets: ReadonlyMap<number, HourlyBucket>;
}

export interface HourlyBucketSummary {
  readonly startMs: number;
  readonly count: number;
  readonly errorCount: number;
  readonly errorRate: number;
  readonly p95DurationMs: number;
}

/** The start of the hour `atMs` falls in: floor(atMs / 3600000) * 3600000. */
export function hourBucketStartMs(atMs: number): number {
  if (!Number.isFinite(atMs)) throw new RangeError(`atMs must be a finite epoch time in ms, got ${atMs}`);
  // `+ 0` turns -0 (from times just before the epoch's first hour) into 0.
  return Math.floor(atMs / HOUR_MS) * HOUR_MS + 0;
}

export function emptyHourlyBuckets(maxBuckets: number = DEFAULT_MAX_HOURLY_BUCKETS): HourlyBuckets {
  if (!Number.isSafeInteger(maxBuckets) || maxBuckets < 1) {
    throw new RangeError(`maxBuckets must be a positive integer, got ${maxBuckets}`);
  }
  return { maxBuckets, buckets: new Map() };
}

export function addTraceToHourlyBuckets(hourly: HourlyBuckets, trace: TraceObservation): HourlyBuckets {
  return addTracesToHourlyBuckets(hourly, [trace]);
}

/**
 * Adds a batch of traces. A trace older than every kept hour while all maxBuckets hours are
 * taken is dropped, exactly as if its hour had been added and aged out at once.
 */
export function addTracesToHourlyBuckets(hourly: HourlyBuckets, traces: readonly TraceObservation[]): HourlyBuckets {
  if (traces.length === 0) return hourly;
  const groups = new Map<number, TraceObservation[]>();
  for (const trace of traces) {
    const startMs = hourBucketStartMs(trace.atMs);
    const group = groups.get(startMs);
    if (group === undefined) groups.set(startMs, [trace]);
    else group.push(trace);
  }
  const buckets = new Map(hourly.buckets);
  for (const [startMs, group] of groups) {
    const bucket = hourly.buckets.get(startMs);
    buckets.set(startMs, {
      count: (bucket?.count ?? 0) + group.length,
      errorCount: (bucket?.errorCount ?? 0) + group.filter((trace) => trace.hasError).length,
      durationSketch: addDurations(
        bucket?.durationSketch ?? emptyDurationSketch(),
        group.map((trace) => trace.durationMs),
      ),
    });
  }
  return { maxBuckets: hourly.maxBuckets, buckets: keepMostRecent(buckets, hourly.maxBuckets) };
}

/**
 * Takes back one trace added before, passed with the same values. A no-op when its hour is no
 * longer kept (aged out); throws RangeError when its kept hour has no room for it (never added).
 */
export function removeTraceFromHourlyBuckets(hourly: HourlyBuckets, trace: TraceObservation): HourlyBuckets {
  const startMs = hourBucketStartMs(trace.atMs);
  const bucket = hourly.buckets.get(startMs);
  if (bucket === undefined) return hourly;
  if (trace.hasError && bucket.errorCount === 0) {
    throw new RangeError(`cannot remove an error trace from hour ${startMs}: it counts no errors`);
  }
  const durationSketch = removeDuration(bucket.durationSketch, trace.durationMs);
  const buckets = new Map(hourly.buckets);
  if (bucket.count === 1) {
    buckets.delete(startMs);
  } else {
    buckets.set(startMs, {
      count: bucket.count - 1,
      errorCount: bucket.errorCount - (trace.hasError ? 1 : 0),
      durationSketch,
    });
  }
  return { maxBuckets: hourly.maxBuckets, buckets };
}

/**
 * Adds up both sides hour by hour and keeps the most recent min(maxBuckets) hours; commutative
 * and associative (the smaller retention wins, whichever side it comes from).
 */
export function mergeHourlyBuckets(a: HourlyBuckets, b: HourlyBuckets): HourlyBuckets {
  const maxBuckets = Math.min(a.maxBuckets, b.maxBuckets);
  const buckets = new Map(a.buckets);
  for (const [startMs, bucket] of b.buckets) {
    const other = a.buckets.get(startMs);
    buckets.set(
      startMs,
      other === undefined
        ? bucket
        : {
            count: other.count + bucket.count,
            errorCount: other.errorCount + bucket.errorCount,
            durationSketch: mergeDurationSketches(other.durationSketch, bucket.durationSketch),
          },
    );
  }
  return { maxBuckets, buckets: keepMostRecent(buckets, maxBuckets) };
}

/** The kept hours, oldest first; hours without traffic are absent, not zero-filled. */
export function listHourlyBuckets(hourly: HourlyBuckets): HourlyBucketSummary[] {
  return sortedStarts(hourly.buckets).map((startMs) => {
    const bucket = hourly.buckets.get(startMs) as HourlyBucket;
    return {
      startMs,
      count: bucket.count,
      errorCount: bucket.errorCount,
      errorRate: bucket.errorCount / bucket.count,
      p95DurationMs: durationQuantileMs(bucket.durationSketch, 0.95),
    };
  });
}

export interface SerializedHourlyBuckets {
  readonly version: 1;
  readonly maxBuckets: number;
  /** Oldest first. */
  readonly buckets: readonly {
    readonly startMs: number;
    readonly count: number;
    readonly errorCount: number;
    readonly durationSketch: string;
  }[];
}

export function serializeHourlyBuckets(hourly: HourlyBuckets): SerializedHourlyBuckets {
  return {
    version: 1,
    maxBuckets: hourly.maxBuckets,
    buckets: sortedStarts(hourly.buckets).map((startMs) => {
      const bucket = hourly.buckets.get(startMs) as HourlyBucket;
      return {
        startMs,
        count: bucket.count,
        errorCount: bucket.errorCount,
        durationSketch: serializeDurationSketch(bucket.durationSketch),
      };
    }),
  };
}

/** Reads serializeHourlyBuckets' output back (after JSON.parse); throws StatsDecodeError if invalid. */
export function deserializeHourlyBuckets(value: unknown): HourlyBuckets {
  const record = readRecord(value, "hourly buckets");
  readVersion(record, 1, "hourly buckets");
  const maxBuckets = readCount(record, "maxBuckets", "hourly buckets");
  if (maxBuckets < 1) throw new StatsDecodeError("hourly buckets.maxBuckets must be at least 1");
  const entries = readArray(record, "buckets", "hourly buckets");
  if (entries.length > maxBuckets) throw new StatsDecodeError("hourly buckets: more buckets than maxBuckets");
  const buckets = new Map<number, HourlyBucket>();
  entries.forEach((entry, index) => {
    const what = `hourly buckets.buckets[${index}]`;
    const fields = readRecord(entry, what);
    const startMs = fields.startMs;
    if (typeof startMs !== "number" || !Number.isSafeInteger(startMs) || hourBucketStartMs(startMs) !== startMs) {
      throw new StatsDecodeError(`${what}.startMs must be the start of an hour in epoch ms`);
    }
    const bucket: HourlyBucket = {
      count: readCount(fields, "count", what),
      errorCount: readCount(fields, "errorCount", what),
      durationSketch: deserializeDurationSketch(readString(fields, "durationSketch", what)),
    };
    if (buckets.has(startMs)) throw new StatsDecodeError(`${what}: hour ${startMs} appears twice`);
    if (bucket.count === 0) throw new StatsDecodeError(`${what}: an hour without traffic is not stored`);
    if (bucket.durationSketch.count !== bucket.count) {
      throw new StatsDecodeError(`${what}: sketch holds ${bucket.durationSketch.count} durations, not ${bucket.count}`);
    }
    if (bucket.errorCount > bucket.count) throw new StatsDecodeError(`${what}: more errors than traces`);
    buckets.set(startMs, bucket);
  });
  return { maxBuckets, buckets };
}

function sortedStarts(buckets: ReadonlyMap<number, HourlyBucket>): number[] {
  return [...buckets.keys()].sort((a, b) => a - b);
}

/** Drops the oldest hours beyond maxBuckets, in place (callers pass their own fresh copy). */
function keepMostRecent(buckets: Map<number, HourlyBucket>, maxBuckets: number): Map<number, HourlyBucket> {
  if (buckets.size <= maxBuckets) return buckets;
  for (const startMs of sortedStarts(buckets).slice(0, buckets.size - maxBuckets)) buckets.delete(startMs);
  return buckets;
}
