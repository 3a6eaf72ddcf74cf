import { describe, expect, it } from "vitest";
import { buildSpanTree } from "../traces/build-span-tree";
import { computeSelfTimesNs } from "./compute-self-times";
import { makeDiagnosisSpan as span } from "./testing/make-diagnosis-span";

const MS = 1_000_000;

describe("computeSelfTimesNs", () => {
  it("subtracts sequential children and counts overlapping ones once", () => {
    const tree = buildSpanTree([
      span({ spanId: "a", startMs: 0, endMs: 100 }),
      span({ spanId: "b", parentSpanId: "a", startMs: 10, endMs: 30 }),
      span({ spanId: "c", parentSpanId: "a", startMs: 40, endMs: 70 }),
      // Overlaps c: only 70..80 is new.
      span({ spanId: "d", parentSpanId: "a", startMs: 50, endMs: 80 }),
    ]);
    const self = computeSelfTimesNs(tree);
    expect(self.get("a")).toBe((100 - 20 - 40) * MS);
    expect(self.get("b")).toBe(20 * MS);
    expect(self.get("d")).toBe(30 * MS);
  });

  it("clips children to the parent's window and is never negative", () => {
    const tree = buildSpanTree([
      span({ spanId: "a", startMs: 10, endMs: 50 }),
      // Starts before its parent (clock skew) and outlives it.
      span({ spanId: "b", parentSpanId: "a", startMs: 5, endMs: 20 }),
      span({ spanId: "c", parentSpanId: "a", startMs: 40, endMs: 90 }),
      // Wholly after the parent ended: async work.
      span({ spanId: "e", parentSpanId: "a", startMs: 95, endMs: 99 }),
      span({ spanId: "z", parentSpanId: "c", startMs: 0, endMs: 200 }),
    ]);
    const self = computeSelfTimesNs(tree);
    expect(self.get("a")).toBe(20 * MS);
    expect(self.get("c")).toBe(0);
    expect(self.get("e")).toBe(4 * MS);
  });

  it("gives a zero-length span no self time", () => {
    const tree = buildSpanTree([span({ spanId: "a", startMs: 3, endMs: 3 })]);
    expect(computeSelfTimesNs(tree).get("a")).toBe(0);
  });
});
