import { describe, expect, it } from "vitest";
import { learningProgress } from "./learning-progress";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const settings = { learningMs: DAY, learningTraces: 100 };
const T0 = Date.UTC(2026, 0, 1);

describe("learningProgress", () => {
  it("counts traces and time left while both halves of the window are open", () => {
    expect(learningProgress({ firstTraceMs: T0, traceCount: 37, learnedAtMs: null }, settings, T0 + 21 * HOUR)).toEqual({
      tracesSeen: 37,
      tracesNeeded: 100,
      learningEndsAtMs: T0 + DAY,
      remainingMs: 3 * HOUR,
      ready: false,
      // 37% of the traces, 87.5% of the time: the traces end the window later.
      fraction: 0.37,
    });
  });

  it("keeps learning after the day until enough traces came, with no time left", () => {
    const p = learningProgress({ firstTraceMs: T0, traceCount: 60, learnedAtMs: null }, settings, T0 + 2 * DAY);
    expect(p).toMatchObject({ remainingMs: 0, ready: false, fraction: 0.6 });
  });

  it("keeps learning for the day after enough traces came", () => {
    const p = learningProgress({ firstTraceMs: T0, traceCount: 500, learnedAtMs: null }, settings, T0 + 6 * HOUR);
    expect(p).toMatchObject({ remainingMs: 18 * HOUR, ready: false, fraction: 0.25 });
  });

  it("is ready once both halves are over, even before the next trace ends the window", () => {
    expect(learningProgress({ firstTraceMs: T0, traceCount: 100, learnedAtMs: null }, settings, T0 + DAY)).toMatchObject({ ready: true, fraction: 1, remainingMs: 0 });
    expect(learningProgress({ firstTraceMs: T0, traceCount: 99, learnedAtMs: null }, settings, T0 + DAY)).toMatchObject({ ready: false });
  });

  it("stays ready once learned, even when late spans lowered the count or the window grew", () => {
    const p = learningProgress({ firstTraceMs: T0, traceCount: 12, learnedAtMs: T0 + HOUR }, { learningMs: 7 * DAY, learningTraces: 1_000 }, T0 + 2 * HOUR);
    expect(p).toMatchObject({ tracesSeen: 12, tracesNeeded: 1_000, ready: true, fraction: 1, remainingMs: 0 });
  });

  it("treats a zero half as already done", () => {
    expect(learningProgress({ firstTraceMs: T0, traceCount: 2, learnedAtMs: null }, { learningMs: 0, learningTraces: 4 }, T0)).toMatchObject({ fraction: 0.5, ready: false, remainingMs: 0 });
    expect(learningProgress({ firstTraceMs: T0, traceCount: 0, learnedAtMs: null }, { learningMs: 2 * 60_000, learningTraces: 0 }, T0 + 30_000)).toMatchObject({ fraction: 0.25, remainingMs: 90_000 });
  });

  it("does not count time before the first trace (a clock behind the traces)", () => {
    expect(learningProgress({ firstTraceMs: T0, traceCount: 50, learnedAtMs: null }, settings, T0 - HOUR)).toMatchObject({ fraction: 0, remainingMs: DAY + HOUR });
  });
});
