// How a comparison's change in duration reads: the delta is (B − A) / max(A, B), so +50% means B
// took twice as long and −50% half as long. The words say which way, so colour is never alone.
import { formatDuration } from "./format-time";

export type DeltaTone = "slower" | "faster" | "unchanged";

/** Changes under 1% of the longer side read as unchanged: clock ticks, not a difference. */
const UNCHANGED_BELOW = 0.01;

export function deltaTone(delta: number | null): DeltaTone | null {
  if (delta === null) return null;
  if (Math.abs(delta) < UNCHANGED_BELOW) return "unchanged";
  return delta > 0 ? "slower" : "faster";
}

/** "+33%", "−50%", "0%" (a real minus sign). */
export function formatDeltaPercent(delta: number): string {
  const percent = Math.round(delta * 100);
  if (percent === 0) return "0%";
  return percent > 0 ? `+${percent}%` : `−${-percent}%`;
}

/** "+50 ms", "−1.20 s", "±0 ms". */
export function formatDurationChange(aMs: number, bMs: number): string {
  const change = bMs - aMs;
  if (change === 0) return "±0 ms";
  return `${change > 0 ? "+" : "−"}${formatDuration(Math.abs(change))}`;
}
