// The USD cost of one LLM call at list price. An estimate: cached-input discounts, batch
// pricing, long-context tiers and audio or image tokens are not known from the span and are
// not applied.
import type { LlmCall } from "./llm-call";
import { DEFAULT_PRICE_TABLE, lookupPrice, type PriceTable } from "./price-table";

export type CostedCall = Pick<LlmCall, "model" | "inputTokens" | "outputTokens">;

/**
 * Cost in USD, or null when it cannot be known: the model has no price, or a token count the
 * price depends on was not recorded. A missing output count is harmless only where output is
 * free (embeddings), so it gives null for every other model rather than a cost that looks
 * exact but leaves out the completion.
 */
export function estimateCostUsd(call: CostedCall, priceTable: PriceTable = DEFAULT_PRICE_TABLE): number | null {
  if (call.model === "") return null;
  const price = lookupPrice(call.model, priceTable);
  if (price === null || !isTokenCount(call.inputTokens)) return null;
  let outputTokens = call.outputTokens;
  if (!isTokenCount(outputTokens)) {
    if (price.output_per_million !== 0) return null;
    outputTokens = 0;
  }
  return (call.inputTokens * price.input_per_million + outputTokens * price.output_per_million) / 1_000_000;
}

function isTokenCount(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value >= 0;
}
