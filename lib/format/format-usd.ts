// Estimated costs: single LLM calls cost fractions of a cent, so small amounts keep two
// significant digits instead of rounding to "$0.00". A fixed locale keeps server and browser text identical.

const CENTS = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const MAX_DECIMALS = 8;

/** 12.5 → "$12.50", 0.00123 → "$0.0012", null (not priced) → "–". */
export function formatUsd(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return "–";
  // Two significant digits first, so 0.00999 reads "$0.01" rather than "$0.0100".
  const rounded = Math.abs(amount) < 0.01 ? Number(amount.toPrecision(2)) : amount;
  if (rounded === 0 || Math.abs(rounded) >= 0.01) return CENTS.format(rounded);
  const decimals = 1 - Math.floor(Math.log10(Math.abs(rounded)));
  if (decimals > MAX_DECIMALS) return `<$${(10 ** -MAX_DECIMALS).toFixed(MAX_DECIMALS)}`;
  return `$${rounded.toFixed(decimals)}`;
}
