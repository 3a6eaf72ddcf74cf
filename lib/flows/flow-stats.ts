// Mergeable statistics of one flow: occurrences, errors, durations and when it was seen.
//
// Every operation is exact so the aggregate can be maintained incrementally forever: counts are
// integers, the duration sum is kept in whole microseconds (integers add and subtract exactly in
// a double, a float sum of milliseconds would drift), and the sketch is a bucket -> count map
// (see duration-sketch.ts). That is what makes removeTraceFromFlowStats possible: when late spans
// change a completed trace's path, the pipeline removes the trace from its old flow and adds it
// to the new one, and the old flow ends up exactly as if the trace had never been added.
//
// The one thing removal cannot restore is the seen bounds: the time of the latest remaining
// trace is not kept, so firstSeenAtMs/lastSeenAtMs stay as they were (the flow was seen then,
// by the trace that has moved on) until the flow is empty, when both reset to null.

import {
  addDurations,
  deserializeDurationSketch,
  durationQuantileMs,
  emptyDurationSketch,
  mergeDurationSketches,
  normalizeDurationMs,
  removeDuration,
  serializeDurationSketch,
  type DurationSketch,
} from "./duration-sketch";
import {
  readCount,
  readNullableFiniteNumber,
  readRecord,
  readString,
  readVersion,
  StatsDecodeError,
} from "./flow-stats-json";

/** One completed trace as the statistics see it. */
export interface TraceObservation {
  /** Root span duration, or trace wall time when the root is missing. */
  readonly durationMs: number;
  /** At least one span of the trace has error status. */
  readonly hasError: boolean;
  /** When the trace happened (its start), epoch milliseconds. */
  readonly atMs: number;
}

export interface FlowStats {
  readonly occurrenceCount: number;
  /** Traces with at least one error span. */
  readonly errorCount: number;
  /**
   * Sum of the traces' durations in whole microseconds. Exact up to 2^53 µs (285 years of
   * summed trace time per flow).
   */
  readonly durationSumUs: number;
  /** Earliest atMs added; null when empty. Not narrowed by removal (see the file comment). */
  readonly firstSeenAtMs: number | null;
  /** Latest atMs added; null when empty. Not narrowed by removal (see the file comment). */
  readonly lastSeenAtMs: number | null;
  readonly durationSketch: DurationSketch;
}

export interface FlowStatsSummary {
  readonly occurrenceCount: number;
  readonly errorCount: number;
  /** errorCount / occurrenceCount, 0 when empty. */
  readonly errorRate: number;
  /** Exact mean at microsecond resolution, 0 when empty. */
  readonly avgDurationMs: number;
  /** Within 1% of the exact median (see durationQuantileMs), 0 when empty. */
  readonly p50DurationMs: number;
  /** Within 1% of the exact P95, 0 when empty. */
  readonly p95DurationMs: number;
  readonly durationSumMs: number;
  readonly firstSeenAtMs: number | null;
  readonly lastSeenAtMs: number | null;
}

export function emptyFlowStats(): FlowStats {
  return {
    occurrenceCount: 0,
    errorCount: 0,
    durationSumUs: 0,
    firstSeenAtMs: null,
    lastSeenAtMs: null,
    durationSketch: emptyDurationSketch(),
  };
}

/**
 * The duration a trace contributes to the sum, in whole microseconds. Sub-microsecond traces
 * add 0 to the sum (the sketch still records them at nanosecond scale).
 */
export function durationSumContributionUs(durationMs: number): number {
  return Math.round(normalizeDurationMs(durationMs) * 1000);
}

export function addTraceToFlowStats(stats: FlowStats, trace: TraceObservation): FlowStats {
  return addTracesToFlowStats(stats, [trace]);
}

/** Adds a batch of traces, copying the sketch once. */
export function addTracesToFlowStats(stats: FlowStats, traces: readonly TraceObservation[]): FlowStats {
  if (traces.length === 0) return stats;
  let { occurrenceCount, errorCount, durationSumUs, firstSeenAtMs, lastSeenAtMs } = stats;
  for (const trace of traces) {
    const atMs = requireAtMs(trace.atMs);
    occurrenceCount += 1;
    if (trace.hasError) errorCount += 1;
    durationSumUs += durationSumContributionUs(trace.durationMs);
    firstSeenAtMs = firstSeenAtMs === null ? atMs : Math.min(firstSeenAtMs, atMs);
    lastSeenAtMs = lastSeenAtMs === null ? atMs : Math.max(lastSeenAtMs, atMs);
  }
  const durationSketch = addDurations(
    stats.durationSketch,
    traces.map((trace) => trace.durationMs),
  );
  return { occurrenceCount, errorCount, durationSumUs, firstSeenAtMs, lastSeenAtMs, durationSketch };
}

/**
 * Takes back one trace added before, passed with the same values it was added with. Counts, sum
 * and sketch return exactly to what they would be without it; the seen bounds stay unless the
 * flow becomes empty. Throws RangeError when the trace cannot have been added (nothing left to
 * remove, no error counted, its duration bucket empty, its time outside the seen bounds): the
 * stored aggregate and the caller disagree, and going on would corrupt it silently.
 */
export function removeTraceFromFlowStats(stats: FlowStats, trace: TraceObservation): FlowStats {
  const atMs = requireAtMs(trace.atMs);
  if (stats.occurrenceCount === 0) throw new RangeError("cannot remove a trace from an empty flow");
  if (trace.hasError && stats.errorCount === 0) {
    throw new RangeError("cannot remove an error trace: the flow counts no errors");
  }
  if (
    stats.firstSeenAtMs === null ||
    stats.lastSeenAtMs === null ||
    atMs < stats.firstSeenAtMs ||
    atMs > stats.lastSeenAtMs
  ) {
    throw new RangeError(`cannot remove a trace at ${atMs}: the flow was not seen then`);
  }
  const durationSumUs = stats.durationSumUs - durationSumContributionUs(trace.durationMs);
  if (durationSumUs < 0) throw new RangeError("cannot remove a trace longer than the flow's summed durations");
  const durationSketch = removeDuration(stats.durationSketch, trace.durationMs);
  const occurrenceCount = stats.occurrenceCount - 1;
  const errorCount = stats.errorCount - (trace.hasError ? 1 : 0);
  if (occurrenceCount === 0) {
    // Fresh empty value, so add-then-remove on an empty flow is an exact round trip. A sum left
    // over means some earlier removal passed a different duration than its addition.
    if (durationSumUs !== 0) throw new RangeError("flow emptied but its duration sum is not zero");
    return emptyFlowStats();
  }
  return {
    occurrenceCount,
    errorCount,
    durationSumUs,
    firstSeenAtMs: stats.firstSeenAtMs,
    lastSeenAtMs: stats.lastSeenAtMs,
    durationSketch,
  };
}

/** Combines two flows' statistics (e.g. per-batch partials); commutative and associative. */
export function mergeFlowStats(a: FlowStats, b: FlowStats): FlowStats {
  return {
    occurrenceCount: a.occurrenceCount + b.occurrenceCount,
    errorCount: a.errorCount + b.errorCount,
    durationSumUs: a.durationSumUs + b.durationSumUs,
    firstSeenAtMs: minNullable(a.firstSeenAtMs, b.firstSeenAtMs),
    lastSeenAtMs: maxNullable(a.lastSeenAtMs, b.lastSeenAtMs),
    durationSketch: mergeDurationSketches(a.durationSketch, b.durationSketch),
  };
}

export function flowErrorRate(stats: FlowStats): number {
  return stats.occurrenceCount === 0 ? 0 : stats.errorCount / stats.occurrenceCount;
}

export function flowAvgDurationMs(stats: FlowStats): number {
  return stats.occurrenceCount === 0 ? 0 : stats.durationSumUs / stats.occurrenceCount / 1000;
}

export function flowMedianDurationMs(stats: FlowStats): number {
  return durationQuantileMs(stats.durationSketch, 0.5);
}

export function flowP95DurationMs(stats: FlowStats): number {
  return durationQuantileMs(stats.durationSketch, 0.95);
}

export function summarizeFlowStats(stats: FlowStats): FlowStatsSummary {
  return {
    occurrenceCount: stats.occurrenceCount,
    errorCount: stats.errorCount,
    errorRate: flowErrorRate(stats),
    avgDurationMs: flowAvgDurationMs(stats),
    p50DurationMs: flowMedianDurationMs(stats),
    p95DurationMs: flowP95DurationMs(stats),
    durationSumMs: stats.durationSumUs / 1000,
    firstSeenAtMs: stats.firstSeenAtMs,
    lastSeenAtMs: stats.lastSeenAtMs,
  };
}

/** The stored form: plain JSON (numbers, strings, null); the sketch as base64 protobuf. */
export interface SerializedFlowStats {
  readonly version: 1;
  readonly occurrenceCount: number;
  readonly errorCount: number;
  readonly durationSumUs: number;
  readonly firstSeenAtMs: number | null;
  readonly lastSeenAtMs: number | null;
  readonly durationSketch: string;
}

export function serializeFlowStats(stats: FlowStats): SerializedFlowStats {
  return {
    version: 1,
    occurrenceCount: stats.occurrenceCount,
    errorCount: stats.errorCount,
    durationSumUs: stats.durationSumUs,
    firstSeenAtMs: stats.firstSeenAtMs,
    lastSeenAtMs: stats.lastSeenAtMs,
    durationSketch: serializeDurationSketch(stats.durationSketch),
  };
}

/** Reads serializeFlowStats' output back (after JSON.parse); throws StatsDecodeError if invalid. */
export function deserializeFlowStats(value: unknown): FlowStats {
  const what = "flow stats";
  const record = readRecord(value, what);
  readVersion(record, 1, what);
  const stats: FlowStats = {
    occurrenceCount: readCount(record, "occurrenceCount", what),
    errorCount: readCount(record, "errorCount", what),
    durationSumUs: readCount(record, "durationSumUs", what),
    firstSeenAtMs: readNullableFiniteNumber(record, "firstSeenAtMs", what),
    lastSeenAtMs: readNullableFiniteNumber(record, "lastSeenAtMs", what),
    durationSketch: deserializeDurationSketch(readString(record, "durationSketch", what)),
  };
  // Cross-field invariants every value built by this module keeps.
  if (stats.durationSketch.count !== stats.occurrenceCount) {
    throw new StatsDecodeError(`${what}: sketch holds ${stats.durationSketch.count} durations, not ${stats.occurrenceCount}`);
  }
  if (stats.errorCount > stats.occurrenceCount) throw new StatsDecodeError(`${what}: more errors than occurrences`);
  const empty = stats.occurrenceCount === 0;
  if ((stats.firstSeenAtMs === null) !== empty || (stats.lastSeenAtMs === null) !== empty) {
    throw new StatsDecodeError(`${what}: seen bounds must be null exactly when the flow is empty`);
  }
  if (stats.firstSeenAtMs !== null && stats.lastSeenAtMs !== null && stats.firstSeenAtMs > stats.lastSeenAtMs) {
    throw new StatsDecodeError(`${what}: firstSeenAtMs is after lastSeenAtMs`);
  }
  if (empty && stats.durationSumUs !== 0) throw new StatsDecodeError(`${what}: empty flow with a duration sum`);
  return stats;
}

function requireAtMs(atMs: number): number {
  if (!Number.isFinite(atMs)) throw new RangeError(`atMs must be a finite epoch time in ms, got ${atMs}`);
  // -0 would survive Math.min and make otherwise equal aggregates compare unequal.
  return atMs === 0 ? 0 : atMs;
}

function minNullable(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function maxNullable(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
