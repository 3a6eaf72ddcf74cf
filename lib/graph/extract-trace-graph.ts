// One trace's service graph: which services, endpoints, databases and topics it touched, and
// which of them called, exposed, read, wrote, published or consumed which, with every call's
// duration and error status. The running graph is the sum of these (merge-graph.ts).
import { nodeKey } from "../traces/node-key";
import type { PathNode, PathNodeType } from "../traces/path-node";
import type { SpanTree, SpanTreeNode } from "../traces/span-tree";
import type { TraceSpan } from "../traces/trace-span";
import { assembleGraph, type EdgeTally, type NodeTally } from "./assemble-graph";
import { emptyDurationTally, tallyDurationUs } from "./edge-durations";
import { classifyDatabaseOperation } from "./classify-database-operation";
import { classifyMessagingRole } from "./classify-messaging-role";
import { findTraceTimeMs } from "./find-trace-time";
import { formatEdgeId } from "./format-edge-id";
import type { GraphEdgeKind, ServiceGraph } from "./graph-types";
import { CLIENT_KIND } from "./span-kinds";

/**
 * The graph of one trace (all of its spans, assembled by buildSpanTree). Nodes are the spans'
 * PathNodes (DESIGN.md's typing, computed by the tree) plus `service:<name>` for every service
 * with a span. Every trace-level count is 1 (`traceCount`, `serviceTraceCounts`), every edge's
 * `lastSeenAtMs` is the trace's time (findTraceTimeMs). A node's owning services
 * (`serviceTraceCounts`) are the services of the spans typed as it (PathNode.service), except
 * that a topic is owned by its publishers, and by its consumers only in a trace without one.
 *
 * One call is one span; each span adds at most one call to its own node's edge and at most
 * one to the edge from its caller. Its duration (end − start, rounded to whole µs, negative
 * taken as 0) and error status (`status === "error"`) are the call's. Per span, with A its
 * service and "real parent" the span named by its parentSpanId (not one the tree hung it
 * under because that parent is missing or looped):
 *
 * 1. Its own node, unless its real parent is a span of the same service typed as the same
 *    node: that inner span is the same operation recorded twice (Next.js nests two SERVER
 *    spans per request; an ORM span wraps its driver's), not a second call.
 *    - api_endpoint: `service:A → endpoint`, exposes.
 *    - database: `service:A → database`, reads / writes / calls by classifyDatabaseOperation.
 *    - topic: publishes (`service:A → topic`) or consumes (`topic → service:A`) by
 *      classifyMessagingRole; calls (`service:A → topic`) for other messaging spans (settle).
 *    - service named by peer.service / server.address (a CLIENT span nobody answered, typing
 *      rule 5): `service:A → service:<peer>`, calls: a dependency that sends no traces. A
 *      client span that names no peer says nothing about where it went and adds nothing.
 * 2. The hop from its caller, when its real parent belongs to another service P: one call
 *    `service:P → X`, where X is the span's endpoint if it is typed api_endpoint, else
 *    `service:A` (a gRPC server without route, or a database client reporting under its own
 *    service name, as HotROD's mysql and redis do). When the parent is a CLIENT span whose
 *    only callee is this span (the usual instrumented call), the call is measured as its
 *    caller saw it: the client span's duration, network and queueing included, and an error
 *    if either span failed. Otherwise (the parent is not a client span, or one client span
 *    has several callees) the callee's span alone measures it.
 *    A consuming span is reached through its topic, not called: when it or (failing that)
 *    its real parent names a topic, the hop is `topic → service:A`, consumes (from its own
 *    topic, rule 1 has added it already); only when neither does is it a call.
 *
 * Orphans and extra roots have no known caller and add no hop. The trace's own time decides
 * nothing but `lastSeenAtMs`, and the tree's shape does not depend on arrival order, so the
 * graph does not either.
 */
export function extractTraceGraph<S extends TraceSpan>(tree: SpanTree<S>): ServiceGraph {
  const nodes = new Map<string, NodeTally>();
  const edges = new Map<string, EdgeTally>();
  const atMs = findTraceTimeMs(tree);
  if (atMs === null) return assembleGraph(nodes, edges);

  // A topic belongs to the services publishing to it; its consumers (and other messaging
  // spans naming it) own it only in a trace that shows no publisher: kept aside until then.
  const topicFallbacks = new Map<string, Set<string>>();
  const addNode = (type: PathNodeType, identifier: string, service: string, owns = true): string => {
    const id = nodeKey({ type, identifier });
    let node = nodes.get(id);
    if (node === undefined) {
      node = { type, label: identifier, traceCount: 1, serviceTraceCounts: new Map() };
      nodes.set(id, node);
    }
    // One trace counts once, however many of its spans typed the node.
    if (owns) node.serviceTraceCounts.set(service, 1);
    else topicFallbacks.set(id, (topicFallbacks.get(id) ?? new Set()).add(service));
    return id;
  };
  const addCall = (source: string, kind: GraphEdgeKind, target: string, durationUs: number, isError: boolean): void => {
    const id = formatEdgeId(source, kind, target);
    let edge = edges.get(id);
    if (edge === undefined) {
      edge = { source, target, kind, callCount: 1, durationSumUs: durationUs, errorCount: isError ? 1 : 0, lastSeenAtMs: atMs, traceCount: 1, durations: emptyDurationTally() };
      edges.set(id, edge);
    } else {
      edge.callCount += 1;
      edge.durationSumUs += durationUs;
      if (isError) edge.errorCount += 1;
    }
    tallyDurationUs(edge.durations, durationUs);
  };

  // A span's callees: its real children in another service, the spans that answered it.
  // Counted once per span: one client span may have thousands of children.
  const calleeCounts = new Map<SpanTreeNode<S>, number>();
  const countCallees = (node: SpanTreeNode<S>): number => {
    let count = calleeCounts.get(node);
    if (count === undefined) {
      count = 0;
      for (const child of node.children) {
        if (child.attachment === "parent" && child.span.service !== node.span.service) count++;
      }
      calleeCounts.set(node, count);
    }
    return count;
  };

  for (const treeNode of tree.nodes) {
    const { span, pathNode } = treeNode;
    const service = addNode("service", span.service, span.service);
    const role = classifyMessagingRole(span);
    const own = pathNode === null ? null : addNode(pathNode.type, pathNode.identifier, pathNode.service, pathNode.type !== "topic" || role === "publish");
    const parent = treeNode.attachment === "parent" ? treeNode.parent : null;
    const durationUs = spanDurationUs(span);
    const isError = span.status === "error";

    if (pathNode !== null && own !== null && !isSameOperationAsParent(pathNode, span, parent)) {
      switch (pathNode.type) {
        case "api_endpoint":
          addCall(service, "exposes", own, durationUs, isError);
          break;
        case "database":
          addCall(service, classifyDatabaseOperation(span.attributes, span.name), own, durationUs, isError);
          break;
        case "topic":
          if (role === "consume") addCall(own, "consumes", service, durationUs, isError);
          else addCall(service, role === "publish" ? "publishes" : "calls", own, durationUs, isError);
          break;
        case "service":
          if (own !== service) addCall(service, "calls", own, durationUs, isError);
          break;
      }
    }

    if (parent === null || parent.span.service === span.service) continue;
    const caller = addNode("service", parent.span.service, parent.span.service);
    if (role === "consume") {
      if (pathNode?.type === "topic") continue;
      if (parent.pathNode?.type === "topic") {
        addCall(nodeKey(parent.pathNode), "consumes", service, durationUs, isError);
        continue;
      }
    }
    const target = pathNode?.type === "api_endpoint" && own !== null ? own : service;
    if (parent.span.kind === CLIENT_KIND && countCallees(parent) === 1) {
      addCall(caller, "calls", target, spanDurationUs(parent.span), isError || parent.span.status === "error");
    } else {
      addCall(caller, "calls", target, durationUs, isError);
    }
  }
  for (const [id, services] of topicFallbacks) {
    const node = nodes.get(id)!;
    if (node.serviceTraceCounts.size === 0) for (const service of services) node.serviceTraceCounts.set(service, 1);
  }
  return assembleGraph(nodes, edges);
}

function isSameOperationAsParent(pathNode: PathNode, span: TraceSpan, parent: SpanTreeNode | null): boolean {
  return (
    parent !== null &&
    parent.span.service === span.service &&
    parent.pathNode !== null &&
    parent.pathNode.type === pathNode.type &&
    parent.pathNode.identifier === pathNode.identifier
  );
}

/** Whole microseconds, half up; a span ending before it starts lasted 0. */
function spanDurationUs(span: Pick<TraceSpan, "startNs" | "endNs">): number {
  const ns = span.endNs - span.startNs;
  return ns <= 0n ? 0 : Number((ns + 500n) / 1000n);
}
