import { describe, expect, it } from "vitest";
import { formatUsd } from "./format-usd";

describe("formatUsd", () => {
  it("shows cents for amounts of a cent or more, two significant digits below", () => {
    expect(formatUsd(12.5)).toBe("$12.50");
    expect(formatUsd(1234.567)).toBe("$1,234.57");
    expect(formatUsd(0.00123)).toBe("$0.0012");
    expect(formatUsd(0.00999)).toBe("$0.01");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(1e-12)).toBe("<$0.00000001");
  });
  it("marks what could not be priced", () => {
    expect(formatUsd(null)).toBe("–");
    expect(formatUsd(Number.NaN)).toBe("–");
  });
});
