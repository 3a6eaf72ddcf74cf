import { describe, expect, it, vi } from "vitest";
import { createClock } from "./clock";

describe("createClock", () => {
  it("ticks while someone listens and holds still between ticks", () => {
    vi.useFakeTimers({ now: 1_000 });
    try {
      const clock = createClock(10_000);
      const seen: number[] = [];
      const stop = clock.subscribe(() => seen.push(clock.now()));
      vi.setSystemTime(5_000);
      expect(clock.now()).toBe(1_000);
      vi.advanceTimersByTime(10_000);
      expect(seen).toEqual([15_000]);
      stop();
      vi.advanceTimersByTime(30_000);
      expect(seen).toEqual([15_000]);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("catches up after idling, when read and when subscribed to again", () => {
    let time = 0;
    const clock = createClock(10_000, () => time);
    time = 4_000;
    expect(clock.now()).toBe(0);
    time = 60_000;
    expect(clock.now()).toBe(60_000);
    time = 65_000;
    const stop = clock.subscribe(() => {});
    expect(clock.now()).toBe(65_000);
    stop();
  });
});
