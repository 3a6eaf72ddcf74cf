import { createHash } from "node:crypto";
import type { PathNode } from "../traces/path-node";
import { pathKey } from "./path-key";

/**
 * Lowercase hex SHA-256 of the path key (UTF-8). Byte-compatible with TestMesh, so flows
 * discovered there and here carry the same fingerprint.
 */
export function computeFingerprint(nodes: readonly Pick<PathNode, "type" | "identifier">[]): string {
  return createHash("sha256").update(pathKey(nodes), "utf8").digest("hex");
}
