import { describe, expect, it } from "vitest";
import type { Span } from "../otlp/span";
import { importWarnings } from "./import-warnings";

const DAY_MS = 86_400_000;
const NOW_MS = Date.UTC(2026, 11, 10, 12, 0, 0);
const span = (traceId: string, startMs: number) => ({ traceId, startNs: BigInt(startMs) * 1_000_000n }) as Span;
const keep = { retentionDays: 7, autoDiscovery: true };

describe("importWarnings", () => {
  it("says nothing about traces inside the retention window", () => {
    expect(importWarnings([span("a", NOW_MS - 6 * DAY_MS), span("a", NOW_MS - 8 * DAY_MS + 1), span("b", NOW_MS)], { ...keep, retentionDays: 9 }, NOW_MS)).toEqual([]);
  });

  it("counts the traces retention will delete by their earliest span, and says when the window starts", () => {
    const spans = [span("a", NOW_MS - DAY_MS), span("a", NOW_MS - 8 * DAY_MS), span("b", NOW_MS - 30 * DAY_MS), span("c", NOW_MS)];
    const [warning] = importWarnings(spans, keep, NOW_MS);
    expect(warning.code).toBe("older_than_retention");
    expect(warning.message).toMatch(/^2 of 3 traces started before this workspace's retention window \(retention_days 7: before 2026-12-03T12:00:00.000Z\)\. They are stored/);
    expect(warning.message).toMatch(/the flows and their statistics stay/);
  });

  it("words one trace and all traces", () => {
    expect(importWarnings([span("a", 0)], keep, NOW_MS)[0].message).toMatch(/^The trace started before .* It is stored and discovered as flows, then deleted with its spans/);
    expect(importWarnings([span("a", 0), span("b", 0)], keep, NOW_MS)[0].message).toMatch(/^All 2 traces started before/);
  });

  it("says when discovery is off, as no flow will come of the import", () => {
    expect(importWarnings([span("a", NOW_MS)], { ...keep, autoDiscovery: false }, NOW_MS).map((w) => w.code)).toEqual(["discovery_off"]);
    const [retention] = importWarnings([span("a", 0)], { ...keep, autoDiscovery: false }, NOW_MS);
    expect(retention.message).toMatch(/It is stored, then deleted/);
  });
});
