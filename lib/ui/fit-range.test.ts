import { describe, expect, it } from "vitest";
import { fitRange } from "./fit-range";

const MIN = 60_000;
const PRESETS = [
  { id: "15m", ms: 15 * MIN },
  { id: "1h", ms: 60 * MIN },
  { id: "24h", ms: 1440 * MIN },
  { id: "30d", ms: 30 * 1440 * MIN },
] as const;
const NOW = Date.parse("2026-12-05T12:00:00Z");

describe("fitRange", () => {
  it("takes the shortest preset that shows the oldest call", () => {
    expect(fitRange(PRESETS, NOW - 4 * MIN, NOW, "24h")).toBe("15m");
    expect(fitRange(PRESETS, NOW - 40 * MIN, NOW, "24h")).toBe("1h");
    expect(fitRange(PRESETS, NOW - 5 * 60 * MIN, NOW, "24h")).toBe("24h");
  });
  it("leaves room on the left: a call 59 minutes old does not sit on the edge of the hour", () => {
    expect(fitRange(PRESETS, NOW - 59 * MIN, NOW, "24h")).toBe("24h");
  });
  it("takes the longest preset for older data, the fallback without any", () => {
    expect(fitRange(PRESETS, NOW - 90 * 1440 * MIN, NOW, "24h")).toBe("30d");
    expect(fitRange(PRESETS, null, NOW, "24h")).toBe("24h");
  });
});
