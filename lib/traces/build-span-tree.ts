// Assembles one trace's spans into a tree whose shape and sibling order depend only on span
// content, never on arrival order or on the random span ids, so identical requests always
// give identical flow paths. Every walk is iterative: traces are untrusted input and a
// 10,000-level chain must not overflow the stack.
import { hashText } from "./hash-text";
import { nodeKey } from "./node-key";
import type { PathNode } from "./path-node";
import type { SpanAttachment, SpanTree } from "./span-tree";
import type { TraceSpan } from "./trace-span";
import { typePathNode } from "./type-path-node";

interface MutableNode<S extends TraceSpan> {
  span: S;
  parent: MutableNode<S> | null;
  children: MutableNode<S>[];
  depth: number;
  pathNode: PathNode | null;
  attachment: SpanAttachment;
}

/**
 * Builds the span tree of one trace (callers group spans by traceId first).
 *
 * Sibling order: start time, then the PathNode key (`type:identifier`, "" for a span that
 * contributes no node), then span name, then a digest of the sibling's whole subtree
 * (content and timestamps), then spanId. The digest means ids only ever decide between
 * siblings whose subtrees are identical in every respect a path can see, so the path never
 * depends on ids. Strings compare by code unit, not locale, so every machine agrees.
 *
 * Choices for broken input:
 * - Duplicates (same spanId, e.g. an exporter retrying a batch): one is kept, the one with the
 *   longest duration, as a span re-sent after more work is recorded is the more complete one;
 *   with equal durations the first received stays. `duplicateCount` counts the rest.
 * - Several parentless spans: the first in sibling order (earliest start) is the root; the
 *   others hang under it as "extra-root" children, in sibling order among its own children.
 * - Orphans (the parent never arrived): kept, hung under the root like extra roots. With no
 *   parentless span at all the earliest orphan stands in as root and `rootMissing` is set.
 * - Cycles in parent links (only crafted input has them): each loop is cut at its earliest
 *   span (start, service, name, spanId), which then hangs under the root as "cycle"; a span
 *   naming itself as parent is a loop of one.
 * Node typing (rule 4: a call whose callee reports its own span) counts only a span's real
 * children, never the spans hung under the root by these rules.
 */
export function buildSpanTree<S extends TraceSpan>(spans: readonly S[]): SpanTree<S> {
  const { kept, indexById, duplicateCount } = dropDuplicates(spans);
  const count = kept.length;
  if (count === 0) return { root: null, nodes: [], byId: new Map(), rootMissing: true, duplicateCount };

  const parent = new Int32Array(count).fill(-1);
  const attachment: SpanAttachment[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const { spanId, parentSpanId } = kept[i];
    if (parentSpanId === "") attachment[i] = "root";
    else if (parentSpanId === spanId) attachment[i] = "cycle";
    else {
      const at = indexById.get(parentSpanId);
      if (at === undefined) attachment[i] = "orphan";
      else {
        parent[i] = at;
        attachment[i] = "parent";
      }
    }
  }

  cutCycles(kept, parent, attachment);

  const children: number[][] = Array.from({ length: count }, () => []);
  const detached: number[] = [];
  for (let i = 0; i < count; i++) {
    if (parent[i] === -1) detached.push(i);
    else children[parent[i]].push(i);
  }

  const pathNodes: (PathNode | null)[] = new Array(count);
  const keys: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    pathNodes[i] = typePathNode(kept[i], children[i].map((c) => kept[c]));
    keys[i] = pathNodes[i] === null ? "" : nodeKey(pathNodes[i]!);
  }

  // A subtree's digest is needed only when two siblings tie on start, key and name, so it is
  // computed on demand; by then the subtree's children are already in order (see below).
  const digests: (string | undefined)[] = new Array(count);
  const digestOf = (index: number): string => {
    const known = digests[index];
    if (known !== undefined) return known;
    const stack = [index];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (digests[top] !== undefined) {
        stack.pop();
        continue;
      }
      let pending = false;
      for (const c of children[top]) {
        if (digests[c] === undefined) {
          stack.push(c);
          pending = true;
        }
      }
      if (pending) continue;
      stack.pop();
      const s = kept[top];
      const own = `${keys[top]}\u0000${s.name}\u0000${s.service}\u0000${s.kind}\u0000${s.status}\u0000${s.startNs}\u0000${s.endNs}`;
      digests[top] = hashText(`${own}\u0000${children[top].map((c) => digests[c]).join(",")}`);
    }
    return digests[index]!;
  };
  // Equal starts are common (SDKs that record milliseconds, synchronous calls): the sibling that
  // ended first ran first, as a synchronous call finishes before the next one starts.
  const compare = (a: number, b: number): number =>
    compareBigInt(kept[a].startNs, kept[b].startNs) ||
    compareBigInt(kept[a].endNs, kept[b].endNs) ||
    compareText(keys[a], keys[b]) ||
    compareText(kept[a].name, kept[b].name) ||
    compareText(digestOf(a), digestOf(b)) ||
    compareText(kept[a].spanId, kept[b].spanId);
  // Children before parents, so every digest taken while sorting sees ordered subtrees.
  const topDown = breadthFirst(detached, children);
  for (let k = topDown.length - 1; k >= 0; k--) children[topDown[k]].sort(compare);

  const trueRoots = detached.filter((i) => attachment[i] === "root");
  const rootMissing = trueRoots.length === 0;
  const root = (rootMissing ? detached : trueRoots).reduce((best, i) => (compare(i, best) < 0 ? i : best));
  for (const i of detached) {
    if (i === root) continue;
    if (attachment[i] === "root") attachment[i] = "extra-root";
    children[root].push(i);
  }
  children[root].sort(compare);

  const nodes: MutableNode<S>[] = [];
  const byId = new Map<string, MutableNode<S>>();
  const stack: { index: number; parent: MutableNode<S> | null }[] = [{ index: root, parent: null }];
  while (stack.length > 0) {
    const { index, parent: parentNode } = stack.pop()!;
    const node: MutableNode<S> = {
      span: kept[index],
      parent: parentNode,
      children: [],
      depth: parentNode === null ? 0 : parentNode.depth + 1,
      pathNode: pathNodes[index],
      attachment: attachment[index],
    };
    parentNode?.children.push(node);
    nodes.push(node);
    byId.set(node.span.spanId, node);
    const own = children[index];
    for (let c = own.length - 1; c >= 0; c--) stack.push({ index: own[c], parent: node });
  }

  return { root: nodes[0], nodes, byId, rootMissing, duplicateCount };
}

function dropDuplicates<S extends TraceSpan>(spans: readonly S[]): { kept: S[]; indexById: Map<string, number>; duplicateCount: number } {
  const kept: S[] = [];
  const indexById = new Map<string, number>();
  let duplicateCount = 0;
  for (const span of spans) {
    const at = indexById.get(span.spanId);
    if (at === undefined) {
      indexById.set(span.spanId, kept.length);
      kept.push(span);
      continue;
    }
    duplicateCount++;
    if (span.endNs - span.startNs > kept[at].endNs - kept[at].startNs) kept[at] = span;
  }
  return { kept, indexById, duplicateCount };
}

/**
 * Spans that no parentless span reaches sit on, or hang from, a loop of parent links (each
 * has exactly one parent, so every such component holds exactly one loop). Walking parent
 * links from each finds its loop in linear time overall; cutting the loop's earliest span
 * makes the whole component a tree under that span.
 */
function cutCycles(spans: readonly TraceSpan[], parent: Int32Array, attachment: SpanAttachment[]): void {
  const count = spans.length;
  const children: number[][] = Array.from({ length: count }, () => []);
  const sources: number[] = [];
  for (let i = 0; i < count; i++) {
    if (parent[i] === -1) sources.push(i);
    else children[parent[i]].push(i);
  }
  const reached = new Uint8Array(count);
  for (const i of breadthFirst(sources, children)) reached[i] = 1;

  // 0: not walked yet; otherwise the number of the walk that first visited the span.
  const walkOf = new Int32Array(count);
  let walk = 0;
  for (let start = 0; start < count; start++) {
    if (reached[start] || walkOf[start] !== 0) continue;
    walk++;
    let at = start;
    while (walkOf[at] === 0 && !reached[at]) {
      walkOf[at] = walk;
      at = parent[at];
    }
    // Stopping on an earlier walk's span means this chain runs into a loop already cut.
    if (reached[at] || walkOf[at] !== walk) continue;
    let cut = at;
    for (let i = parent[at]; i !== at; i = parent[i]) {
      if (compareForCut(spans[i], spans[cut]) < 0) cut = i;
    }
    parent[cut] = -1;
    attachment[cut] = "cycle";
  }
}

function compareForCut(a: TraceSpan, b: TraceSpan): number {
  return (
    compareBigInt(a.startNs, b.startNs) ||
    compareText(a.service, b.service) ||
    compareText(a.name, b.name) ||
    compareText(a.spanId, b.spanId)
  );
}

/** Every span reachable from `sources`, each parent before its children. */
function breadthFirst(sources: readonly number[], children: readonly number[][]): number[] {
  const order = [...sources];
  for (let k = 0; k < order.length; k++) {
    for (const c of children[order[k]]) order.push(c);
  }
  return order;
}

function compareBigInt(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
