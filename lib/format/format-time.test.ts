import { describe, expect, it } from "vitest";
import { formatDuration, formatRelativeTime, formatUtcMinute } from "./format-time";

describe("formatDuration", () => {
  it.each([
    [0.25, "250 µs"],
    [3.456, "3.46 ms"],
    [42.42, "42.4 ms"],
    [342.5, "343 ms"],
    [1500, "1.50 s"],
    [125_000, "2 min 5 s"],
    [-1, "–"],
  ])("%d ms → %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe("formatRelativeTime", () => {
  const now = Date.parse("2026-01-01T12:00:00Z");
  it.each([
    ["2026-01-01T11:59:58Z", "just now"],
    ["2026-01-01T11:59:30Z", "30 s ago"],
    ["2026-01-01T11:30:00Z", "30 min ago"],
    ["2026-01-01T09:00:00Z", "3 h ago"],
    ["2025-12-25T08:15:00Z", "2025-12-25 08:15"],
  ])("%s → %s", (iso, text) => expect(formatRelativeTime(iso, now)).toBe(text));
});

describe("formatUtcMinute", () => {
  it("is the UTC minute whatever the machine's time zone", () => {
    expect(formatUtcMinute("2026-11-21T23:42:59.386Z")).toBe("2026-11-21 23:42 UTC");
    expect(formatUtcMinute("2026-11-22T01:42:59+02:00")).toBe("2026-11-21 23:42 UTC");
    expect(formatUtcMinute("not a time")).toBe("–");
  });
});
