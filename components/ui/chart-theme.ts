// Axis, grid and tooltip styling shared by the dashboard's recharts charts.

export function chartPalette(dark: boolean) {
  return {
    tick: dark ? "#a1a1aa" : "#52525b",
    grid: dark ? "#27272a" : "#e4e4e7",
    cursor: dark ? "#3f3f46" : "#d4d4d8",
    tooltip: {
      backgroundColor: dark ? "#18181b" : "#ffffff",
      border: `1px solid ${dark ? "#3f3f46" : "#e4e4e7"}`,
      borderRadius: 6,
      fontSize: 12,
      color: dark ? "#f4f4f5" : "#18181b",
    },
  };
}

/** Axis ticks have little room: "250ms", "1.5s". */
export function axisDuration(ms: number): string {
  if (ms === 0) return "0";
  if (ms < 1) return `${Math.round(ms * 1000)}µs`;
  if (ms < 1000) return `${Number(ms.toPrecision(3))}ms`;
  return `${Number((ms / 1000).toPrecision(3))}s`;
}

/** "$0.12", "$3", "$1.2k": the cost axis. */
export function axisUsd(amount: number): string {
  if (amount === 0) return "$0";
  if (amount >= 1000) return `$${Number((amount / 1000).toPrecision(2))}k`;
  return `$${Number(amount.toPrecision(2))}`;
}

const CLOCK = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const DAY = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const DAY_AND_CLOCK = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Tick labels for a range: the clock within a day, the date beyond. */
export function timeTick(rangeMs: number): (ms: number) => string {
  return rangeMs <= 86_400_000 ? (ms) => CLOCK.format(ms) : (ms) => DAY.format(ms);
}

export const tooltipTime = (ms: number) => DAY_AND_CLOCK.format(ms);
