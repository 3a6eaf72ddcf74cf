import { describe, expect, it } from "vitest";
import { estimateCostUsd } from "./estimate-cost";
import { withPriceOverrides } from "./price-table";

describe("estimateCostUsd", () => {
  it("prices input and output tokens per million", () => {
    // gpt-4o: 2.5 in, 10 out.
    expect(estimateCostUsd({ model: "gpt-4o-2024-08-06", inputTokens: 1_000_000, outputTokens: 100_000 })).toBeCloseTo(3.5, 10);
    expect(estimateCostUsd({ model: "gpt-4o-mini", inputTokens: 1000, outputTokens: 500 })).toBeCloseTo(0.00045, 12);
    expect(estimateCostUsd({ model: "claude-3-5-sonnet-20241022", inputTokens: 0, outputTokens: 0 })).toBe(0);
  });

  it("is null when the model has no price", () => {
    expect(estimateCostUsd({ model: "my-finetune", inputTokens: 10, outputTokens: 10 })).toBeNull();
    expect(estimateCostUsd({ model: "", inputTokens: 10, outputTokens: 10 })).toBeNull();
  });

  it("is null when a token count the price depends on is unknown", () => {
    expect(estimateCostUsd({ model: "gpt-4o", inputTokens: null, outputTokens: 10 })).toBeNull();
    expect(estimateCostUsd({ model: "gpt-4o", inputTokens: 10, outputTokens: null })).toBeNull();
    expect(estimateCostUsd({ model: "gpt-4o", inputTokens: Number.NaN, outputTokens: 10 })).toBeNull();
    // Embeddings have no output price, so no output count is needed.
    expect(estimateCostUsd({ model: "text-embedding-3-small", inputTokens: 1_000_000, outputTokens: null })).toBeCloseTo(0.02, 12);
  });

  it("uses the table it is given", () => {
    const table = withPriceOverrides({ "my-finetune": { input_per_million: 4, output_per_million: 8 } });
    expect(estimateCostUsd({ model: "my-finetune-v3", inputTokens: 500_000, outputTokens: 250_000 }, table)).toBeCloseTo(4, 10);
  });
});
