import type { PathNode } from "./path-node";

/** A node's identity, `type:identifier`: what retries collapse on and what fingerprints hash. */
export function nodeKey(node: Pick<PathNode, "type" | "identifier">): string {
  return `${node.type}:${node.identifier}`;
}
