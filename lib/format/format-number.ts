// Counts, rates and scores as people read them in tables and stat cards. A fixed locale keeps
// the server's and the browser's text identical.

const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** 1234 → "1,234"; from a million on, "1.2M", so a column keeps its width. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return "–";
  return Math.abs(n) >= 1_000_000 ? COMPACT.format(n) : INTEGER.format(n);
}

/**
 * A rate in 0..1 as a percentage: "0%", "12.5%", "100%". A rate that is not zero never reads
 * as zero ("<0.1%"), and one short of all never reads as all ("99.9%").
 */
export function formatPercent(rate: number): string {
  if (!Number.isFinite(rate)) return "–";
  const percent = rate * 100;
  if (percent === 0) return "0%";
  if (percent > 0 && percent < 0.1) return "<0.1%";
  if (percent < 100 && percent >= 99.95) return "99.9%";
  return `${Number(percent.toFixed(Number.isInteger(percent) ? 0 : 1))}%`;
}

/** A risk score in 0..1 with the two decimals the risk badge shows. */
export function formatScore(score: number): string {
  return Number.isFinite(score) ? score.toFixed(2) : "–";
}

/** The rows a page shows: "1–50 of 1,234", or "0 of 0" when there are none. */
export function formatPageRange(offset: number, shown: number, total: number): string {
  if (shown === 0) return `0 of ${formatCount(total)}`;
  return `${formatCount(offset + 1)}–${formatCount(offset + shown)} of ${formatCount(total)}`;
}
