// One time axis for every chart of a page: the same domain and the same round ticks, so charts
// stacked or side by side line up and read alike (recharts would choose ticks per chart, from
// each chart's own data and width).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [1, 2, 5, 10, 15, 30].map((m) => m * MINUTE).concat([1, 2, 3, 6, 12].map((h) => h * HOUR), [1, 2, 7].map((d) => d * DAY));

export interface TimeAxis {
  /** [from, to] in epoch ms: the range asked for, whatever the data covers. */
  domain: [number, number];
  /** Round times inside the domain, at most `maxTicks`. */
  ticks: number[];
  stepMs: number;
}

/**
 * `offsetMs` is the viewer's offset from UTC (east positive), so that day and hour ticks fall
 * on local midnights and whole local hours.
 */
export function timeAxis(fromMs: number, toMs: number, options: { maxTicks?: number; offsetMs?: number } = {}): TimeAxis {
  const maxTicks = options.maxTicks ?? 6;
  const offset = options.offsetMs ?? 0;
  const span = Math.max(toMs - fromMs, 0);
  const stepMs = STEPS.find((step) => span / step < maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  const ticks: number[] = [];
  if (span > 0) {
    for (let t = Math.ceil((fromMs + offset) / stepMs) * stepMs - offset; t <= toMs; t += stepMs) ticks.push(t);
  }
  return { domain: [fromMs, toMs], ticks, stepMs };
}
