import { describe, expect, it } from "vitest";
import { buildSpanTree } from "../traces/build-span-tree";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import { findTraceTimeMs } from "./find-trace-time";

describe("findTraceTimeMs", () => {
  it("is the root span's start, floored to the millisecond", () => {
    const root = { ...makeTraceSpan({ spanId: "r" }), startNs: 1_787_132_458_639_880_223n, endNs: 1_787_132_459_000_000_000n };
    const earlier = { ...makeTraceSpan({ spanId: "c", parentSpanId: "r" }), startNs: 1_787_132_458_000_000_000n, endNs: 1_787_132_458_500_000_000n };
    // Exact: as a double, 1787132458639880223 ns would round to the neighbouring 256 ns.
    expect(findTraceTimeMs(buildSpanTree([earlier, root]))).toBe(1_787_132_458_639);
  });

  it("is the earliest span's start when the root is missing", () => {
    const tree = buildSpanTree([
      makeTraceSpan({ spanId: "a", parentSpanId: "gone", startMs: 5, endMs: 6 }),
      makeTraceSpan({ spanId: "b", parentSpanId: "gone", service: "zzz", startMs: 3.9, endMs: 7 }),
    ]);
    expect(tree.rootMissing).toBe(true);
    expect(findTraceTimeMs(tree)).toBe(3);
  });

  it("is null without spans", () => {
    expect(findTraceTimeMs(buildSpanTree([]))).toBeNull();
  });
});
