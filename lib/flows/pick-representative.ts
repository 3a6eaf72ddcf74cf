// Which trace represents a flow, and which recent traces are kept as samples.
//
// The representative is the trace a user opens to see "what this flow normally looks like":
// an error-free trace whose duration is closest to the flow's median. Ties go to the most recent
// trace, then to the smallest trace id, so the choice never depends on arrival order or on
// random ids being compared unpredictably. When every candidate has an error, the one closest
// to the median is still chosen: a flow that always fails is best shown by a typical failure,
// and showing nothing would hide it.
//
// Flows see unbounded traffic, so the pipeline keeps only the current representative and calls
// considerRepresentative for each completed trace. The median moves as traffic comes in, so
// this keeps "the better of the current one and the new one under today's median", not the
// exact best over all history; pickRepresentative over stored samples gives a fresh choice when
// that matters (for instance when the representative itself moves to another flow).

import { readFiniteNumber, readRecord, readString, StatsDecodeError } from "./flow-stats-json";

export interface RepresentativeCandidate {
  readonly traceId: string;
  /** The same duration the flow statistics use (root span, or trace wall time). */
  readonly durationMs: number;
  readonly hasError: boolean;
  /** When the trace happened (its start), epoch ms. */
  readonly atMs: number;
}

/** How many recent sample traces a flow keeps. */
export const MAX_SAMPLE_TRACES = 20;

export interface SampleTrace {
  readonly traceId: string;
  readonly atMs: number;
}

/**
 * Negative when `a` is the better representative, positive when `b` is; 0 only when they tie
 * on every criterion, trace id included. A total order over distinct trace ids, so picking the
 * minimum is deterministic.
 */
export function compareRepresentativeCandidates(
  a: RepresentativeCandidate,
  b: RepresentativeCandidate,
  medianMs: number,
): number {
  requireFinite(medianMs, "medianMs");
  checkCandidate(a);
  checkCandidate(b);
  if (a.hasError !== b.hasError) return a.hasError ? 1 : -1;
  const distanceA = Math.abs(a.durationMs - medianMs);
  const distanceB = Math.abs(b.durationMs - medianMs);
  if (distanceA !== distanceB) return distanceA - distanceB;
  if (a.atMs !== b.atMs) return b.atMs - a.atMs;
  return compareCodeUnits(a.traceId, b.traceId);
}

/**
 * The better of the current representative and a new candidate, against the flow's current
 * median (e.g. flowMedianDurationMs). A candidate with the current one's trace id replaces it:
 * it is a newer look at the same trace (completed again after late spans).
 */
export function considerRepresentative<C extends RepresentativeCandidate>(
  current: C | null,
  candidate: C,
  medianMs: number,
): C {
  if (current === null || current.traceId === candidate.traceId) {
    checkCandidate(candidate);
    return candidate;
  }
  return compareRepresentativeCandidates(candidate, current, medianMs) < 0 ? candidate : current;
}

/**
 * The best representative among candidates with distinct trace ids, or null when there are
 * none. The median defaults to the candidates' own median (by the sketch's rule: the sorted
 * duration at floor(0.5 * (n - 1)), so the lower of the two middle ones).
 */
export function pickRepresentative<C extends RepresentativeCandidate>(
  candidates: readonly C[],
  medianMs: number = medianDurationMs(candidates),
): C | null {
  let best: C | null = null;
  for (const candidate of candidates) best = considerRepresentative(best, candidate, medianMs);
  return best;
}

/** The candidates' median duration by the sketch's rule; 0 when there are none. */
export function medianDurationMs(candidates: readonly RepresentativeCandidate[]): number {
  if (candidates.length === 0) return 0;
  const sorted = candidates.map((candidate) => candidate.durationMs).sort((a, b) => a - b);
  return sorted[Math.floor(0.5 * (sorted.length - 1))];
}

/**
 * Adds a sample, keeping the list most recent first (by atMs, then trace id), without
 * duplicate trace ids and at most `maxSamples` long. A sample older than a full list's oldest
 * is not kept. Returns a new list.
 */
export function addSampleTrace(
  samples: readonly SampleTrace[],
  sample: SampleTrace,
  maxSamples: number = MAX_SAMPLE_TRACES,
): SampleTrace[] {
  return mergeSampleTraces(samples, [sample], maxSamples);
}

/**
 * Both lists as one: each trace id once (with its latest atMs), most recent first, at most
 * `maxSamples`. Commutative and associative, like the statistics merges.
 */
export function mergeSampleTraces(
  a: readonly SampleTrace[],
  b: readonly SampleTrace[],
  maxSamples: number = MAX_SAMPLE_TRACES,
): SampleTrace[] {
  if (!Number.isSafeInteger(maxSamples) || maxSamples < 1) {
    throw new RangeError(`maxSamples must be a positive integer, got ${maxSamples}`);
  }
  const byTraceId = new Map<string, SampleTrace>();
  for (const sample of [...a, ...b]) {
    checkSample(sample);
    const existing = byTraceId.get(sample.traceId);
    if (existing === undefined || sample.atMs > existing.atMs) {
      byTraceId.set(sample.traceId, { traceId: sample.traceId, atMs: sample.atMs });
    }
  }
  return [...byTraceId.values()].sort(compareSamples).slice(0, maxSamples);
}

/** Drops a trace that left the flow (late spans moved it to another one). */
export function removeSampleTrace(samples: readonly SampleTrace[], traceId: string): SampleTrace[] {
  return samples.filter((sample) => sample.traceId !== traceId);
}

export function sampleTraceIds(samples: readonly SampleTrace[]): string[] {
  return samples.map((sample) => sample.traceId);
}

/** Reads a stored sample list (JSON.parse of the list); throws StatsDecodeError if invalid. */
export function deserializeSampleTraces(value: unknown): SampleTrace[] {
  if (!Array.isArray(value)) throw new StatsDecodeError("sample traces must be an array");
  const samples = value.map((entry, index) => {
    const what = `sample traces[${index}]`;
    const record = readRecord(entry, what);
    return { traceId: readString(record, "traceId", what), atMs: readFiniteNumber(record, "atMs", what) };
  });
  if (new Set(samples.map((sample) => sample.traceId)).size !== samples.length) {
    throw new StatsDecodeError("sample traces: a trace id appears twice");
  }
  return samples.sort(compareSamples);
}

/** Reads a stored representative (or null); throws StatsDecodeError if invalid. */
export function deserializeRepresentative(value: unknown): RepresentativeCandidate | null {
  if (value === null) return null;
  const what = "representative";
  const record = readRecord(value, what);
  if (typeof record.hasError !== "boolean") throw new StatsDecodeError(`${what}.hasError must be a boolean`);
  return {
    traceId: readString(record, "traceId", what),
    durationMs: readFiniteNumber(record, "durationMs", what),
    hasError: record.hasError,
    atMs: readFiniteNumber(record, "atMs", what),
  };
}

function compareSamples(a: SampleTrace, b: SampleTrace): number {
  return a.atMs !== b.atMs ? b.atMs - a.atMs : compareCodeUnits(a.traceId, b.traceId);
}

/** Code-unit order, not localeCompare: the same answer on every machine and locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkCandidate(candidate: RepresentativeCandidate): void {
  checkSample(candidate);
  requireFinite(candidate.durationMs, "durationMs");
}

function checkSample(sample: SampleTrace): void {
  if (typeof sample.traceId !== "string" || sample.traceId === "") {
    throw new RangeError("a trace needs a non-empty traceId");
  }
  requireFinite(sample.atMs, "atMs");
}

function requireFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
}
