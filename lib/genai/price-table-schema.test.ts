import { describe, expect, it } from "vitest";
import { llmPriceOverridesSchema, parseLlmPriceOverrides } from "./price-table-schema";

describe("parseLlmPriceOverrides", () => {
  it("accepts a map of model or prefix to prices", () => {
    const input = {
      "gpt-4o": { input_per_million: 2.5, output_per_million: 10 },
      llama: { input_per_million: 0, output_per_million: 0 },
    };
    expect(parseLlmPriceOverrides(input)).toEqual({ ok: true, value: input });
    expect(parseLlmPriceOverrides({})).toEqual({ ok: true, value: {} });
  });

  it("names the field in every error", () => {
    const result = parseLlmPriceOverrides({
      "gpt-4o": { input_per_million: -1, output_per_million: 10 },
      "claude-3-5-sonnet": { input_per_million: "3", output_per_million: 15 },
      "o3": { input_per_million: 2 },
      "gemini-2.5-pro": { input_per_million: 1, output_per_million: 2, cached_per_million: 1 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        "llm_prices.gpt-4o.input_per_million must be ≥ 0",
        "llm_prices.claude-3-5-sonnet.input_per_million must be a number",
        "llm_prices.o3.output_per_million is required",
        'llm_prices.gemini-2.5-pro has unknown field "cached_per_million"',
      ]),
    );
    expect(result.errors).toHaveLength(4);
  });

  it("refuses non-finite prices, empty model names and non-objects", () => {
    const infinite = parseLlmPriceOverrides({ "gpt-4o": { input_per_million: Infinity, output_per_million: 1 } });
    expect(infinite).toEqual({ ok: false, errors: ["llm_prices.gpt-4o.input_per_million must be a number"] });
    const empty = parseLlmPriceOverrides({ " ": { input_per_million: 1, output_per_million: 1 } });
    expect(empty).toEqual({ ok: false, errors: ["llm_prices has an empty model name"] });
    const notObject = parseLlmPriceOverrides([1, 2], "prices");
    expect(notObject.ok).toBe(false);
    if (!notObject.ok) expect(notObject.errors[0]).toMatch(/^prices must be an object/);
  });

  it("is a plain zod schema too", () => {
    expect(llmPriceOverridesSchema.safeParse({ x: { input_per_million: 1, output_per_million: 1 } }).success).toBe(true);
  });
});
