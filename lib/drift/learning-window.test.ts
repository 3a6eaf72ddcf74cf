import { describe, expect, it } from "vitest";
import { isInLearningWindow } from "./learning-window";

const DAY = 86_400_000;
const settings = { learningMs: DAY, learningTraces: 100 };

describe("isInLearningWindow", () => {
  it("learns for the first 100 traces even after a day", () => {
    expect(isInLearningWindow({ firstTraceMs: 0, tracesBefore: 99 }, 2 * DAY, settings)).toBe(true);
    expect(isInLearningWindow({ firstTraceMs: 0, tracesBefore: 100 }, 2 * DAY, settings)).toBe(false);
  });

  it("learns for the first day even after 100 traces", () => {
    expect(isInLearningWindow({ firstTraceMs: 1_000, tracesBefore: 5_000 }, 1_000 + DAY - 1, settings)).toBe(true);
    expect(isInLearningWindow({ firstTraceMs: 1_000, tracesBefore: 5_000 }, 1_000 + DAY, settings)).toBe(false);
  });

  it("does not learn at all with a zero window", () => {
    expect(isInLearningWindow({ firstTraceMs: 0, tracesBefore: 0 }, 0, { learningMs: 0, learningTraces: 0 })).toBe(false);
  });
});
