// Call counts as a graph label fits them: 950, 12.4k, 3.1M.
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const full = new Intl.NumberFormat("en");

export function formatCount(n: number): string {
  return n < 10_000 ? full.format(n) : compact.format(n);
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
