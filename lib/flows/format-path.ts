import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";

/** The path for people: `service:api-gateway → api_endpoint:POST /api/v1/orders`. Not hashed. */
export function formatPath(nodes: readonly Pick<PathNode, "type" | "identifier">[]): string {
  return nodes.map(nodeKey).join(" → ");
}
