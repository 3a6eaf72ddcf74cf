import { describe, expect, it } from "vitest";
import { deltaTone, formatDeltaPercent, formatDurationChange } from "./format-duration-delta";

describe("duration deltas as they read", () => {
  it("says which way a change goes, treating less than 1% as unchanged", () => {
    expect(deltaTone(1 / 3)).toBe("slower");
    expect(deltaTone(-0.5)).toBe("faster");
    expect(deltaTone(0.009)).toBe("unchanged");
    expect(deltaTone(-0.009)).toBe("unchanged");
    expect(deltaTone(0)).toBe("unchanged");
    expect(deltaTone(null)).toBeNull();
  });

  it("writes the delta as a signed whole percentage with a real minus sign", () => {
    expect(formatDeltaPercent(1 / 3)).toBe("+33%");
    expect(formatDeltaPercent(-0.5)).toBe("−50%");
    expect(formatDeltaPercent(1)).toBe("+100%");
    expect(formatDeltaPercent(0.004)).toBe("0%");
  });

  it("writes the change in time with its sign", () => {
    expect(formatDurationChange(100, 150)).toBe("+50.0 ms");
    expect(formatDurationChange(1500, 300)).toBe("−1.20 s");
    expect(formatDurationChange(20, 20)).toBe("±0 ms");
  });
});
