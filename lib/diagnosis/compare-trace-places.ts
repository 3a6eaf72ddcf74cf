// The places of one trace that a comparison aligns: each is a path node at one position of the
// span tree, with the spans that stood for it there.
//
// A span stands for its own path node; a call whose callee reports its own span (no node of its
// own, PathNode rule 4) is passed through, so the callee sits where the call was made and a
// failed call counts as a failure of the callee's place (a 404 the caller saw, a timeout).
//
// A place is named by its parent's place, its node's `type:identifier` and its occurrence among
// its siblings with that node. Siblings with the same node next to each other (retries, an N+1
// loop) are one occurrence, so 3 calls against 5 compare as one place whose count changed;
// the same node again after another one (A, B, A) is a second occurrence, a place of its own.
// Both traces name places through one registry, so equal places get equal numbers.
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import type { SpanTree, SpanTreeNode } from "../traces/span-tree";
import type { TraceSpan } from "../traces/trace-span";

export interface TracePlace {
  /** Equal in both traces for the same place (see `createPlaceRegistry`). */
  readonly id: number;
  /** The id of the place it hangs under, -1 at the top of the trace. */
  readonly parentId: number;
  /** `type:identifier` of the node. */
  readonly key: string;
  /** The node of the first span seen here. */
  readonly node: PathNode;
  /** 0 for the places at the top of the trace. */
  readonly depth: number;
  readonly spanIds: string[];
  /** Sum of the spans' own durations, each inclusive of its children. */
  durationMs: number;
  /** Spans here that failed, or whose forwarded call failed. */
  errorCount: number;
}

export interface PlaceRegistry {
  /** The number of the place under `parentId` (-1 at the top) for the node's nth occurrence. */
  placeId(parentId: number, key: string, occurrence: number): number;
}

export function createPlaceRegistry(): PlaceRegistry {
  // Numbers, not the chain of keys from the root: a 10,000-level trace would need quadratic text.
  const ids = new Map<string, number>();
  return {
    placeId(parentId, key, occurrence) {
      const name = `${parentId}\u0000${occurrence}\u0000${key}`;
      let id = ids.get(name);
      if (id === undefined) ids.set(name, (id = ids.size));
      return id;
    },
  };
}

interface OpenPlace {
  /** null for the top of the trace. */
  place: TracePlace | null;
  /** The last child place, which a next sibling with the same node joins. */
  lastChild: OpenPlace | null;
  childOccurrences: Map<string, number>;
}

/** The trace's places in preorder: each place before its children, siblings in span order. */
export function collectTracePlaces<S extends TraceSpan>(tree: SpanTree<S>, registry: PlaceRegistry): TracePlace[] {
  const places: TracePlace[] = [];
  const top: OpenPlace = { place: null, lastChild: null, childOccurrences: new Map() };
  // The place a span's children hang under: its own, or for a forwarded call its caller's.
  const containerOf = new Map<SpanTreeNode<S>, OpenPlace>();
  // Spans that stand for a failed forwarded call (the caller saw the failure, the callee may not).
  const failedCalls = new Set<SpanTreeNode<S>>();

  // tree.nodes is a preorder walk: a span's parent, and the call it stands for, come first.
  for (const treeNode of tree.nodes) {
    const parent = treeNode.parent === null ? top : containerOf.get(treeNode.parent)!;
    const failed = treeNode.span.status === "error" || failedCalls.has(treeNode);
    if (treeNode.pathNode === null) {
      containerOf.set(treeNode, parent);
      if (failed) {
        const callee = treeNode.children.find((child) => child.attachment === "parent" && child.span.service !== treeNode.span.service);
        if (callee !== undefined) failedCalls.add(callee);
      }
      continue;
    }
    const key = nodeKey(treeNode.pathNode);
    let open = parent.lastChild;
    if (open === null || open.place!.key !== key) {
      const occurrence = parent.childOccurrences.get(key) ?? 0;
      parent.childOccurrences.set(key, occurrence + 1);
      const parentId = parent.place?.id ?? -1;
      const place: TracePlace = {
        id: registry.placeId(parentId, key, occurrence),
        parentId,
        key,
        node: treeNode.pathNode,
        depth: parent.place === null ? 0 : parent.place.depth + 1,
        spanIds: [],
        durationMs: 0,
        errorCount: 0,
      };
      places.push(place);
      open = { place, lastChild: null, childOccurrences: new Map() };
      parent.lastChild = open;
    }
    const place = open.place!;
    place.spanIds.push(treeNode.span.spanId);
    place.durationMs += Math.max(0, Number(treeNode.span.endNs - treeNode.span.startNs) / 1e6);
    if (failed) place.errorCount++;
    containerOf.set(treeNode, open);
  }
  return places;
}
