// The duration scatter's points, axes and the sentence that tells a screen reader what it shows.
import type { TraceSummaryView } from "@/lib/api/traces.schemas";
import { formatDuration } from "@/lib/format/format-time";
import { timeAxis, type TimeAxis } from "@/lib/ui/time-axis";

export interface ScatterPoint {
  traceId: string;
  startMs: number;
  durationMs: number;
  /** What is plotted: the duration, lifted off zero on a log scale, which has no zero. */
  y: number;
  hasError: boolean;
  /** "checkout · POST /orders", or what is known of a trace whose root span is missing. */
  label: string;
}

/** The least duration a log scale plots (1 µs): shorter traces sit on the axis. */
export const LOG_FLOOR_MS = 0.001;

export function traceLabel(trace: Pick<TraceSummaryView, "root_service" | "root_operation" | "services">): string {
  if (trace.root_service !== null && trace.root_operation !== null) return `${trace.root_service} · ${trace.root_operation}`;
  return `root span not received (${trace.services.join(", ") || "no services"})`;
}

export function scatterPoints(traces: TraceSummaryView[], log: boolean): ScatterPoint[] {
  return traces.map((trace) => ({
    traceId: trace.trace_id,
    startMs: Date.parse(trace.start_time),
    durationMs: trace.duration_ms,
    y: log ? Math.max(trace.duration_ms, LOG_FLOOR_MS) : trace.duration_ms,
    hasError: trace.has_error,
    label: traceLabel(trace),
  }));
}

const SECOND = 1000;
const SUB_MINUTE_STEPS = [100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000];
const MAX_TICKS = 6;

/**
 * The x axis over the points' start times, padded so the first and last points are not cut in
 * half by the edges. Within a minute, as a burst of requests often is, the ticks are seconds or
 * fractions of one (the page-wide time axis starts at minutes).
 */
export function scatterTimeAxis(points: ScatterPoint[], offsetMs: number): TimeAxis {
  const starts = points.map((p) => p.startMs);
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  // One trace alone: ten seconds around it, ticked every two.
  const pad = last > first ? Math.max((last - first) * 0.04, 50) : 5 * SECOND;
  const from = first - pad;
  const to = last + pad;
  const stepMs = SUB_MINUTE_STEPS.find((step) => (to - from) / step < MAX_TICKS);
  if (stepMs === undefined) return timeAxis(from, to, { maxTicks: MAX_TICKS, offsetMs });
  const ticks: number[] = [];
  for (let t = Math.ceil(from / stepMs) * stepMs; t <= to; t += stepMs) ticks.push(t);
  return { domain: [from, to], ticks, stepMs };
}

/** A log y axis from the decade below the shortest trace to the decade above the longest, one tick a decade. */
export function logDurationAxis(points: ScatterPoint[]): { domain: [number, number]; ticks: number[] } {
  const ys = points.map((p) => p.y);
  const low = Math.floor(Math.log10(Math.min(...ys)));
  const high = Math.max(Math.ceil(Math.log10(Math.max(...ys))), low + 1);
  const ticks: number[] = [];
  for (let e = low; e <= high; e++) ticks.push(Number((10 ** e).toPrecision(1)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** For screen readers, in place of the picture: how many, when, how long, how many failed, the slowest. */
export function scatterSummary(points: ScatterPoint[], formatTime: (ms: number) => string): string {
  if (points.length === 0) return "No traces to plot.";
  const errors = points.filter((p) => p.hasError).length;
  const starts = points.map((p) => p.startMs);
  const slowest = points.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
  const fastest = points.reduce((a, b) => (b.durationMs < a.durationMs ? b : a));
  const count = points.length === 1 ? "1 trace" : `${points.length} traces`;
  return (
    `Duration over start time of the ${count} listed below, started ${formatTime(Math.min(...starts))} to ${formatTime(Math.max(...starts))}; ` +
    `${errors === 0 ? "none" : errors} with errors. Durations from ${formatDuration(fastest.durationMs)} to ${formatDuration(slowest.durationMs)}; ` +
    `the slowest is ${slowest.label} (${formatDuration(slowest.durationMs)}${slowest.hasError ? ", with errors" : ""}).`
  );
}
