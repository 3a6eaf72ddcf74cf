// Everything a flow accumulates from its traces, with the exact add and remove that late
// spans need: a trace whose path changed leaves its old flow and joins the new one, and no
// count is doubled or lost.
import { computeRisk } from "./compute-risk";
import {
  addTraceToFlowStats,
  deserializeFlowStats,
  emptyFlowStats,
  flowMedianDurationMs,
  removeTraceFromFlowStats,
  serializeFlowStats,
  summarizeFlowStats,
  type FlowStats,
  type TraceObservation,
} from "./flow-stats";
import {
  addTraceToHourlyBuckets,
  deserializeHourlyBuckets,
  emptyHourlyBuckets,
  removeTraceFromHourlyBuckets,
  serializeHourlyBuckets,
  type HourlyBuckets,
} from "./hourly-buckets";
import {
  addTraceToNodeStats,
  deserializeNodeStats,
  emptyNodeStats,
  removeTraceFromNodeStats,
  serializeNodeStats,
  type NodeObservation,
  type NodeStats,
} from "./node-stats";
import {
  addSampleTrace,
  considerRepresentative,
  deserializeRepresentative,
  deserializeSampleTraces,
  removeSampleTrace,
  type RepresentativeCandidate,
  type SampleTrace,
} from "./pick-representative";

/** What one trace adds to its flow; stored with the trace so it can be taken back exactly. */
export interface FlowContribution {
  trace: TraceObservation;
  nodes: NodeObservation[];
  representative: RepresentativeCandidate;
}

export interface FlowAggregate {
  stats: FlowStats;
  nodeStats: NodeStats;
  hourly: HourlyBuckets;
  representative: RepresentativeCandidate | null;
  samples: SampleTrace[];
}

export function emptyFlowAggregate(): FlowAggregate {
  return { stats: emptyFlowStats(), nodeStats: emptyNodeStats(), hourly: emptyHourlyBuckets(), representative: null, samples: [] };
}

export function addContribution(flow: FlowAggregate, c: FlowContribution): FlowAggregate {
  const stats = addTraceToFlowStats(flow.stats, c.trace);
  return {
    stats,
    nodeStats: addTraceToNodeStats(flow.nodeStats, c.nodes),
    hourly: addTraceToHourlyBuckets(flow.hourly, c.trace),
    representative: considerRepresentative(flow.representative, c.representative, flowMedianDurationMs(stats)),
    samples: addSampleTrace(flow.samples, { traceId: c.representative.traceId, atMs: c.trace.atMs }),
  };
}

export function removeContribution(flow: FlowAggregate, c: FlowContribution): FlowAggregate {
  const traceId = c.representative.traceId;
  return {
    stats: removeTraceFromFlowStats(flow.stats, c.trace),
    nodeStats: removeTraceFromNodeStats(flow.nodeStats, c.nodes),
    hourly: removeTraceFromHourlyBuckets(flow.hourly, c.trace),
    // The runner-up is not kept; the flow's next trace becomes its representative.
    representative: flow.representative?.traceId === traceId ? null : flow.representative,
    samples: removeSampleTrace(flow.samples, traceId),
  };
}

/** The aggregate's columns as stored (JSON-safe). */
export function serializeFlowAggregate(flow: FlowAggregate) {
  return {
    stats: serializeFlowStats(flow.stats),
    nodeStats: serializeNodeStats(flow.nodeStats),
    hourly: serializeHourlyBuckets(flow.hourly),
    representative: flow.representative,
    samples: flow.samples,
  };
}

export function deserializeFlowAggregate(row: { stats: unknown; nodeStats: unknown; hourly: unknown; representative: unknown; samples: unknown }): FlowAggregate {
  return {
    stats: deserializeFlowStats(row.stats),
    nodeStats: deserializeNodeStats(row.nodeStats),
    hourly: deserializeHourlyBuckets(row.hourly),
    representative: row.representative === null || row.representative === undefined ? null : deserializeRepresentative(row.representative),
    samples: deserializeSampleTraces(row.samples),
  };
}

/** The figures lists sort and filter by, denormalized next to the serialized aggregate. */
export function flowFigures(flow: FlowAggregate) {
  const summary = summarizeFlowStats(flow.stats);
  return {
    occurrenceCount: summary.occurrenceCount,
    errorRate: summary.errorRate,
    avgDurationMs: summary.avgDurationMs,
    p95DurationMs: summary.p95DurationMs,
    riskScore: computeRisk(summary),
    firstSeenMs: summary.firstSeenAtMs ?? 0,
    lastSeenMs: summary.lastSeenAtMs ?? 0,
  };
}
