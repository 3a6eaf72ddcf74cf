// Duration quantile sketch (milliseconds) for flow statistics.
//
// Why not a DDSketch object: @datadog/sketches-js 2.1.1 can only add (accept() rejects a weight
// <= 0), but a completed trace that late spans move to another flow has to leave its old flow's
// sketch again, exactly. So the sketch is kept as DDSketch's own data, a bucket key -> count
// map plus a zero count, with the keys computed by the library's LogarithmicMapping (borrowed
// from a DDSketch instance, so they are DDSketch's keys by construction) and quantiles by the
// same rank rule as DDSketch.getValueAtQuantile. Removing decrements a count and drops the key
// at zero, so add-then-remove gives back an identical value; merging adds counts, so it is
// exactly commutative and associative and equals the sketch of the union.
//
// Stored form: base64 of the standard DDSketch protobuf (DataDog/sketches-go pb/ddsketch.proto),
// written here instead of with DDSketch.toProto(), which writes its padded dense array (128-bin
// chunks of 8-byte doubles: 7 KB for two durations) and whose fromProto ignores the sparse
// binCounts field. We write whichever of the two standard store layouts is smaller; the
// contiguous one also reads back with DDSketch.fromProto.

import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { DDSketch } from "@datadog/sketches-js";
import { StatsDecodeError } from "./flow-stats-json";

/** Every quantile is within 1% of a duration that was actually recorded at that rank. */
export const DURATION_SKETCH_RELATIVE_ACCURACY = 0.01;

/**
 * The smallest non-zero duration: 1 ns, the resolution of OTLP timestamps. A positive duration
 * below it can only be float noise; it is raised to 1 ns rather than rounded to zero so that a
 * flow whose durations are all non-zero never reports a zero P95.
 */
export const MIN_NONZERO_DURATION_MS = 1e-6;

const mapping = new DDSketch({ relativeAccuracy: DURATION_SKETCH_RELATIVE_ACCURACY }).mapping;

export interface DurationSketch {
  /** Number of durations recorded: zeroCount plus the sum of the bins. */
  readonly count: number;
  /** Durations that were exactly zero (or negative, see normalizeDurationMs). */
  readonly zeroCount: number;
  /**
   * DDSketch bucket key -> number of durations in that bucket; only positive counts are kept,
   * so equal contents always give deeply equal values. Treat as immutable: functions here
   * share a map between values that did not change it.
   */
  readonly bins: ReadonlyMap<number, number>;
}

export function emptyDurationSketch(): DurationSketch {
  return { count: 0, zeroCount: 0, bins: new Map() };
}

/**
 * The duration the sketch records for an input: negative durations (a span that ends before it
 * starts, from clock skew between hosts) count as 0; positive values below 1 ns are raised to
 * 1 ns. NaN and infinities are caller bugs and throw. The same normalization runs on removal,
 * so removing a trace hits the bucket its addition used.
 */
export function normalizeDurationMs(durationMs: number): number {
  if (!Number.isFinite(durationMs)) {
    throw new RangeError(`duration must be a finite number of milliseconds, got ${durationMs}`);
  }
  if (durationMs <= 0) return 0;
  return Math.max(durationMs, MIN_NONZERO_DURATION_MS);
}

export function addDuration(sketch: DurationSketch, durationMs: number): DurationSketch {
  return addDurations(sketch, [durationMs]);
}

/** Adds many durations with one copy of the bins (the pipeline adds a batch of traces at once). */
export function addDurations(sketch: DurationSketch, durationsMs: readonly number[]): DurationSketch {
  if (durationsMs.length === 0) return sketch;
  const bins = new Map(sketch.bins);
  let zeroCount = sketch.zeroCount;
  for (const durationMs of durationsMs) {
    const valueMs = normalizeDurationMs(durationMs);
    if (valueMs === 0) {
      zeroCount += 1;
    } else {
      const key = mapping.key(valueMs);
      bins.set(key, (bins.get(key) ?? 0) + 1);
    }
  }
  return { count: sketch.count + durationsMs.length, zeroCount, bins };
}

/**
 * The DDSketch bucket key a duration is counted in, or null for a zero (or negative) duration,
 * which goes to the zero count: for other sums of durations kept as buckets (service graph
 * edges) that must agree with these sketches.
 */
export function durationBucketKey(durationMs: number): number | null {
  const valueMs = normalizeDurationMs(durationMs);
  return valueMs === 0 ? null : mapping.key(valueMs);
}

/** Creates a sketch of the given durations. */
export function sketchDurations(durationsMs: readonly number[]): DurationSketch {
  return addDurations(emptyDurationSketch(), durationsMs);
}

/**
 * Removes one duration that was added before. Throws RangeError when its bucket is empty: the
 * caller is removing something it never added, and carrying on would corrupt the counts.
 */
export function removeDuration(sketch: DurationSketch, durationMs: number): DurationSketch {
  const valueMs = normalizeDurationMs(durationMs);
  if (valueMs === 0) {
    if (sketch.zeroCount === 0) throw new RangeError("cannot remove a zero duration: none was recorded");
    return { count: sketch.count - 1, zeroCount: sketch.zeroCount - 1, bins: sketch.bins };
  }
  const key = mapping.key(valueMs);
  const binCount = sketch.bins.get(key) ?? 0;
  if (binCount === 0) {
    throw new RangeError(`cannot remove duration ${durationMs} ms: nothing was recorded in its bucket`);
  }
  const bins = new Map(sketch.bins);
  if (binCount === 1) bins.delete(key);
  else bins.set(key, binCount - 1);
  return { count: sketch.count - 1, zeroCount: sketch.zeroCount, bins };
}

export function mergeDurationSketches(a: DurationSketch, b: DurationSketch): DurationSketch {
  if (b.count === 0) return a;
  if (a.count === 0) return b;
  const [larger, smaller] = a.bins.size >= b.bins.size ? [a, b] : [b, a];
  const bins = new Map(larger.bins);
  for (const [key, binCount] of smaller.bins) bins.set(key, (bins.get(key) ?? 0) + binCount);
  return { count: a.count + b.count, zeroCount: a.zeroCount + b.zeroCount, bins };
}

/**
 * The duration at `quantile` (0..1) by DDSketch's rule: the recorded value at sorted index
 * floor(quantile * (count - 1)), returned as its bucket's representative value, which is within
 * 1% of it. Returns 0 for an empty sketch (no traffic shows as 0 ms, like the average does), and
 * 0 otherwise only when that rank falls on a duration that really was zero.
 */
export function durationQuantileMs(sketch: DurationSketch, quantile: number): number {
  if (!(quantile >= 0 && quantile <= 1)) {
    throw new RangeError(`quantile must be between 0 and 1, got ${quantile}`);
  }
  if (sketch.count === 0) return 0;
  const rank = quantile * (sketch.count - 1);
  if (rank < sketch.zeroCount) return 0;
  // Same arithmetic as DDSketch (rank minus the zero count, then a running sum) so both give
  // bit-identical answers.
  const storeRank = rank - sketch.zeroCount;
  let runningCount = 0;
  const entries = sortedEntries(sketch.bins);
  for (const [key, binCount] of entries) {
    runningCount += binCount;
    if (runningCount > storeRank) return mapping.value(key);
  }
  // Only reachable if count disagrees with the bins; answer the largest bucket like DDSketch.
  const last = entries.at(-1);
  return last === undefined ? 0 : mapping.value(last[0]);
}

export type DurationSketchLayout = "auto" | "sparse" | "contiguous";

/**
 * Base64 of the DDSketch protobuf. `auto` (the default) writes the smaller of the sparse
 * (key, count) layout, best for few scattered durations, and the contiguous layout, best for
 * many durations spread over neighbouring buckets and readable by DDSketch.fromProto.
 */
export function serializeDurationSketch(
  sketch: DurationSketch,
  options: { layout?: DurationSketchLayout } = {},
): string {
  const layout = options.layout ?? "auto";
  let bytes: Uint8Array;
  if (layout === "auto") {
    const sparse = encodeSketch(sketch, "sparse");
    const contiguous = encodeSketch(sketch, "contiguous");
    // Ties go to the layout the JavaScript library can read too.
    bytes = sparse.length < contiguous.length ? sparse : contiguous;
  } else {
    bytes = encodeSketch(sketch, layout);
  }
  return encodeBase64(bytes);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Reads serializeDurationSketch's output (or any DDSketch protobuf with the same mapping). */
export function deserializeDurationSketch(text: string): DurationSketch {
  // Decoders differ on characters outside the alphabet (Buffer skips them, which would hide a
  // truncated or mangled column); check the alphabet and padding first.
  if (!BASE64.test(text)) throw new StatsDecodeError("duration sketch is not base64");
  const bytes = decodeBase64(text);
  try {
    return decodeSketch(bytes);
  } catch (error) {
    if (error instanceof StatsDecodeError) throw error;
    throw new StatsDecodeError("duration sketch is not a valid DDSketch protobuf", { cause: error });
  }
}

// btoa/atob rather than Buffer: they exist in Node and in browsers alike, so the dashboard can
// read stored sketches client-side too. Sketches are small, so the byte-string detour is cheap.
function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sortedEntries(bins: ReadonlyMap<number, number>): [number, number][] {
  return [...bins].sort((a, b) => a[0] - b[0]);
}

// Field numbers of pb/ddsketch.proto:
//   DDSketch     { IndexMapping mapping = 1; Store positiveValues = 2; Store negativeValues = 3;
//                  double zeroCount = 4; }
//   IndexMapping { double gamma = 1; double indexOffset = 2; Interpolation interpolation = 3; }
//   Store        { map<sint32, double> binCounts = 1; repeated double contiguousBinCounts = 2
//                  [packed]; sint32 contiguousBinIndexOffset = 3; }
function encodeSketch(sketch: DurationSketch, layout: "sparse" | "contiguous"): Uint8Array {
  const writer = new BinaryWriter();
  // indexOffset 0 and interpolation NONE (logarithmic) are proto3 defaults and so left out.
  writer.tag(1, WireType.LengthDelimited).fork().tag(1, WireType.Bit64).double(mapping.gamma).join();
  writer.tag(2, WireType.LengthDelimited).fork();
  const entries = sortedEntries(sketch.bins);
  if (entries.length > 0) {
    if (layout === "sparse") {
      for (const [key, binCount] of entries) {
        writer.tag(1, WireType.LengthDelimited).fork();
        writer.tag(1, WireType.Varint).sint32(key).tag(2, WireType.Bit64).double(binCount);
        writer.join();
      }
    } else {
      const minKey = entries[0][0];
      const maxKey = entries[entries.length - 1][0];
      writer.tag(2, WireType.LengthDelimited).fork();
      for (let key = minKey; key <= maxKey; key++) writer.double(sketch.bins.get(key) ?? 0);
      writer.join();
      if (minKey !== 0) writer.tag(3, WireType.Varint).sint32(minKey);
    }
  }
  writer.join();
  // An empty negative store is written anyway: DDSketch.fromProto throws when either is absent.
  writer.tag(3, WireType.LengthDelimited).fork().join();
  if (sketch.zeroCount > 0) writer.tag(4, WireType.Bit64).double(sketch.zeroCount);
  return writer.finish();
}

function decodeSketch(bytes: Uint8Array): DurationSketch {
  const reader = new BinaryReader(bytes);
  let sawMapping = false;
  let zeroCount = 0;
  const bins = new Map<number, number>();
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === WireType.LengthDelimited) {
      checkMapping(reader.bytes());
      sawMapping = true;
    } else if (fieldNo === 2 && wireType === WireType.LengthDelimited) {
      readStore(reader.bytes(), bins);
    } else if (fieldNo === 3 && wireType === WireType.LengthDelimited) {
      const negativeBins = new Map<number, number>();
      readStore(reader.bytes(), negativeBins);
      if (negativeBins.size > 0) throw new StatsDecodeError("duration sketch holds negative durations");
    } else if (fieldNo === 4 && wireType === WireType.Bit64) {
      zeroCount = readBinCount(reader.double());
    } else if (fieldNo >= 1 && fieldNo <= 4) {
      throw new StatsDecodeError(`duration sketch field ${fieldNo} has wire type ${wireType}`);
    } else {
      reader.skip(wireType, fieldNo);
    }
  }
  // Without the mapping the bucket keys mean nothing; a sketch of another accuracy cannot be
  // merged with ours.
  if (!sawMapping) throw new StatsDecodeError("duration sketch has no index mapping");
  let count = zeroCount;
  for (const binCount of bins.values()) count += binCount;
  if (!Number.isSafeInteger(count)) throw new StatsDecodeError("duration sketch count is too large");
  return { count, zeroCount, bins };
}

function checkMapping(bytes: Uint8Array): void {
  const reader = new BinaryReader(bytes);
  let gamma = 0;
  let indexOffset = 0;
  let interpolation = 0;
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === WireType.Bit64) gamma = reader.double();
    else if (fieldNo === 2 && wireType === WireType.Bit64) indexOffset = reader.double();
    else if (fieldNo === 3 && wireType === WireType.Varint) interpolation = reader.int32();
    else reader.skip(wireType, fieldNo);
  }
  // DDSketch.fromProto recomputes gamma through the relative accuracy, which can move the last
  // bit, so compare with a tolerance far below the gap to any other accuracy.
  if (!(Math.abs(gamma - mapping.gamma) <= 1e-12 * mapping.gamma) || indexOffset !== 0 || interpolation !== 0) {
    throw new StatsDecodeError(
      `duration sketch mapping (gamma ${gamma}, offset ${indexOffset}, interpolation ${interpolation}) ` +
        `is not the logarithmic ${DURATION_SKETCH_RELATIVE_ACCURACY * 100}% mapping`,
    );
  }
}

function readStore(bytes: Uint8Array, bins: Map<number, number>): void {
  const reader = new BinaryReader(bytes);
  // binCounts is a protobuf map, where a repeated key means the last entry wins.
  const sparseCounts = new Map<number, number>();
  const contiguousCounts: number[] = [];
  let contiguousOffset = 0;
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === WireType.LengthDelimited) {
      const [key, binCount] = readBinEntry(reader.bytes());
      sparseCounts.set(key, binCount);
    } else if (fieldNo === 2 && wireType === WireType.LengthDelimited) {
      const packed = new BinaryReader(reader.bytes());
      while (packed.pos < packed.len) contiguousCounts.push(readBinCount(packed.double()));
    } else if (fieldNo === 2 && wireType === WireType.Bit64) {
      // Parsers must accept an unpacked repeated field too.
      contiguousCounts.push(readBinCount(reader.double()));
    } else if (fieldNo === 3 && wireType === WireType.Varint) {
      contiguousOffset = reader.sint32();
    } else {
      reader.skip(wireType, fieldNo);
    }
  }
  // Both layouts may be present and then both count. The offset may come after the counts on
  // the wire, so contiguous keys are assigned only now.
  sparseCounts.forEach((binCount, key) => addBin(bins, key, binCount));
  contiguousCounts.forEach((binCount, index) => addBin(bins, contiguousOffset + index, binCount));
}

function readBinEntry(bytes: Uint8Array): [number, number] {
  const reader = new BinaryReader(bytes);
  let key = 0;
  let binCount = 0;
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === 1 && wireType === WireType.Varint) key = reader.sint32();
    else if (fieldNo === 2 && wireType === WireType.Bit64) binCount = readBinCount(reader.double());
    else reader.skip(wireType, fieldNo);
  }
  return [key, binCount];
}

/** Counts are stored as doubles by the format but are whole numbers of traces here. */
function readBinCount(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new StatsDecodeError(`duration sketch bin count ${value} is not a non-negative integer`);
  }
  return value;
}

function addBin(bins: Map<number, number>, key: number, binCount: number): void {
  // Zero bins are padding (DDSketch writes its whole dense array); keeping them would make equal
  // sketches compare unequal.
  if (binCount > 0) bins.set(key, (bins.get(key) ?? 0) + binCount);
}
