import { describe, expect, it } from "vitest";
import {
  DEFAULT_PRICE_TABLE,
  lookupPrice,
  normaliseModelName,
  resolvePrice,
  withPriceOverrides,
  type PriceTable,
} from "./price-table";

function keyOf(model: string): string | undefined {
  return lookupPrice(model)?.key;
}

describe("normaliseModelName", () => {
  it("drops provider paths, Bedrock vendor prefixes and punctuation", () => {
    expect(normaliseModelName("openai/gpt-4o")).toBe("gpt-4o");
    expect(normaliseModelName("models/gemini-2.0-flash")).toBe("gemini-2-0-flash");
    expect(normaliseModelName("projects/p/locations/us-central1/publishers/google/models/gemini-1.5-pro-002")).toBe(
      "gemini-1-5-pro-002",
    );
    expect(normaliseModelName("us.anthropic.claude-3-5-sonnet-20241022-v2:0")).toBe("claude-3-5-sonnet-20241022-v2-0");
    expect(normaliseModelName("claude-3-5-sonnet-v2@20241022")).toBe("claude-3-5-sonnet-v2-20241022");
    expect(normaliseModelName("  GPT-4.1-Mini ")).toBe("gpt-4-1-mini");
    expect(normaliseModelName("")).toBe("");
  });
});

describe("lookupPrice", () => {
  it("matches dated snapshots and provider prefixes to their family", () => {
    expect(keyOf("gpt-4o")).toBe("gpt-4o");
    expect(keyOf("gpt-4o-2024-08-06")).toBe("gpt-4o");
    expect(keyOf("gpt-4o-2024-11-20")).toBe("gpt-4o");
    expect(keyOf("openai/gpt-4o")).toBe("gpt-4o");
    expect(keyOf("models/gemini-2.0-flash")).toBe("gemini-2.0-flash");
    expect(keyOf("gemini-2.0-flash-001")).toBe("gemini-2.0-flash");
    expect(keyOf("claude-3-5-sonnet-20241022")).toBe("claude-3-5-sonnet");
    expect(keyOf("claude-3-5-sonnet-latest")).toBe("claude-3-5-sonnet");
    expect(keyOf("anthropic/claude-3.5-sonnet")).toBe("claude-3-5-sonnet");
    expect(keyOf("us.anthropic.claude-3-5-sonnet-20241022-v2:0")).toBe("claude-3-5-sonnet");
    expect(keyOf("claude-3-5-sonnet-v2@20241022")).toBe("claude-3-5-sonnet");
    expect(keyOf("claude-sonnet-4-20250514")).toBe("claude-sonnet-4");
    expect(keyOf("claude-sonnet-4-5-20250929")).toBe("claude-sonnet-4-5");
    expect(keyOf("claude-opus-4-1-20250805")).toBe("claude-opus-4-1");
    expect(keyOf("claude-3-7-sonnet-20250219")).toBe("claude-3-7-sonnet");
    expect(keyOf("gemini-2.5-pro-preview-05-06")).toBe("gemini-2.5-pro");
    expect(keyOf("mistral.mistral-large-2407-v1:0")).toBe("mistral-large");
    expect(keyOf("mistral-small-latest")).toBe("mistral-small");
    expect(keyOf("meta.llama3-3-70b-instruct-v1:0")).toBe("llama3-3-70b-instruct");
    expect(keyOf("meta-llama/Llama-3.3-70B-Instruct-Turbo")).toBe("llama-3.3-70b-instruct-turbo");
    expect(keyOf("o3-2025-04-16")).toBe("o3");
    expect(keyOf("gpt-4-0613")).toBe("gpt-4");
  });

  it("prefers the longest key, so a family's smaller sibling never prices as the family", () => {
    expect(keyOf("gpt-4o-mini")).toBe("gpt-4o-mini");
    expect(keyOf("gpt-4o-mini-2024-07-18")).toBe("gpt-4o-mini");
    expect(keyOf("openai/gpt-4o-mini")).toBe("gpt-4o-mini");
    expect(keyOf("gpt-4.1-mini-2025-04-14")).toBe("gpt-4.1-mini");
    expect(keyOf("gpt-4.1-nano")).toBe("gpt-4.1-nano");
    expect(keyOf("gpt-4.1-2025-04-14")).toBe("gpt-4.1");
    expect(keyOf("o1-mini-2024-09-12")).toBe("o1-mini");
    expect(keyOf("o3-mini")).toBe("o3-mini");
    expect(keyOf("o4-mini-2025-04-16")).toBe("o4-mini");
    expect(keyOf("gemini-2.0-flash-lite-001")).toBe("gemini-2.0-flash-lite");
    expect(keyOf("gemini-1.5-flash-8b")).toBe("gemini-1.5-flash-8b");
    expect(keyOf("gpt-4o-2024-05-13")).toBe("gpt-4o-2024-05-13");
    expect(lookupPrice("gpt-4o-mini-2024-07-18")?.input_per_million).toBe(0.15);
  });

  it("matches whole segments only", () => {
    // gpt-4.1 normalises to gpt-4-1, which must not claim the GPT-4 Turbo previews.
    expect(keyOf("gpt-4-1106-preview")).toBe("gpt-4-1106-preview");
    expect(keyOf("gpt-4-turbo-2024-04-09")).toBe("gpt-4-turbo");
    expect(keyOf("gpt-4o-2024-08-06")).not.toBe("gpt-4");
    expect(keyOf("o10")).toBeUndefined();
    expect(keyOf("gpt-40")).toBeUndefined();
  });

  it("returns null for unknown or empty models", () => {
    expect(lookupPrice("my-finetune")).toBeNull();
    expect(lookupPrice("llama-3.3-70b")).toBeNull();
    expect(lookupPrice("")).toBeNull();
    expect(lookupPrice("///")).toBeNull();
  });

  it("has no two default keys that normalise alike", () => {
    const keys = Object.keys(DEFAULT_PRICE_TABLE.prices);
    expect(new Set(keys.map(normaliseModelName)).size).toBe(keys.length);
  });

  it("has sane prices and an as_of date", () => {
    expect(DEFAULT_PRICE_TABLE.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [key, price] of Object.entries(DEFAULT_PRICE_TABLE.prices)) {
      expect(price.input_per_million, key).toBeGreaterThan(0);
      expect(price.output_per_million, key).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("resolvePrice", () => {
  it("uses the defaults without overrides", () => {
    expect(resolvePrice("gpt-4o-2024-08-06")).toEqual({
      key: "gpt-4o",
      source: "default",
      input_per_million: 2.5,
      output_per_million: 10,
    });
    expect(resolvePrice("unknown-model")).toBeNull();
  });

  it("lets an override win at equal specificity, with the same matching", () => {
    const overrides = { "openai/gpt-4o": { input_per_million: 2, output_per_million: 8 } };
    expect(resolvePrice("gpt-4o-2024-08-06", overrides)).toMatchObject({ key: "openai/gpt-4o", source: "override", input_per_million: 2 });
    expect(resolvePrice("gpt-4o-mini", overrides)).toMatchObject({ key: "gpt-4o-mini", source: "default" });
  });

  it("prices models the defaults do not know", () => {
    const overrides = { llama: { input_per_million: 0, output_per_million: 0 }, "my-finetune": { input_per_million: 3, output_per_million: 6 } };
    expect(resolvePrice("llama-3.3-70b", overrides)).toMatchObject({ key: "llama", source: "override" });
    expect(resolvePrice("my-finetune-v2", overrides)).toMatchObject({ key: "my-finetune", input_per_million: 3 });
    // A broad override does not replace a more specific default.
    expect(resolvePrice("llama-3.3-70b-versatile", overrides)).toMatchObject({ source: "default" });
  });

  it("takes a custom table", () => {
    const table: PriceTable = { as_of: "2026-01-01", prices: { "acme-1": { input_per_million: 1, output_per_million: 2 } } };
    expect(resolvePrice("acme-1-2026", {}, table)).toMatchObject({ key: "acme-1" });
    expect(resolvePrice("gpt-4o", {}, table)).toBeNull();
  });
});

describe("withPriceOverrides", () => {
  it("agrees with resolvePrice", () => {
    const overrides = {
      "openai/gpt-4o": { input_per_million: 2, output_per_million: 8 },
      "gpt-4o-mini": { input_per_million: 0.1, output_per_million: 0.5 },
      llama: { input_per_million: 0, output_per_million: 0 },
    };
    const merged = withPriceOverrides(overrides);
    for (const model of ["gpt-4o", "gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18", "llama-3.1-8b", "llama-3.1-8b-instant", "o3", "x"]) {
      const viaTable = lookupPrice(model, merged);
      const viaResolve = resolvePrice(model, overrides);
      expect(viaTable?.input_per_million, model).toBe(viaResolve?.input_per_million);
      expect(viaTable?.output_per_million, model).toBe(viaResolve?.output_per_million);
    }
  });

  it("does not change the table it was given", () => {
    const before = JSON.stringify(DEFAULT_PRICE_TABLE);
    withPriceOverrides({ "gpt-4o": { input_per_million: 1, output_per_million: 1 } });
    expect(JSON.stringify(DEFAULT_PRICE_TABLE)).toBe(before);
    expect(withPriceOverrides({})).toBe(DEFAULT_PRICE_TABLE);
  });
});
