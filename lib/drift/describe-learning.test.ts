import { describe, expect, it } from "vitest";
import { describeLearning, describeTimeLeft } from "./describe-learning";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("describeTimeLeft", () => {
  it("rounds to the unit that reads best", () => {
    expect(describeTimeLeft(20_000)).toBe("less than a minute left");
    expect(describeTimeLeft(2 * MINUTE + 10_000)).toBe("about 2 min left");
    expect(describeTimeLeft(89 * MINUTE)).toBe("about 89 min left");
    expect(describeTimeLeft(3 * HOUR - 10 * MINUTE)).toBe("about 3 h left");
    expect(describeTimeLeft(24 * HOUR)).toBe("about 24 h left");
    expect(describeTimeLeft(3 * 24 * HOUR)).toBe("about 3 days left");
    expect(describeTimeLeft(0)).toBe("no time left");
  });
});

describe("describeLearning", () => {
  it("says how many traces and how much time", () => {
    expect(describeLearning({ tracesSeen: 37, tracesNeeded: 100, remainingMs: 3 * HOUR, ready: false })).toEqual({ traces: "37 of 100 traces", status: "about 3 h left" });
  });

  it("says how many traces are still missing once the time is up", () => {
    expect(describeLearning({ tracesSeen: 19, tracesNeeded: 20, remainingMs: 0, ready: false })).toEqual({ traces: "19 of 20 traces", status: "waiting for 1 more trace" });
  });

  it("counts traces alone once there are enough, while the time still runs", () => {
    expect(describeLearning({ tracesSeen: 120, tracesNeeded: 100, remainingMs: 30 * MINUTE, ready: false })).toEqual({ traces: "120 traces", status: "about 30 min left" });
  });

  it("says the baseline is ready", () => {
    expect(describeLearning({ tracesSeen: 140, tracesNeeded: 1, remainingMs: 0, ready: true })).toEqual({ traces: "140 traces", status: "baseline ready" });
    // Learned under a smaller window than today's: no "3 of 10" beside "ready".
    expect(describeLearning({ tracesSeen: 3, tracesNeeded: 10, remainingMs: 0, ready: true })).toEqual({ traces: "3 traces", status: "baseline ready" });
  });
});
