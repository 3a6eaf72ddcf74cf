// A step of a flow path. It lives beside the span tree, not in lib/flows, because the tree's
// sibling order breaks start-time ties by a span's node key and lib/traces may not import
// lib/flows (dependencies point flows → traces); lib/graph types its nodes the same way.

export type PathNodeType = "service" | "api_endpoint" | "database" | "topic";

export interface PathNode {
  readonly type: PathNodeType;
  /** "GET /orders/:id", a database or topic name, or a service name. */
  readonly identifier: string;
  /**
   * The service the node belongs to: for a `service` node the service itself (also a peer
   * named by a CLIENT span), otherwise the service whose span produced the node.
   */
  readonly service: string;
}
