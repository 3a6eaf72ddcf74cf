import { describe, expect, it } from "vitest";
import { durationProblem } from "./trace-duration-problem";

describe("durationProblem", () => {
  it("accepts empty bounds, whole and fractional milliseconds", () => {
    expect(durationProblem("", "")).toBeNull();
    expect(durationProblem("0", "")).toBeNull();
    expect(durationProblem("0.5", "1500")).toBeNull();
    expect(durationProblem("10", "10")).toBeNull();
  });

  it("names the bound that is not a number of milliseconds", () => {
    expect(durationProblem("fast", "")?.bound).toBe("min");
    expect(durationProblem("", "-1")?.bound).toBe("max");
    expect(durationProblem("", "1e3")?.message).toMatch(/maximum must be a number of milliseconds/);
    expect(durationProblem("100ms", "")?.message).toMatch(/minimum/);
  });

  it("refuses a maximum below the minimum, as the server does", () => {
    expect(durationProblem("500", "20")).toEqual({ bound: "max", message: "The maximum must not be less than the minimum." });
    // Compared as numbers, not as text.
    expect(durationProblem("9", "10")).toBeNull();
  });
});
