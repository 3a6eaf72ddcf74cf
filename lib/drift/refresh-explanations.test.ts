import { describe, expect, it } from "vitest";
import type { PathNode } from "../traces/path-node";
import { areExplanationsStale, explainEntryPoint, hasVariantsToExplain } from "./refresh-explanations";

const node = (identifier: string): PathNode => ({ type: "service", identifier, service: identifier });

describe("areExplanationsStale", () => {
  it("waits for 5% more (or fewer) traces than were explained, at least one", () => {
    expect(areExplanationsStale({ traceCount: 0, explainedCount: 0 })).toBe(false);
    expect(areExplanationsStale({ traceCount: 1, explainedCount: 0 })).toBe(true);
    expect(areExplanationsStale({ traceCount: 104, explainedCount: 100 })).toBe(false);
    expect(areExplanationsStale({ traceCount: 105, explainedCount: 100 })).toBe(true);
    expect(areExplanationsStale({ traceCount: 95, explainedCount: 100 })).toBe(true);
    expect(areExplanationsStale({ traceCount: 96, explainedCount: 100 })).toBe(false);
  });
});

describe("explainEntryPoint", () => {
  const gold = Array.from({ length: 3 }, () => ({ tier: "gold" }));
  const silver = Array.from({ length: 3 }, () => ({ tier: "silver" }));

  it("explains an entry point with several variants", () => {
    const explanations = explainEntryPoint([
      { id: "loyalty", path: [node("gateway"), node("loyalty")], traces: gold },
      { id: "plain", path: [node("gateway")], traces: silver },
    ]);
    expect(explanations.map((e) => e.text)).toEqual([
      "`loyalty` is called only when `tier = gold` (3 of 3 sampled traces)",
      "`loyalty` is skipped when `tier = silver` (3 of 3 sampled traces)",
    ]);
  });

  it("has nothing to say about a single variant or none", () => {
    expect(hasVariantsToExplain(1)).toBe(false);
    expect(hasVariantsToExplain(2)).toBe(true);
    expect(explainEntryPoint([{ id: "plain", path: [node("gateway")], traces: silver }])).toEqual([]);
    expect(explainEntryPoint([])).toEqual([]);
  });
});
