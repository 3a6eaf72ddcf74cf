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
// 3. The far end's port (`network.peer.port`, `client.port`, `source.port` and their older
//    names) is left out too: on a server span it is the caller's ephemeral port, the number of
//    one connection, and on a client span it repeats `server.port`. A kept-alive connection
//    carries hundreds of requests, so such ports have few distinct values and pass for a
//    category, yet each connection lives for a stretch of time: its port says when a trace ran.
//    Sampled newest first, the rarer failing traces reach further back than the passing ones,
//    so an earlier connection's port came out as "separating" failures that were random.
// 4. A (source, key) with more than `maxDistinctValues` distinct values across both groups is an
//    id, a timestamp or a payload: left out and listed in `leftOutKeys`, never silently dropped.
// 5. A value is a contrast when it is more common in the group, carried by at least
//    `minSupport` of its traces, its share difference reaches `minShareDifference`, and Fisher's
//    exact test (one-sided: the chance that the group, dealt at random from all the traces,
//    holds at least that many carriers) stays under `maxPValue` divided by the number of values
//    that could have come out as contrasts (Tarone's count, below). Exact and corrected because
//    failure samples are small and many values are tried: a two-proportion z-test read 3 of 5
//    random failures from one of 20 customers as z = 4.5 ("p < 0.0001") where the exact chance
//    is 0.004, and with 20 customers to try, a demo with 3% random failures was offered a
//    customer in about 2% of its diagnoses. Random failures must come out as "no attribute
//    separates them", not as the luckiest coincidence among the values tried.
// 6. Ranked by share difference, then p-value, then source, key and value (code-unit order), so
//    the result never depends on the order traces or attributes arrive in. At most `limit`.

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
  /** Family-wise: the chance that random failures bring any contrast at all. */
  maxPValue?: number;
  limit?: number;
  examplesPerContrast?: number;
}

const DEFAULTS: Required<ContrastOptions> = {
  maxDistinctValues: 20,
  minSupport: 3,
  minShareDifference: 0.2,
  maxPValue: 0.0001,
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

const CONNECTION_PORT_KEYS = new Set(["network.peer.port", "client.port", "source.port", "net.peer.port", "net.sock.peer.port"]);

export function isConnectionPort(key: string): boolean {
  return CONNECTION_PORT_KEYS.has(key);
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
        if (isOutcomeAttribute(fact.key) || isConnectionPort(fact.key)) continue;
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

  const groupSize = group.length;
  const restSize = rest.length;
  const meetsThresholds = (inGroup: number, inRest: number) =>
    inGroup >= settings.minSupport && inGroup / groupSize - (restSize === 0 ? 0 : inRest / restSize) >= settings.minShareDifference;

  const candidates: { source: string; key: string; value: string; count: ValueCount }[] = [];
  // Per value that could come out as a contrast: the p-value of the most lopsided split its
  // carriers allow (all of them in the group, as far as it holds them).
  const lowestPValues: number[] = [];
  const leftOutKeys: LeftOutKey[] = [];
  for (const [keyId, values] of byKey) {
    const [source, key] = keyId.split(SEPARATOR) as [string, string];
    if (values.size > settings.maxDistinctValues) {
      leftOutKeys.push({ source, key, distinctValues: values.size });
      continue;
    }
    if (groupSize === 0) continue;
    for (const [value, count] of values) {
      const carriers = count.group + count.rest;
      const mostInGroup = Math.min(carriers, groupSize);
      // Share difference, support and p-value all improve as carriers move into the group: a
      // value that fails at the most lopsided split can never be a contrast, so it is not a try.
      if (!meetsThresholds(mostInGroup, carriers - mostInGroup)) continue;
      lowestPValues.push(fisherExactGreater(mostInGroup, groupSize, carriers - mostInGroup, restSize));
      if (meetsThresholds(count.group, count.rest)) candidates.push({ source, key, value, count });
    }
  }

  const level = taroneLevel(settings.maxPValue, lowestPValues);
  const ranked: { contrast: AttributeContrast; pValue: number; difference: number }[] = [];
  for (const { source, key, value, count } of candidates) {
    const pValue = fisherExactGreater(count.group, groupSize, count.rest, restSize);
    if (pValue > level) continue;
    const groupShare = count.group / groupSize;
    const restShare = restSize === 0 ? 0 : count.rest / restSize;
    const flooredRest = restSize === 0 ? 0.5 : Math.max(restShare, 0.5 / restSize);
    ranked.push({
      contrast: { source, key, value, groupShare, restShare, lift: groupShare / flooredRest, support: count.group, exampleTraceIds: count.examples },
      pValue,
      difference: groupShare - restShare,
    });
  }
  ranked.sort(
    (a, b) =>
      b.difference - a.difference ||
      a.pValue - b.pValue ||
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

/**
 * Bonferroni's level (maxPValue / number of tries) counting as tries only the values that could
 * reach it (Tarone, 1990): the smallest k such that at most k values have a lowest possible
 * p-value under maxPValue / k. Values every trace carries, or too few traces to reach the level
 * even if all of them failed, cannot make a false contrast, so they do not dilute the real one.
 */
export function taroneLevel(maxPValue: number, lowestPValues: readonly number[]): number {
  const sorted = [...lowestPValues].sort((a, b) => a - b);
  let reachable = sorted.length;
  for (let tries = 1; ; tries++) {
    const level = maxPValue / tries;
    while (reachable > 0 && sorted[reachable - 1]! > level) reachable--;
    if (reachable <= tries) return level;
  }
}

/**
 * One-sided Fisher's exact test: the chance that `sizeA` traces dealt at random from all
 * `sizeA + sizeB` hold at least `hitsA` of the `hitsA + hitsB` that carry a value (the
 * hypergeometric upper tail). 1 when either side is empty.
 */
export function fisherExactGreater(hitsA: number, sizeA: number, hitsB: number, sizeB: number): number {
  if (sizeA === 0 || sizeB === 0) return 1;
  const total = sizeA + sizeB;
  const carriers = hitsA + hitsB;
  const ways = logChoose(total, sizeA);
  let p = 0;
  for (let inA = hitsA; inA <= Math.min(carriers, sizeA); inA++) p += Math.exp(logChoose(carriers, inA) + logChoose(total - carriers, sizeA - inA) - ways);
  return Math.min(1, p);
}

const logFactorials: number[] = [0];

function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  for (let i = logFactorials.length; i <= n; i++) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[n]! - logFactorials[k]! - logFactorials[n - k]!;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
