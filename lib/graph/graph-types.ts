// The service graph as plain data: records keyed by id, numbers (never bigint), no Maps or
// classes, so a graph round-trips through JSON (a database column, a worker message) unchanged.
//
// One type serves both as one trace's contribution and as the running total of many traces:
// the graph of a trace is the total of a one-trace set, so merging is plain addition and
// `subtractGraph` takes a trace back out exactly (see merge-graph.ts).
import type { PathNodeType } from "../traces/path-node";

export type GraphNodeType = PathNodeType;

export type GraphEdgeKind = "calls" | "exposes" | "reads" | "writes" | "publishes" | "consumes";

export interface GraphNode {
  /**
   * `type:identifier`, the nodeKey of lib/traces, so a graph node and a flow path step that
   * name the same thing share an id (`service:orders`, `api_endpoint:GET /orders/:id`,
   * `database:shop`, `topic:order.created`). The service is not part of it: two services
   * exposing the same method and route share one endpoint node, exactly as flow paths do.
   */
  readonly id: string;
  readonly type: GraphNodeType;
  /** The identifier alone: the route, the database or topic name, the service name. */
  readonly label: string;
  /**
   * The service the node belongs to. A service node is its own. Any other node belongs to the
   * service whose spans were typed as it (PathNode.service) in the most traces (for a topic:
   * the publishers, the consumers only in traces without a publisher), ties broken by
   * code-unit order of the name, so the answer never depends on merge order.
   */
  readonly service: string;
}

export interface GraphEdge {
  /** formatEdgeId(source, kind, target). */
  readonly id: string;
  /** Node id. */
  readonly source: string;
  /** Node id. */
  readonly target: string;
  readonly kind: GraphEdgeKind;
  /** Spans counted as calls on this edge (the rules are in extract-trace-graph.ts). */
  readonly callCount: number;
  /**
   * Sum of the calls' durations in whole microseconds: integers add and subtract exactly in a
   * double (a float sum of milliseconds would drift and depend on merge order). Exact up to
   * 2^53 µs, 285 years of summed call time.
   */
  readonly durationSumUs: number;
  /** Calls whose span had error status. */
  readonly errorCount: number;
  /**
   * Latest trace time (epoch ms, see findTraceTimeMs) among the traces that added calls.
   * Subtraction does not narrow it (the trace that last used the edge may be taken out and
   * re-added after late spans; the times of the others are not kept); it goes with the edge.
   */
  readonly lastSeenAtMs: number;
  /**
   * The calls' durations as DDSketch buckets (lib/flows/duration-sketch.ts, 1% relative
   * accuracy): bucket key -> calls, only positive counts, keys written in ascending numeric order. With
   * zeroDurationCount they give the edge's exact-rank P95 and, being counts, add and subtract
   * exactly like everything else. Absent on edges stored before durations were kept; their
   * older calls are then simply not in the P95 (see edge-durations.ts).
   */
  readonly durationBuckets?: Readonly<Record<string, number>>;
  /** Calls that lasted 0 µs (or ended before they started): DDSketch's zero count. */
  readonly zeroDurationCount?: number;
}

/** A node with the reference counts that let subtraction drop it exactly when unused. */
export interface GraphNodeEntry extends GraphNode {
  /** Traces whose graph contains the node. The node is dropped when this reaches 0. */
  readonly traceCount: number;
  /**
   * Service name -> traces in which that service's spans were typed as this node (a service
   * node counts itself). Decides `service`. Keys are sorted; only positive counts are kept.
   */
  readonly serviceTraceCounts: Readonly<Record<string, number>>;
}

export interface GraphEdgeEntry extends GraphEdge {
  /** Traces that added at least one call. The edge is dropped when this reaches 0. */
  readonly traceCount: number;
}

/**
 * Nodes and edges keyed by their ids, keys in code-unit order so equal graphs are equal even
 * as JSON text. Every edge's source and target is a node of the same graph.
 */
export interface ServiceGraph {
  readonly nodes: Readonly<Record<string, GraphNodeEntry>>;
  readonly edges: Readonly<Record<string, GraphEdgeEntry>>;
}

/** What one trace (or a batch of traces) adds to, or takes back from, a running graph. */
export type GraphDelta = ServiceGraph;
