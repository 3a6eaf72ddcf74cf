export interface RiskInput {
  occurrenceCount: number;
  /** Share of traces with at least one error span, 0..1. */
  errorRate: number;
  avgDurationMs: number;
}

/**
 * `0.3·min(count/100, 1) + 0.5·error_rate + 0.2·min(avg_ms/10000, 1)`, in 0..1: how often a
 * flow runs, how often it fails and how slow it is, saturating at 100 runs and 10 s. Each
 * term is clamped to 0..1 (NaN counts as 0) so one corrupt aggregate cannot push a flow
 * off the scale or out of the sort order.
 */
export function computeRisk({ occurrenceCount, errorRate, avgDurationMs }: RiskInput): number {
  return 0.3 * unit(occurrenceCount / 100) + 0.5 * unit(errorRate) + 0.2 * unit(avgDurationMs / 10_000);
}

function unit(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(Math.max(value, 0), 1);
}
