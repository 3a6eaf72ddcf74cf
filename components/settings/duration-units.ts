// Durations are stored in milliseconds and typed in whatever unit reads naturally.
export type DurationUnit = "ms" | "s" | "min" | "h" | "d";

export const UNIT_MS: Record<DurationUnit, number> = { ms: 1, s: 1_000, min: 60_000, h: 3_600_000, d: 86_400_000 };
export const UNIT_LABEL: Record<DurationUnit, string> = { ms: "milliseconds", s: "seconds", min: "minutes", h: "hours", d: "days" };
const ORDER: DurationUnit[] = ["d", "h", "min", "s", "ms"];

/** The largest of `units` that shows `ms` as a whole number, e.g. 3,600,000 → h; 0 → `fallback`. */
export function bestUnit(ms: number, units: readonly DurationUnit[], fallback: DurationUnit): DurationUnit {
  if (ms === 0) return fallback;
  return ORDER.find((u) => units.includes(u) && ms >= UNIT_MS[u] && ms % UNIT_MS[u] === 0) ?? units[0] ?? fallback;
}

/** A number as an input shows it: no float noise (0.1 + 0.2), no exponent for small values. */
export function numberText(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** "1 h", "1.5 s", "24 h": the largest unit with a short value. */
export function formatMs(ms: number): string {
  if (ms === 0) return "0";
  const unit = ORDER.find((u) => ms >= UNIT_MS[u]) ?? "ms";
  return `${numberText(Math.round((ms / UNIT_MS[unit]) * 100) / 100)} ${unit}`;
}

/** Milliseconds from a typed amount, or null when it is not a whole number of them. */
export function toMs(amount: number, unit: DurationUnit): number | null {
  const ms = amount * UNIT_MS[unit];
  const whole = Math.round(ms);
  return Math.abs(ms - whole) < 1e-6 ? whole : null;
}
