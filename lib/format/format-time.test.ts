import { describe, expect, it } from "vitest";
import { formatDuration, formatRelativeTime } from "./format-time";

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
