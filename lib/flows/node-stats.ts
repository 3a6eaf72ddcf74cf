// Statistics per path node of one flow, keyed by the node's `type:identifier` (the parts the
// fingerprint is made of): how often it ran, its span duration P50/P95 and its error rate.
// Same exact add/remove/merge design as flow-stats.ts: integer counts plus a bucket-count
// duration sketch, so a trace that late spans move to another flow can be taken out again and
// leave every node exactly as before. A node whose count drops to zero disappears.

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
import { readArray, readCount, readRecord, readString, readVersion, StatsDecodeError } from "./flow-stats-json";

/** One path node's span in one trace. */
export interface NodeObservation {
  /** `type:identifier`, e.g. `api_endpoint:GET /orders/:id`: nodeKey() of lib/traces/node-key. */
  readonly nodeKey: string;
  /** Duration of the span that represents the node in this trace. */
  readonly durationMs: number;
  /** That span had error status. */
  readonly hasError: boolean;
}

export interface NodeStat {
  /** Occurrences: observations added (a path lists a node once, so traces containing it). */
  readonly count: number;
  /** Occurrences whose span had error status. */
  readonly errorCount: number;
  readonly durationSketch: DurationSketch;
}

/** nodeKey -> statistics; only nodes with at least one occurrence are present. Immutable. */
export type NodeStats = ReadonlyMap<string, NodeStat>;

export interface NodeStatSummary {
  readonly nodeKey: string;
  readonly count: number;
  readonly errorCount: number;
  readonly errorRate: number;
  readonly p50DurationMs: number;
  readonly p95DurationMs: number;
}

export function emptyNodeStats(): NodeStats {
  return new Map();
}

/** Adds one trace: one observation per node of its path. */
export function addTraceToNodeStats(stats: NodeStats, observations: readonly NodeObservation[]): NodeStats {
  if (observations.length === 0) return stats;
  const next = new Map(stats);
  for (const [nodeKey, group] of groupByNodeKey(observations)) {
    const stat = stats.get(nodeKey);
    next.set(nodeKey, {
      count: (stat?.count ?? 0) + group.length,
      errorCount: (stat?.errorCount ?? 0) + countErrors(group),
      durationSketch: addDurations(
        stat?.durationSketch ?? emptyDurationSketch(),
        group.map((observation) => observation.durationMs),
      ),
    });
  }
  return next;
}

/**
 * Takes back one trace's observations, passed as they were added. Throws RangeError when a
 * node has fewer occurrences, errors or bucket counts than that: the stored stats and the
 * caller disagree. Nothing is changed then (the input is never modified).
 */
export function removeTraceFromNodeStats(stats: NodeStats, observations: readonly NodeObservation[]): NodeStats {
  if (observations.length === 0) return stats;
  const next = new Map(stats);
  for (const [nodeKey, group] of groupByNodeKey(observations)) {
    const stat = stats.get(nodeKey);
    if (stat === undefined || stat.count < group.length) {
      throw new RangeError(`cannot remove ${group.length} occurrence(s) of ${nodeKey}: not recorded`);
    }
    const errorCount = stat.errorCount - countErrors(group);
    if (errorCount < 0) throw new RangeError(`cannot remove error occurrence(s) of ${nodeKey}: not recorded`);
    let durationSketch = stat.durationSketch;
    for (const observation of group) durationSketch = removeDuration(durationSketch, observation.durationMs);
    const count = stat.count - group.length;
    if (count === 0) next.delete(nodeKey);
    else next.set(nodeKey, { count, errorCount, durationSketch });
  }
  return next;
}

/** Combines two flows' node statistics; commutative and associative. */
export function mergeNodeStats(a: NodeStats, b: NodeStats): NodeStats {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const next = new Map(a);
  for (const [nodeKey, stat] of b) {
    const other = a.get(nodeKey);
    next.set(
      nodeKey,
      other === undefined
        ? stat
        : {
            count: other.count + stat.count,
            errorCount: other.errorCount + stat.errorCount,
            durationSketch: mergeDurationSketches(other.durationSketch, stat.durationSketch),
          },
    );
  }
  return next;
}

export function summarizeNodeStat(nodeKey: string, stat: NodeStat): NodeStatSummary {
  return {
    nodeKey,
    count: stat.count,
    errorCount: stat.errorCount,
    errorRate: stat.count === 0 ? 0 : stat.errorCount / stat.count,
    p50DurationMs: durationQuantileMs(stat.durationSketch, 0.5),
    p95DurationMs: durationQuantileMs(stat.durationSketch, 0.95),
  };
}

/** Every node's summary, ordered by nodeKey so the output is deterministic. */
export function summarizeNodeStats(stats: NodeStats): NodeStatSummary[] {
  return sortedNodeKeys(stats).map((nodeKey) => summarizeNodeStat(nodeKey, stats.get(nodeKey) as NodeStat));
}

/**
 * The stored form. Nodes are a list, not an object keyed by nodeKey, because node keys come
 * from telemetry and one named `__proto__` would be swallowed by an object.
 */
export interface SerializedNodeStats {
  readonly version: 1;
  readonly nodes: readonly {
    readonly nodeKey: string;
    readonly count: number;
    readonly errorCount: number;
    readonly durationSketch: string;
  }[];
}

export function serializeNodeStats(stats: NodeStats): SerializedNodeStats {
  return {
    version: 1,
    nodes: sortedNodeKeys(stats).map((nodeKey) => {
      const stat = stats.get(nodeKey) as NodeStat;
      return {
        nodeKey,
        count: stat.count,
        errorCount: stat.errorCount,
        durationSketch: serializeDurationSketch(stat.durationSketch),
      };
    }),
  };
}

/** Reads serializeNodeStats' output back (after JSON.parse); throws StatsDecodeError if invalid. */
export function deserializeNodeStats(value: unknown): NodeStats {
  const record = readRecord(value, "node stats");
  readVersion(record, 1, "node stats");
  const stats = new Map<string, NodeStat>();
  readArray(record, "nodes", "node stats").forEach((entry, index) => {
    const what = `node stats.nodes[${index}]`;
    const node = readRecord(entry, what);
    const nodeKey = readString(node, "nodeKey", what);
    const stat: NodeStat = {
      count: readCount(node, "count", what),
      errorCount: readCount(node, "errorCount", what),
      durationSketch: deserializeDurationSketch(readString(node, "durationSketch", what)),
    };
    if (stats.has(nodeKey)) throw new StatsDecodeError(`${what}: node ${nodeKey} appears twice`);
    if (stat.count === 0) throw new StatsDecodeError(`${what}: a node with no occurrences is not stored`);
    if (stat.durationSketch.count !== stat.count) {
      throw new StatsDecodeError(`${what}: sketch holds ${stat.durationSketch.count} durations, not ${stat.count}`);
    }
    if (stat.errorCount > stat.count) throw new StatsDecodeError(`${what}: more errors than occurrences`);
    stats.set(nodeKey, stat);
  });
  return stats;
}

function groupByNodeKey(observations: readonly NodeObservation[]): Map<string, NodeObservation[]> {
  const groups = new Map<string, NodeObservation[]>();
  for (const observation of observations) {
    if (typeof observation.nodeKey !== "string" || observation.nodeKey === "") {
      throw new RangeError("a node observation needs a non-empty nodeKey");
    }
    const group = groups.get(observation.nodeKey);
    if (group === undefined) groups.set(observation.nodeKey, [observation]);
    else group.push(observation);
  }
  return groups;
}

function countErrors(observations: readonly NodeObservation[]): number {
  return observations.filter((observation) => observation.hasError).length;
}

function sortedNodeKeys(stats: NodeStats): string[] {
  // Code-unit order, not localeCompare: the same on every machine.
  return [...stats.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
