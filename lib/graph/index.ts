// Public API of the service graph. Pure: no I/O, no framework, no store; depends on lib/traces
// and on lib/flows' duration sketch buckets only.
export type { GraphDelta, GraphEdge, GraphEdgeEntry, GraphEdgeKind, GraphNode, GraphNodeEntry, GraphNodeType, ServiceGraph } from "./graph-types";
export type { GraphSummary, GraphSummaryEdge, GraphSummaryNode } from "./summarize-graph";
export type { ServiceViewEdge, ServiceViewEndpoint, ServiceViewGraph, ServiceViewNode } from "./aggregate-service-graph";
export type { NodeTrafficSummary } from "./compute-node-traffic";
export type { DatabaseAccess } from "./classify-database-operation";
export type { MessagingRole } from "./classify-messaging-role";
export { extractTraceGraph } from "./extract-trace-graph";
export { emptyServiceGraph, mergeGraph, mergeGraphs, subtractGraph } from "./merge-graph";
export { summarizeGraph } from "./summarize-graph";
export { aggregateServiceGraph } from "./aggregate-service-graph";
export { computeNodeTraffic } from "./compute-node-traffic";
export { classifyDatabaseOperation } from "./classify-database-operation";
export { classifyMessagingRole } from "./classify-messaging-role";
export { findTraceTimeMs } from "./find-trace-time";
export { formatEdgeId, formatPairId } from "./format-edge-id";
export { decodeGraph, encodeGraph, type CompactGraph } from "./graph-codec";
