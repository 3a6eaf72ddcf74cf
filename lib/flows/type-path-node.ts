// Node typing is implemented in lib/traces because the span tree orders siblings by node key
// and lib/traces may not import lib/flows; flow code imports it from here all the same.
export { typePathNode } from "../traces/type-path-node";
export { nodeKey } from "../traces/node-key";
export type { PathNode, PathNodeType } from "../traces/path-node";
