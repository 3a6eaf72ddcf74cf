// The order a comparison's rows are read in: both traces' places as one tree, walked in preorder,
// so every row sits under its parent. Siblings follow b; a place only a has comes right after the
// sibling it followed in a (first, if it followed none), so a removed call shows where it used
// to be, beside its parent, even when that parent moved.
import type { TracePlace } from "./compare-trace-places";

export interface MergedPlace {
  a: TracePlace | null;
  b: TracePlace | null;
}

export function mergePlaces(placesA: readonly TracePlace[], placesB: readonly TracePlace[]): MergedPlace[] {
  const byIdA = new Map(placesA.map((p) => [p.id, p]));
  const byIdB = new Map(placesB.map((p) => [p.id, p]));
  const childrenA = childrenByParent(placesA);
  const childrenB = childrenByParent(placesB);

  const siblingsUnder = (parentId: number): number[] => {
    const fromB = childrenB.get(parentId) ?? [];
    // a's own places, each after the nearest earlier sibling b also has (-1: before them all).
    const onlyA = new Map<number, number[]>();
    let anchor = -1;
    for (const id of childrenA.get(parentId) ?? []) {
      if (byIdB.has(id)) {
        anchor = id;
        continue;
      }
      const after = onlyA.get(anchor);
      if (after) after.push(id);
      else onlyA.set(anchor, [id]);
    }
    const merged = [...(onlyA.get(-1) ?? [])];
    for (const id of fromB) merged.push(id, ...(onlyA.get(id) ?? []));
    return merged;
  };

  // Iterative: a trace may nest thousands of levels deep.
  const out: MergedPlace[] = [];
  const stack = siblingsUnder(-1).reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    out.push({ a: byIdA.get(id) ?? null, b: byIdB.get(id) ?? null });
    const children = siblingsUnder(id);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

function childrenByParent(places: readonly TracePlace[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const place of places) {
    const list = out.get(place.parentId);
    if (list) list.push(place.id);
    else out.set(place.parentId, [place.id]);
  }
  return out;
}
