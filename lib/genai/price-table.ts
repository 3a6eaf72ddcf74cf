// Model name -> price, by the most specific table key that is a prefix of the model name.
//
// Spans name one model many ways: `gpt-4o-2024-08-06`, `openai/gpt-4o`, `models/gemini-2.0-flash`,
// `claude-3-5-sonnet-20241022`, `claude-3.5-sonnet`, Bedrock's
// `us.anthropic.claude-3-5-sonnet-20241022-v2:0`, Vertex's `claude-3-5-sonnet-v2@20241022`.
// Both the span's name and the table keys are normalised to lowercase dash-separated segments,
// then the key with the most segments that is a segment-wise prefix of the name wins. Matching
// whole segments is what keeps `gpt-4o-mini-2024-07-18` off `gpt-4o` and `gpt-4-1106-preview`
// off `gpt-4.1` (`gpt-4-1`).

import { DEFAULT_PRICE_TABLE } from "./price-table-data";

export { DEFAULT_PRICE_TABLE };

export interface ModelPrice {
  /** USD per 1,000,000 input (prompt) tokens. */
  input_per_million: number;
  /** USD per 1,000,000 output (completion) tokens. */
  output_per_million: number;
}

/** Treat as immutable: lookups index a table's `prices` object once and reuse the index. */
export interface PriceTable {
  /** ISO date (YYYY-MM-DD) the prices were last checked against the providers' lists. */
  as_of: string;
  /** Model name or name prefix -> price. */
  prices: Readonly<Record<string, ModelPrice>>;
}

/** A workspace's own prices (`llm_prices` setting): model name or prefix -> price. */
export type LlmPriceOverrides = Readonly<Record<string, ModelPrice>>;

export interface ResolvedPrice extends ModelPrice {
  /** The table or override key that matched, as written there. */
  key: string;
  source: "override" | "default";
}

// Bedrock model ids: an optional cross-region inference prefix, then the vendor, then the model.
const BEDROCK_PREFIX =
  /^(?:(?:us|eu|apac|au|ca|jp|us-gov|global)\.)?(?:anthropic|meta|mistral|amazon|cohere|ai21|deepseek|openai|writer|qwen)\./;

/**
 * The form both model names and table keys are compared in: lowercase, without any `provider/`
 * or `models/` path, without a Bedrock vendor prefix, every run of other characters (`.`, `:`,
 * `@`, `_`, spaces) turned into one `-`.
 */
export function normaliseModelName(model: string): string {
  let name = model.trim().toLowerCase();
  name = name.slice(name.lastIndexOf("/") + 1);
  name = name.replace(BEDROCK_PREFIX, "");
  return name.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

interface IndexedEntry {
  key: string;
  price: ModelPrice;
}

// Normalised key -> entry, built once per table object: a summary prices every call, and a
// segment walk over a Map beats scanning every key for each of them.
const indexCache = new WeakMap<object, Map<string, IndexedEntry>>();

function indexOf(prices: Readonly<Record<string, ModelPrice>>): Map<string, IndexedEntry> {
  let index = indexCache.get(prices);
  if (index === undefined) {
    index = new Map();
    for (const [key, price] of Object.entries(prices)) {
      const normalised = normaliseModelName(key);
      // Two keys that normalise alike (`gpt-4.1` and `gpt-4-1`) are one model; the later wins,
      // like a later line in a settings file.
      if (normalised !== "") index.set(normalised, { key, price });
    }
    indexCache.set(prices, index);
  }
  return index;
}

/** The most specific entry whose key is a whole-segment prefix of the model name. */
function longestMatch(
  model: string,
  prices: Readonly<Record<string, ModelPrice>>,
): { entry: IndexedEntry; segments: number } | null {
  const segments = normaliseModelName(model).split("-");
  if (segments[0] === "") return null;
  const index = indexOf(prices);
  for (let count = segments.length; count > 0; count--) {
    const entry = index.get(segments.slice(0, count).join("-"));
    if (entry !== undefined) return { entry, segments: count };
  }
  return null;
}

/** The price of `model` in one table, or null when no key matches. */
export function lookupPrice(model: string, table: PriceTable = DEFAULT_PRICE_TABLE): ResolvedPrice | null {
  const match = longestMatch(model, table.prices);
  return match === null ? null : { ...match.entry.price, key: match.entry.key, source: "default" };
}

/**
 * The price of `model` given a workspace's overrides. Overrides use the same matching, and the
 * most specific key wins across both lists; at equal specificity the override wins. So an
 * override for `gpt-4o` reprices `gpt-4o-2024-08-06` but not `gpt-4o-mini`, which has its own,
 * more specific default entry, and a broad override such as `llama` fills in models the
 * defaults do not price without replacing those they do.
 */
export function resolvePrice(
  model: string,
  overrides: LlmPriceOverrides = {},
  table: PriceTable = DEFAULT_PRICE_TABLE,
): ResolvedPrice | null {
  const override = longestMatch(model, overrides);
  const fallback = longestMatch(model, table.prices);
  if (override !== null && (fallback === null || override.segments >= fallback.segments)) {
    return { ...override.entry.price, key: override.entry.key, source: "override" };
  }
  return fallback === null ? null : { ...fallback.entry.price, key: fallback.entry.key, source: "default" };
}

/**
 * The table with a workspace's overrides applied, for code that takes one PriceTable (cost
 * estimates, usage summaries). Looking a model up in it gives the same price as resolvePrice.
 */
export function withPriceOverrides(
  overrides: LlmPriceOverrides,
  table: PriceTable = DEFAULT_PRICE_TABLE,
): PriceTable {
  if (Object.keys(overrides).length === 0) return table;
  const prices: Record<string, ModelPrice> = {};
  const overridden = new Set(Object.keys(overrides).map(normaliseModelName));
  for (const [key, price] of Object.entries(table.prices)) {
    // Dropped rather than shadowed so that an override written `openai/gpt-4o` replaces `gpt-4o`.
    if (!overridden.has(normaliseModelName(key))) prices[key] = price;
  }
  Object.assign(prices, overrides);
  return { as_of: table.as_of, prices };
}
