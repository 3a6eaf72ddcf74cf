import { describe, expect, it } from "vitest";
import type { TraceSummaryView } from "@/lib/api/traces.schemas";
import { LOG_FLOOR_MS, logDurationAxis, scatterPoints, scatterSummary, scatterTimeAxis } from "./trace-scatter-model";

const T = Date.parse("2026-12-06T12:00:00Z");

function trace(n: number, patch: Partial<TraceSummaryView> = {}): TraceSummaryView {
  return {
    trace_id: n.toString(16).padStart(32, "0"),
    root_service: "checkout",
    root_operation: "POST /orders",
    span_count: 3,
    error_count: 0,
    has_error: false,
    start_time: new Date(T + n * 1000).toISOString(),
    duration_ms: 10 * n,
    state: "complete",
    services: ["checkout"],
    in_progress: false,
    is_test_generated: false,
    ...patch,
  };
}

const utcClock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

describe("trace scatter model", () => {
  it("plots each trace at its start and duration, marking errors", () => {
    const points = scatterPoints([trace(1), trace(2, { has_error: true, error_count: 1 })], false);
    expect(points).toEqual([
      { traceId: trace(1).trace_id, startMs: T + 1000, durationMs: 10, y: 10, hasError: false, label: "checkout · POST /orders" },
      { traceId: trace(2).trace_id, startMs: T + 2000, durationMs: 20, y: 20, hasError: true, label: "checkout · POST /orders" },
    ]);
  });

  it("lifts zero durations off a log scale's missing zero", () => {
    const [point] = scatterPoints([trace(0)], true);
    expect(point.durationMs).toBe(0);
    expect(point.y).toBe(LOG_FLOOR_MS);
  });

  it("names a trace without its root span by the services seen", () => {
    const [point] = scatterPoints([trace(1, { root_service: null, root_operation: null, services: ["users", "orders"] })], false);
    expect(point.label).toBe("root span not received (users, orders)");
  });

  it("pads the time axis around the points and ticks seconds for a burst", () => {
    const axis = scatterTimeAxis(scatterPoints([trace(1), trace(4)], false), 0);
    expect(axis.domain[0]).toBeLessThan(T + 1000);
    expect(axis.domain[1]).toBeGreaterThan(T + 4000);
    expect(axis.stepMs).toBe(1000);
    expect(axis.ticks).toEqual([T + 1000, T + 2000, T + 3000, T + 4000]);
    // Milliseconds apart: ticks a fraction of a second apart, not none.
    const burst = scatterTimeAxis(scatterPoints([trace(1), trace(1, { start_time: new Date(T + 1300).toISOString() })], false), 0);
    expect(burst.stepMs).toBeLessThan(1000);
    expect(burst.ticks.length).toBeGreaterThan(1);
    // One trace alone still gets an axis around it.
    const single = scatterTimeAxis(scatterPoints([trace(1)], false), 0);
    expect(single.domain).toEqual([T - 4000, T + 6000]);
    expect(single.stepMs).toBe(2000);
  });

  it("falls back to the page-wide axis over minutes and more", () => {
    const axis = scatterTimeAxis(scatterPoints([trace(0), trace(3600)], false), 0);
    expect(axis.stepMs).toBeGreaterThanOrEqual(60_000);
    expect(axis.ticks.length).toBeLessThanOrEqual(6);
  });

  it("ticks a log axis by decades around the durations", () => {
    expect(logDurationAxis(scatterPoints([trace(1, { duration_ms: 3 }), trace(2, { duration_ms: 1200 })], true))).toEqual({ domain: [1, 10_000], ticks: [1, 10, 100, 1000, 10_000] });
    expect(logDurationAxis(scatterPoints([trace(1, { duration_ms: 0.2 })], true))).toEqual({ domain: [0.1, 1], ticks: [0.1, 1] });
  });

  it("sums the picture up in words", () => {
    const points = scatterPoints([trace(1), trace(2, { has_error: true, duration_ms: 900, root_service: "payments", root_operation: "charge" }), trace(3)], false);
    expect(scatterSummary(points, utcClock)).toBe(
      "Duration over start time of the 3 traces listed below, started 12:00:01 to 12:00:03; 1 with errors. Durations from 10.0 ms to 900 ms; the slowest is payments · charge (900 ms, with errors).",
    );
    expect(scatterSummary(scatterPoints([trace(1)], false), utcClock)).toMatch(/^Duration over start time of the 1 trace listed below.*; none with errors\./);
  });
});
