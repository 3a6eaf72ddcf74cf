import { describe, expect, it } from "vitest";
import { timeAxis } from "./time-axis";

const MIN = 60_000;
const T = Date.parse("2026-12-05T12:00:00Z");

describe("timeAxis", () => {
  it("spans the whole range asked for, with round ticks inside it", () => {
    const axis = timeAxis(T - 15 * MIN - 20_000, T - 20_000);
    expect(axis.domain).toEqual([T - 15 * MIN - 20_000, T - 20_000]);
    expect(axis.stepMs).toBe(5 * MIN);
    expect(axis.ticks).toEqual([T - 15 * MIN, T - 10 * MIN, T - 5 * MIN]);
  });
  it("keeps to maxTicks", () => {
    for (const span of [10 * MIN, 60 * MIN, 1440 * MIN, 7 * 1440 * MIN, 30 * 1440 * MIN]) {
      const axis = timeAxis(T - span, T, { maxTicks: 6 });
      expect(axis.ticks.length).toBeGreaterThan(1);
      expect(axis.ticks.length).toBeLessThanOrEqual(6);
      expect(axis.ticks.every((t) => t >= T - span && t <= T)).toBe(true);
    }
  });
  it("puts day ticks on the viewer's midnights", () => {
    const offsetMs = -8 * 60 * MIN; // UTC-8
    const axis = timeAxis(T - 7 * 1440 * MIN, T, { offsetMs });
    expect(axis.stepMs).toBe(2 * 1440 * MIN);
    for (const t of axis.ticks) expect(new Date(t + offsetMs).getUTCHours()).toBe(0);
  });
  it("has no ticks for an empty range", () => {
    expect(timeAxis(T, T).ticks).toEqual([]);
  });
});
