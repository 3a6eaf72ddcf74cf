import { formatCount } from "@/lib/format/format-number";
import type { UsageStats } from "./llm-types";

const calls = (n: number) => `${formatCount(n)} ${n === 1 ? "call" : "calls"}`;

/**
 * Why part of a cost is missing, in words: a call that recorded no tokens (a 429, a timeout)
 * is not the same news as a model Flowprint has no price for.
 */
export function unpricedNotes(stats: Pick<UsageStats, "unpriced_calls" | "no_token_calls">): { key: string; text: string; title: string }[] {
  const noPrice = stats.unpriced_calls - stats.no_token_calls;
  return [
    ...(stats.no_token_calls > 0 ? [{ key: "no-tokens", text: `${calls(stats.no_token_calls)} with no tokens recorded`, title: "Nothing to price: the call recorded no token counts (usually a refused or failed call)" }] : []),
    ...(noPrice > 0 ? [{ key: "unpriced", text: `${calls(noPrice)} unpriced`, title: "Left out of the sum: no list price for the model, or a token count missing" }] : []),
  ];
}
