import type { HourlyView } from "./flow-types";

const HOUR_MS = 3_600_000;
/** A short history still spans half a day, so one busy hour reads as a bar, not a wall. */
const MIN_HOURS = 12;

export interface HourPoint {
  ms: number;
  count: number;
  /** null for hours without traffic: no traces, so no duration or rate to draw. */
  p95: number | null;
  errorRate: number | null;
}

/**
 * The API lists only hours with traffic; charts need every hour between the first and the
 * last, the quiet ones at zero.
 */
export function hourlySeries(hourly: HourlyView[]): HourPoint[] {
  if (hourly.length === 0) return [];
  const byHour = new Map(hourly.map((h) => [Date.parse(h.hour), h]));
  const last = Math.max(...byHour.keys());
  const first = Math.min(Math.min(...byHour.keys()), last - (MIN_HOURS - 1) * HOUR_MS);
  const points: HourPoint[] = [];
  for (let ms = first; ms <= last; ms += HOUR_MS) {
    const h = byHour.get(ms);
    points.push({ ms, count: h?.count ?? 0, p95: h ? h.p95_duration_ms : null, errorRate: h ? h.error_rate : null });
  }
  return points;
}
