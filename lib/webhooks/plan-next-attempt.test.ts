import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, isDelivered, planNextAttempt, retryDelayMs } from "./plan-next-attempt";

const noJitter = { ...DEFAULT_RETRY_POLICY, jitter: 0 };

describe("retry schedule", () => {
  it("doubles from the base up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, noJitter))).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000]);
    expect(retryDelayMs(12, noJitter)).toBe(3_600_000);
    expect(retryDelayMs(40, noJitter)).toBe(3_600_000);
  });

  it("takes at most the jitter's share off, decided by the injected random", () => {
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, () => 0)).toBe(10_000);
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(9_000);
    expect(retryDelayMs(3, DEFAULT_RETRY_POLICY, () => 0.999)).toBe(32_008);
  });

  it("retries failures until the last attempt, then gives up", () => {
    const at = (attemptsMade: number, succeeded = false) => planNextAttempt({ attemptsMade, maxAttempts: 8, succeeded, nowMs: 1_000 }, noJitter);
    expect(at(1)).toEqual({ state: "pending", nextAttemptAtMs: 11_000 });
    expect(at(7)).toEqual({ state: "pending", nextAttemptAtMs: 641_000 });
    expect(at(8)).toEqual({ state: "failed" });
    expect(at(8, true)).toEqual({ state: "delivered" });
    expect(planNextAttempt({ attemptsMade: 1, maxAttempts: 1, succeeded: false, nowMs: 0 }, noJitter)).toEqual({ state: "failed" });
  });

  it("counts only 2xx as delivered", () => {
    expect([200, 204, 299].every(isDelivered)).toBe(true);
    expect([null, 199, 301, 404, 500].some(isDelivered)).toBe(false);
  });
});
