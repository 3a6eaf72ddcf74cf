// What each node of the graph received and sent, counted so that one request is counted once.
//
// Callers call endpoints, not services: the stored graph has `service:api-gateway → calls →
// api_endpoint:POST /orders` and `service:orders → exposes → api_endpoint:POST /orders`, and no
// edge into `service:orders` at all. Adding up incoming edges therefore gave every service with
// routes 0 calls in, and every endpoint each request twice (the caller's call and the
// service's exposes). Here a request counts where it is served: an exposes edge is traffic
// into both its endpoint and its service (requests from outside the traced system included,
// which no caller edge shows), and a call into an endpoint counts only as the caller's
// outgoing traffic. Every other edge is traffic out of its source and into its target.
import { addStoredDurations, durationTallyQuantileMs, emptyDurationTally, type DurationTally } from "./edge-durations";
import type { GraphEdgeEntry, ServiceGraph } from "./graph-types";

/** A node's traffic as both views of GET telemetry/graph return it. */
export interface NodeTrafficSummary {
  /** Requests served (endpoints, services with routes) or calls received (the rest). */
  calls_in: number;
  errors_in: number;
  /** Mean duration of calls_in; null without any. */
  avg_in_ms: number | null;
  /** P95 of calls_in (DDSketch, within 1%); null when no duration is known. */
  p95_in_ms: number | null;
  /** Calls, reads, writes and messages the node sent. */
  calls_out: number;
  errors_out: number;
}

interface TrafficTally {
  callsIn: number;
  errorsIn: number;
  durationSumUsIn: number;
  durationsIn: DurationTally;
  callsOut: number;
  errorsOut: number;
}

export function computeNodeTraffic(graph: ServiceGraph): Map<string, NodeTrafficSummary> {
  const tallies = new Map<string, TrafficTally>();
  const tallyOf = (id: string): TrafficTally => {
    let tally = tallies.get(id);
    if (tally === undefined) {
      tally = { callsIn: 0, errorsIn: 0, durationSumUsIn: 0, durationsIn: emptyDurationTally(), callsOut: 0, errorsOut: 0 };
      tallies.set(id, tally);
    }
    return tally;
  };
  const into = (id: string, edge: GraphEdgeEntry) => {
    const tally = tallyOf(id);
    tally.callsIn += edge.callCount;
    tally.errorsIn += edge.errorCount;
    tally.durationSumUsIn += edge.durationSumUs;
    addStoredDurations(tally.durationsIn, edge);
  };
  const outOf = (id: string, edge: GraphEdgeEntry) => {
    const tally = tallyOf(id);
    tally.callsOut += edge.callCount;
    tally.errorsOut += edge.errorCount;
  };

  for (const edge of Object.values(graph.edges)) {
    if (edge.kind === "exposes") {
      into(edge.target, edge);
      into(edge.source, edge);
      continue;
    }
    outOf(edge.source, edge);
    if (graph.nodes[edge.target]?.type !== "api_endpoint") into(edge.target, edge);
  }

  const traffic = new Map<string, NodeTrafficSummary>();
  for (const id of Object.keys(graph.nodes)) {
    const t = tallies.get(id);
    traffic.set(
      id,
      t === undefined
        ? { calls_in: 0, errors_in: 0, avg_in_ms: null, p95_in_ms: null, calls_out: 0, errors_out: 0 }
        : {
            calls_in: t.callsIn,
            errors_in: t.errorsIn,
            avg_in_ms: t.callsIn === 0 ? null : t.durationSumUsIn / t.callsIn / 1000,
            p95_in_ms: durationTallyQuantileMs(t.durationsIn, 0.95),
            calls_out: t.callsOut,
            errors_out: t.errorsOut,
          },
    );
  }
  return traffic;
}
