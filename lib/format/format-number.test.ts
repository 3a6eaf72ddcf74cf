import { describe, expect, it } from "vitest";
import { formatCount, formatPageRange, formatPercent, formatScore } from "./format-number";

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [1234, "1,234"],
    [999_999, "999,999"],
    [1_250_000, "1.3M"],
    [Number.NaN, "–"],
  ])("%d → %s", (n, text) => expect(formatCount(n)).toBe(text));
});

describe("formatPercent", () => {
  it.each([
    [0, "0%"],
    [1, "100%"],
    [0.5, "50%"],
    [0.125, "12.5%"],
    [0.0125, "1.3%"],
    [0.0004, "<0.1%"],
    [0.9996, "99.9%"],
    [1 / 3, "33.3%"],
    [Number.POSITIVE_INFINITY, "–"],
  ])("%d → %s", (rate, text) => expect(formatPercent(rate)).toBe(text));
});

describe("formatScore", () => {
  it("keeps two decimals", () => {
    expect(formatScore(0.7)).toBe("0.70");
    expect(formatScore(0.12345)).toBe("0.12");
    expect(formatScore(Number.NaN)).toBe("–");
  });
});

describe("formatPageRange", () => {
  it.each([
    [0, 50, 120, "1–50 of 120"],
    [100, 20, 120, "101–120 of 120"],
    [0, 0, 0, "0 of 0"],
    [1000, 50, 2500, "1,001–1,050 of 2,500"],
  ])("offset %d, %d shown of %d → %s", (offset, shown, total, text) => expect(formatPageRange(offset, shown, total)).toBe(text));
});
