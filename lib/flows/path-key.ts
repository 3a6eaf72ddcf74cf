import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";

/**
 * `type:identifier` parts joined by "→" (U+2192) without spaces: the exact bytes the
 * fingerprint hashes (TestMesh-compatible) and a compact equality key for paths.
 */
export function pathKey(nodes: readonly Pick<PathNode, "type" | "identifier">[]): string {
  return nodes.map(nodeKey).join("→");
}
