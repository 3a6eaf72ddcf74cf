// What sets one group of traces apart from another (failing from passing, slow from the rest):
// attribute values ranked by how much more often they occur in the group, the way Honeycomb's
// BubbleUp contrasts a selection with its baseline.
//
// Rules:
// 1. Each trace brings attribute facts `{source, key, value}` (the entry span and its resource,
//    or a named span such as an error origin). A value counts once per trace.
// 2. Outcome attributes (status codes, error types, exception details, anything recorded about
//    the response: its body, headers and size) are left out: they describe the failure, they
//    cannot explain it, and they would "separate" every failure.
// 3. A (source, key) with more than `maxDistinctValues` distinct values across both groups is an
//    id, a timestamp or a payload: left out and listed in `leftOutKeys`, never silently dropped.
// 4. A value is a contrast when it is more common in the group, carried by at least
//    `minSupport` of its traces, its share difference reaches `minShareDifference`, and a
//    two-proportion z-test gives at least `minZ`. The z threshold is deliberately high (4, about
//    p < 0.0001): a sample of random failures must come out as "no attribute separates them"
//    even when dozens of values are tried, not as the luckiest coincidence.
// 5. Ranked by share difference, then z, then source, key and value (code-unit order), so the
//    result never depends on the order traces or attributes arrive in. At most `limit`.

export interface AttributeFact {
  /** Where the value was read: "entry" (entry span or its resource) or a span's `service operation`. */
  readonly source: string;
  readonly key: string;
  readonly value: string;
}

export interface ContrastTrace {
  readonly traceId: string;
  readonly facts: readonly AttributeFact[];
}

export interface AttributeContrast {
  source: string;
  key: string;
  value: string;
  /** Share of the group's traces carrying the value (0..1). */
  groupShare: number;
  /** Share of the other traces carrying it (0..1). */
  restShare: number;
  /** groupShare / restShare, with restShare floored at half a trace so a value absent from the rest stays finite. */
  lift: number;
  /** Group traces carrying the value. */
  support: number;
  /** Some group traces with the value, most recent first as given. */
  exampleTraceIds: string[];
}

export interface LeftOutKey {
  source: string;
  key: string;
  distinctValues: number;
}

export interface ContrastResult {
  contrasts: AttributeContrast[];
  leftOutKeys: LeftOutKey[];
}

export interface ContrastOptions {
  maxDistinctValues?: number;
  minSupport?: number;
  minShareDifference?: number;
  minZ?: number;
  limit?: number;
  examplesPerContrast?: number;
}

const DEFAULTS: Required<ContrastOptions> = {
  maxDistinctValues: 20,
  minSupport: 3,
  minShareDifference: 0.2,
  minZ: 4,
  limit: 10,
  examplesPerContrast: 3,
};

const OUTCOME_KEYS = new Set([
  "http.response.status_code",
  "http.status_code",
  "rpc.grpc.status_code",
  "rpc.response.status_code",
  "grpc.status_code",
  "otel.status_code",
  "otel.status_description",
  "error",
  "error.type",
  "error.message",
  "db.response.status_code",
]);
const OUTCOME_PREFIXES = ["exception.", "error.", "http.response.", "rpc.response.", "db.response."];

export function isOutcomeAttribute(key: string): boolean {
  return OUTCOME_KEYS.has(key) || OUTCOME_PREFIXES.some((prefix) => key.startsWith(prefix));
}

const SEPARATOR = "\u0000";

interface ValueCount {
  group: number;
  rest: number;
  examples: string[];
}

export function findAttributeContrasts(
  group: readonly ContrastTrace[],
  rest: readonly ContrastTrace[],
  options: ContrastOptions = {},
): ContrastResult {
  const settings = { ...DEFAULTS, ...options };
  // (source, key) → value → counts
  const byKey = new Map<string, Map<string, ValueCount>>();
  const tally = (traces: readonly ContrastTrace[], side: "group" | "rest") => {
    for (const trace of traces) {
      const seen = new Set<string>();
      for (const fact of trace.facts) {
        if (isOutcomeAttribute(fact.key)) continue;
        const keyId = fact.source + SEPARATOR + fact.key;
        const valueId = keyId + SEPARATOR + fact.value;
        if (seen.has(valueId)) continue;
        seen.add(valueId);
        let values = byKey.get(keyId);
        if (!values) byKey.set(keyId, (values = new Map()));
        let count = values.get(fact.value);
        if (!count) values.set(fact.value, (count = { group: 0, rest: 0, examples: [] }));
        count[side]++;
        if (side === "group" && count.examples.length < settings.examplesPerContrast) count.examples.push(trace.traceId);
      }
    }
  };
  tally(group, "group");
  tally(rest, "rest");

  const ranked: { contrast: AttributeContrast; z: number; difference: number }[] = [];
  const leftOutKeys: LeftOutKey[] = [];
  const groupSize = group.length;
  const restSize = rest.length;
  for (const [keyId, values] of byKey) {
    const [source, key] = keyId.split(SEPARATOR) as [string, string];
    if (values.size > settings.maxDistinctValues) {
      leftOutKeys.push({ source, key, distinctValues: values.size });
      continue;
    }
    if (groupSize === 0) continue;
    for (const [value, count] of values) {
      if (count.group < settings.minSupport) continue;
      const groupShare = count.group / groupSize;
      const restShare = restSize === 0 ? 0 : count.rest / restSize;
      const difference = groupShare - restShare;
      if (difference < settings.minShareDifference) continue;
      const z = twoProportionZ(count.group, groupSize, count.rest, restSize);
      if (z < settings.minZ) continue;
      const flooredRest = restSize === 0 ? 0.5 : Math.max(restShare, 0.5 / restSize);
      ranked.push({
        contrast: { source, key, value, groupShare, restShare, lift: groupShare / flooredRest, support: count.group, exampleTraceIds: count.examples },
        z,
        difference,
      });
    }
  }
  ranked.sort(
    (a, b) =>
      b.difference - a.difference ||
      b.z - a.z ||
      compareText(a.contrast.source, b.contrast.source) ||
      compareText(a.contrast.key, b.contrast.key) ||
      compareText(a.contrast.value, b.contrast.value),
  );
  leftOutKeys.sort((a, b) => compareText(a.source, b.source) || compareText(a.key, b.key));
  return {
    contrasts: ranked.slice(0, settings.limit).map((entry) => entry.contrast),
    leftOutKeys,
  };
}

/** Pooled two-proportion z statistic; 0 when either side is empty or the pooled share is 0 or 1. */
export function twoProportionZ(hitsA: number, sizeA: number, hitsB: number, sizeB: number): number {
  if (sizeA === 0 || sizeB === 0) return 0;
  const pooled = (hitsA + hitsB) / (sizeA + sizeB);
  const variance = pooled * (1 - pooled) * (1 / sizeA + 1 / sizeB);
  if (variance === 0) return 0;
  return (hitsA / sizeA - hitsB / sizeB) / Math.sqrt(variance);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
