// When the drift sweep re-explains an entry point's variants (lib/drift/explain-variants), and
// from how many traces. Explanations move slowly: refreshing on every trace would re-read
// samples for nothing.
import { explainVariants, type VariantExplanation, type VariantSample } from "./explain-variants";

/** Traces per variant read to explain an entry point's variants. */
export const EXPLAIN_SAMPLE_TRACES = 200;

/** Stale once the entry point's trace count moved 5% (at least one trace) away from the count it was explained at. */
export function areExplanationsStale(ep: { traceCount: number; explainedCount: number }): boolean {
  return Math.abs(ep.traceCount - ep.explainedCount) >= Math.max(1, Math.floor(ep.explainedCount * 0.05));
}

/** Only an entry point with several variants has anything to explain (and samples worth reading). */
export function hasVariantsToExplain(variantCount: number): boolean {
  return variantCount > 1;
}

export function explainEntryPoint(variants: readonly VariantSample[]): VariantExplanation[] {
  return hasVariantsToExplain(variants.length) ? explainVariants(variants) : [];
}
