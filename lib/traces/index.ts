// Public API of trace assembly. Pure: no I/O, no framework, no store.
export type { TraceSpan } from "./trace-span";
export type { PathNode, PathNodeType } from "./path-node";
export type { SpanAttachment, SpanTree, SpanTreeNode } from "./span-tree";
export { buildSpanTree } from "./build-span-tree";
export { typePathNode } from "./type-path-node";
export { nodeKey } from "./node-key";
export { readTextAttribute } from "./read-text-attribute";
export { isTraceInProgress, type TraceProgressInput } from "./trace-progress";
