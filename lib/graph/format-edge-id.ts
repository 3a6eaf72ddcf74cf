import type { GraphEdgeKind } from "./graph-types";

/**
 * An edge's id: `kind:source→target`, e.g. `calls:service:frontend→api_endpoint:GET /route`.
 * Node ids are untrusted text (routes, topic names), so a `→` or `\` inside one is escaped
 * with `\`: without that, `a→b` + `c` and `a` + `b→c` would share an id and merge their
 * statistics. The kind has no colon, so the first colon always ends it.
 */
export function formatEdgeId(source: string, kind: GraphEdgeKind, target: string): string {
  return `${kind}:${escapeNodeId(source)}→${escapeNodeId(target)}`;
}

/**
 * The id of the service view's edge between two nodes, whatever kinds of edges it adds up:
 * `source→target`, escaped like formatEdgeId.
 */
export function formatPairId(source: string, target: string): string {
  return `${escapeNodeId(source)}→${escapeNodeId(target)}`;
}

function escapeNodeId(id: string): string {
  return id.replace(/[\\→]/g, (c) => `\\${c}`);
}
