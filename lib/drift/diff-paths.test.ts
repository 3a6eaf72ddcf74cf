import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nodeKey } from "../traces/node-key";
import type { PathNode, PathNodeType } from "../traces/path-node";
import { closestPath, diffPaths, type PathDiff } from "./diff-paths";

function node(identifier: string, type: PathNodeType = "service", service = "svc"): PathNode {
  return { type, identifier, service };
}
/** "A B C" → three service nodes. */
const path = (spec: string): PathNode[] => spec.split(" ").filter(Boolean).map((id) => node(id));
const keys = (nodes: readonly PathNode[]) => nodes.map(nodeKey);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const count = (diff: PathDiff<PathNode>, kind: PathDiff<PathNode>["rows"][number]["kind"]) => diff.rows.filter((r) => r.kind === kind).length;
const changes = (diff: PathDiff<PathNode>) => diff.added.length + diff.removed.length + diff.moved.length;

/** Textbook LCS length, independent of the module's trimming and bit table. */
function referenceLcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i][j] = a[i - 1] === b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
    }
  }
  return table[a.length][b.length];
}

/** Size of the multiset intersection of the two key lists. */
function sharedKeys(a: readonly string[], b: readonly string[]): number {
  const left = new Map<string, number>();
  for (const k of a) left.set(k, (left.get(k) ?? 0) + 1);
  let shared = 0;
  for (const k of b) {
    const n = left.get(k) ?? 0;
    if (n > 0) {
      shared++;
      left.set(k, n - 1);
    }
  }
  return shared;
}

// Few keys (two types share identifiers) so duplicates, reorders and key collisions are common;
// services vary to show they never matter.
const nodeArb: fc.Arbitrary<PathNode> = fc.record({
  type: fc.constantFrom<PathNodeType>("service", "database"),
  identifier: fc.constantFrom("a", "b", "c", "d"),
  service: fc.constantFrom("s1", "s2"),
});
const pathArb = fc.array(nodeArb, { maxLength: 25 });
const editArb = fc.tuple(fc.constantFrom("insert", "delete", "move"), fc.nat(), fc.nat(), nodeArb);
/** Unrelated paths, and paths one edit script apart (the case drift actually sees). */
const pairArb: fc.Arbitrary<[PathNode[], PathNode[]]> = fc.oneof(
  fc.tuple(pathArb, pathArb),
  fc.tuple(pathArb, fc.array(editArb, { maxLength: 6 })).map(([previous, edits]) => {
    const current = [...previous];
    for (const [op, x, y, inserted] of edits) {
      if (op === "insert") current.splice(x % (current.length + 1), 0, inserted);
      else if (current.length > 0 && op === "delete") current.splice(x % current.length, 1);
      else if (current.length > 0) current.splice(y % current.length, 0, ...current.splice(x % current.length, 1));
    }
    return [previous, current] as [PathNode[], PathNode[]];
  }),
);
const permutationArb = pathArb.chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p, { minLength: p.length, maxLength: p.length })));

describe("diffPaths examples", () => {
  it("reports nothing for identical paths", () => {
    const diff = diffPaths(path("A B C"), path("A B C"));
    expect(diff).toMatchObject({ added: [], removed: [], moved: [], identical: true });
    expect(diff.rows.map((r) => [r.kind, r.previousIndex, r.currentIndex])).toEqual([
      ["same", 0, 0],
      ["same", 1, 1],
      ["same", 2, 2],
    ]);
  });

  it("reports one added node at its current index", () => {
    const current = path("A X B C");
    const diff = diffPaths(path("A B C"), current);
    expect(diff.added).toEqual([{ node: current[1], index: 1 }]);
    expect(diff).toMatchObject({ removed: [], moved: [], identical: false });
    expect(diff.rows.map((r) => r.kind)).toEqual(["same", "added", "same", "same"]);
  });

  it("reports one removed node at its previous index", () => {
    const previous = path("A B C");
    const diff = diffPaths(previous, path("A C"));
    expect(diff.removed).toEqual([{ node: previous[1], index: 1 }]);
    expect(diff).toMatchObject({ added: [], moved: [], identical: false });
    expect(diff.rows.map((r) => [r.kind, r.previousIndex, r.currentIndex])).toEqual([
      ["same", 0, 0],
      ["removed", 1, null],
      ["same", 2, 1],
    ]);
  });

  it("reports an adjacent swap as one moved node (the earlier previous node), never added/removed", () => {
    const current = path("A C B D");
    const diff = diffPaths(path("A B C D"), current);
    expect(diff).toMatchObject({ added: [], removed: [], identical: false });
    expect(diff.moved).toEqual([{ node: current[2], from: 1, to: 2 }]);
    expect(diff.rows.map((r) => [r.kind, nodeKey(r.node), r.previousIndex, r.currentIndex])).toEqual([
      ["same", "service:A", 0, 0],
      ["same", "service:C", 2, 1],
      ["moved", "service:B", 1, 2],
      ["same", "service:D", 3, 3],
    ]);
    expect(diffPaths(path("A B"), path("B A")).moved).toEqual([{ node: node("A"), from: 0, to: 1 }]);
  });

  it("reports a distant swap as two moved nodes, since only one node can stay aligned", () => {
    const diff = diffPaths(path("A X B"), path("B X A"));
    expect(diff).toMatchObject({ added: [], removed: [] });
    expect(diff.moved.map((m) => [m.node.identifier, m.from, m.to])).toEqual([
      ["X", 1, 1],
      ["A", 0, 2],
    ]);
  });

  it("pairs moved occurrences of one key in order", () => {
    const diff = diffPaths(path("A A B C D"), path("B C D A A"));
    expect(diff.moved.map((m) => [m.node.identifier, m.from, m.to])).toEqual([
      ["A", 0, 3],
      ["A", 1, 4],
    ]);
  });

  it("reports a duplicated node as the later occurrence added, and a dropped duplicate as removed", () => {
    expect(diffPaths(path("A B C"), path("A B B C")).added).toEqual([{ node: node("B"), index: 2 }]);
    expect(diffPaths(path("A B B C"), path("A B C")).removed).toEqual([{ node: node("B"), index: 2 }]);
    expect(diffPaths(path("A B B C"), path("A B C"))).toMatchObject({ added: [], moved: [] });
  });

  it("handles empty paths", () => {
    expect(diffPaths([], [])).toEqual({ added: [], removed: [], moved: [], rows: [], identical: true });
    expect(diffPaths([], path("A B")).added.map((a) => a.index)).toEqual([0, 1]);
    expect(diffPaths(path("A B"), []).removed.map((r) => r.index)).toEqual([0, 1]);
    expect(diffPaths(path("A"), []).identical).toBe(false);
  });

  it("ignores the service field and shows the current node on same rows", () => {
    const current = [node("A", "service", "other"), node("orders", "database", "other")];
    const diff = diffPaths([node("A"), node("orders", "database")], current);
    expect(diff).toMatchObject({ added: [], removed: [], moved: [], identical: true });
    expect(diff.rows[1].node).toBe(current[1]);
  });

  it("treats the type as part of a node's identity", () => {
    const diff = diffPaths([node("orders", "database")], [node("orders", "topic")]);
    expect(diff.removed.map((r) => nodeKey(r.node))).toEqual(["database:orders"]);
    expect(diff.added.map((a) => nodeKey(a.node))).toEqual(["topic:orders"]);
    expect(diff.moved).toEqual([]);
  });

  it("places removed rows before added rows between two aligned nodes, and keeps extra fields", () => {
    const diff = diffPaths(path("A X B"), path("A Y B Z"));
    expect(diff.rows.map((r) => [r.kind, r.node.identifier])).toEqual([
      ["same", "A"],
      ["removed", "X"],
      ["added", "Y"],
      ["same", "B"],
      ["added", "Z"],
    ]);
    const tagged = diffPaths([{ ...node("A"), spanId: "1" }], [{ ...node("A"), spanId: "2" }]);
    expect(tagged.rows[0].node.spanId).toBe("2");
  });
});

describe("diffPaths properties", () => {
  it("(1) accounts for every node of each side exactly once", () => {
    fc.assert(
      fc.property(pairArb, ([previous, current]) => {
        const diff = diffPaths(previous, current);
        expect(previous.length).toBe(count(diff, "same") + diff.removed.length + diff.moved.length);
        expect(current.length).toBe(count(diff, "same") + diff.added.length + diff.moved.length);
        expect(count(diff, "added")).toBe(diff.added.length);
        expect(count(diff, "removed")).toBe(diff.removed.length);
        expect(count(diff, "moved")).toBe(diff.moved.length);
        expect(diff.identical).toBe(keys(previous).join() === keys(current).join());
      }),
    );
  });

  it("uses a longest common subsequence and pairs every possible leftover as moved", () => {
    fc.assert(
      fc.property(pairArb, ([previous, current]) => {
        const diff = diffPaths(previous, current);
        const shared = sharedKeys(keys(previous), keys(current));
        expect(count(diff, "same")).toBe(referenceLcsLength(keys(previous), keys(current)));
        expect(diff.moved.length).toBe(shared - count(diff, "same"));
        expect(diff.added.length).toBe(current.length - shared);
        expect(diff.removed.length).toBe(previous.length - shared);
        const removedKeys = new Set(diff.removed.map((r) => nodeKey(r.node)));
        expect(diff.added.filter((a) => removedKeys.has(nodeKey(a.node)))).toEqual([]);
      }),
    );
  });

  it("(2) diffs a path against itself as identical with no changes", () => {
    fc.assert(
      fc.property(pathArb, (p) => {
        const diff = diffPaths(p, p);
        expect(diff).toMatchObject({ added: [], removed: [], moved: [], identical: true });
        expect(diff.rows).toEqual(p.map((n, i) => ({ kind: "same", node: n, previousIndex: i, currentIndex: i })));
      }),
    );
  });

  it("(3) reports a permutation as moves only", () => {
    fc.assert(
      fc.property(permutationArb, ([previous, current]) => {
        const diff = diffPaths(previous, current);
        expect(diff.added).toEqual([]);
        expect(diff.removed).toEqual([]);
        expect(diff.moved.length).toBe(previous.length - referenceLcsLength(keys(previous), keys(current)));
      }),
    );
  });

  it("(4) reports exactly the inserted new-key nodes as added, at their current indices", () => {
    fc.assert(
      fc.property(pathArb, fc.array(fc.nat(), { maxLength: 8 }), (previous, slots) => {
        const current = [...previous];
        slots.forEach((slot, k) => current.splice(slot % (current.length + 1), 0, node(`new${k}`, "topic")));
        const diff = diffPaths(previous, current);
        const inserted = range(current.length).filter((j) => current[j].identifier.startsWith("new"));
        expect(diff.added).toEqual(inserted.map((index) => ({ node: current[index], index })));
        expect(diff.removed).toEqual([]);
        expect(diff.moved).toEqual([]);
      }),
    );
  });

  it("(5) reports exactly the dropped nodes as removed (by index when keys are unique)", () => {
    const withMask = <T,>(arb: fc.Arbitrary<T[]>) => arb.chain((p) => fc.tuple(fc.constant(p), fc.array(fc.boolean(), { minLength: p.length, maxLength: p.length })));
    const uniquePathArb = fc.uniqueArray(
      fc.record({ type: fc.constantFrom<PathNodeType>("service", "api_endpoint"), identifier: fc.stringMatching(/^[a-h]$/), service: fc.constant("s") }),
      { selector: nodeKey, maxLength: 16 },
    );
    fc.assert(
      fc.property(withMask(uniquePathArb), ([previous, keep]) => {
        const diff = diffPaths(previous, previous.filter((_, i) => keep[i]));
        const dropped = range(previous.length).filter((i) => !keep[i]);
        expect(diff.removed).toEqual(dropped.map((index) => ({ node: previous[index], index })));
        expect(diff).toMatchObject({ added: [], moved: [] });
      }),
    );
    // With duplicates, which occurrence went is ambiguous; what went is not.
    fc.assert(
      fc.property(withMask(pathArb), ([previous, keep]) => {
        const diff = diffPaths(previous, previous.filter((_, i) => keep[i]));
        const dropped = previous.filter((_, i) => !keep[i]);
        expect(diff.removed.map((r) => nodeKey(r.node)).sort()).toEqual(keys(dropped).sort());
        expect(diff.removed.every((r) => r.node === previous[r.index])).toBe(true);
        expect(diff).toMatchObject({ added: [], moved: [] });
      }),
    );
  });

  it("(6) replays both paths from the rows and from added/removed/moved", () => {
    fc.assert(
      fc.property(pairArb, ([previous, current]) => {
        const diff = diffPaths(previous, current);
        // Current side: already in current order in the listing.
        const currentRows = diff.rows.filter((r) => r.currentIndex !== null);
        expect(currentRows.map((r) => r.currentIndex)).toEqual(range(current.length));
        expect(currentRows.every((r) => r.node === current[r.currentIndex!])).toBe(true);
        // Previous side: moved rows sit at their current place, everything else in previous order.
        const previousRows = diff.rows.filter((r) => r.previousIndex !== null);
        const inPlace = previousRows.filter((r) => r.kind !== "moved").map((r) => r.previousIndex!);
        expect(inPlace).toEqual([...inPlace].sort((x, y) => x - y));
        expect(previousRows.map((r) => r.previousIndex!).sort((x, y) => x - y)).toEqual(range(previous.length));
        for (const r of previousRows) expect(nodeKey(r.node)).toBe(nodeKey(previous[r.previousIndex!]));
        expect(diff.rows.filter((r) => r.kind === "removed").every((r) => r.node === previous[r.previousIndex!])).toBe(true);

        const same = diff.rows.filter((r) => r.kind === "same");
        const rebuiltCurrent: PathNode[] = [];
        for (const r of same) rebuiltCurrent[r.currentIndex!] = r.node;
        for (const a of diff.added) rebuiltCurrent[a.index] = a.node;
        for (const m of diff.moved) rebuiltCurrent[m.to] = m.node;
        expect(rebuiltCurrent).toEqual(current);
        const rebuiltPrevious: string[] = [];
        for (const r of same) rebuiltPrevious[r.previousIndex!] = nodeKey(r.node);
        for (const r of diff.removed) rebuiltPrevious[r.index] = nodeKey(r.node);
        for (const m of diff.moved) rebuiltPrevious[m.from] = nodeKey(m.node);
        expect(rebuiltPrevious).toEqual(keys(previous));
      }),
    );
  });

  it("(7) is symmetric in counts: swapping the sides swaps added and removed", () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const forward = diffPaths(a, b);
        const backward = diffPaths(b, a);
        expect(forward.added.length).toBe(backward.removed.length);
        expect(forward.removed.length).toBe(backward.added.length);
        expect(forward.moved.length).toBe(backward.moved.length);
      }),
    );
  });
});

describe("diffPaths on long paths", () => {
  const long = (n: number, prefix = "n") => range(n).map((i) => node(`${prefix}${i}`));

  it("diffs a reversed 5,000-node path (a full 5,000 × 5,000 table) as moves only", () => {
    const previous = long(5000);
    const current = [...previous].reverse();
    const diff = diffPaths(previous, current);
    expect(diff).toMatchObject({ added: [], removed: [], identical: false });
    // The walk skips previous nodes on ties, so the last previous node is the one left aligned.
    expect(diff.rows[0]).toEqual({ kind: "same", node: current[0], previousIndex: 4999, currentIndex: 0 });
    expect(diff.moved).toHaveLength(4999);
    expect(diff.moved[0]).toEqual({ node: current[1], from: 4998, to: 1 });
  });

  it("finds scattered edits in a 5,000-node path with repeated keys", () => {
    const previous = range(5000).map((i) => node(`n${i % 700}`, i % 3 === 0 ? "database" : "service"));
    const current: PathNode[] = [];
    const dropped: number[] = [];
    previous.forEach((n, i) => {
      if (i % 97 === 5) current.push(node(`new${i}`, "topic"));
      if (i % 89 === 1) dropped.push(i);
      else current.push(n);
    });
    const diff = diffPaths(previous, current);
    expect(diff.added.map((a) => a.node.identifier)).toEqual(range(5000).filter((i) => i % 97 === 5).map((i) => `new${i}`));
    expect(diff.added.every((a) => current[a.index] === a.node)).toBe(true);
    expect(diff.removed).toHaveLength(dropped.length);
    expect(diff.moved).toEqual([]);
    expect(count(diff, "same")).toBe(5000 - dropped.length);
  });
});

describe("closestPath", () => {
  interface Flow {
    id: string;
    path: PathNode[];
    count?: number;
  }
  const flow = (id: string, spec: string, count?: number): Flow => ({ id, path: path(spec), count });
  const pick = (current: string, flows: Flow[], weighted = true) =>
    closestPath(path(current), flows, (f) => f.path, weighted ? (f) => f.count ?? 0 : undefined)?.id ?? null;

  it("returns null for no candidates", () => {
    expect(pick("A B", [])).toBeNull();
  });

  it("picks the candidate with the fewest added, removed and moved nodes", () => {
    const flows = [flow("far", "X Y Z", 100), flow("swapped", "B A C D", 50), flow("near", "A B C D", 1)];
    expect(pick("A B C", flows)).toBe("near");
    expect(pick("A B C D", flows)).toBe("near");
    expect(pick("B A", [flow("one-move", "A B"), flow("two-changes", "B C")])).toBe("one-move");
  });

  it("prefers a reordering of the same nodes to a path with a node more or less", () => {
    // Both are one change away from A C B; the reorder explains it without inventing a call.
    expect(pick("A C B", [flow("subset", "A C", 100), flow("reordered", "A B C", 1)])).toBe("reordered");
  });

  it("breaks ties by the larger weight, then by list order", () => {
    const flows = [flow("light", "A B X"), flow("heavy", "A B Y", 9), flow("heavy-too", "A B Z", 9)];
    expect(pick("A B", flows)).toBe("heavy");
    expect(pick("A B", flows, false)).toBe("light");
  });

  it("always returns a candidate no farther than any other", () => {
    fc.assert(
      fc.property(pathArb, fc.array(fc.tuple(pathArb, fc.nat(3)), { maxLength: 6 }), (current, candidates) => {
        const best = closestPath(current, candidates, ([p]) => p, ([, w]) => w);
        if (candidates.length === 0) {
          expect(best).toBeNull();
          return;
        }
        const cost = (p: PathNode[]) => changes(diffPaths(p, current));
        const churn = (p: PathNode[]) => {
          const d = diffPaths(p, current);
          return d.added.length + d.removed.length;
        };
        expect(candidates).toContain(best);
        for (const [p, w] of candidates) {
          expect(cost(best![0])).toBeLessThanOrEqual(cost(p));
          if (cost(p) === cost(best![0])) expect(churn(best![0])).toBeLessThanOrEqual(churn(p));
          if (cost(p) === cost(best![0]) && churn(p) === churn(best![0])) expect(best![1]).toBeGreaterThanOrEqual(w);
        }
        const firstAmongBest = candidates.find(([p, w]) => cost(p) === cost(best![0]) && churn(p) === churn(best![0]) && w === best![1]);
        expect(firstAmongBest).toBe(best);
      }),
    );
  });
});
