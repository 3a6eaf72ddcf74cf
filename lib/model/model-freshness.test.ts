import { describe, expect, it } from "vitest";
import { isModelFresh } from "./model-freshness";

describe("isModelFresh", () => {
  it("rebuilds when there is no model", () => {
    expect(isModelFresh(undefined, "1:2:3", 0)).toBe(false);
  });
  it("keeps a model whose flows have not changed, however old", () => {
    expect(isModelFresh({ flowsVersion: "1:2:3", builtAtMs: 0 }, "1:2:3", 10 ** 12)).toBe(true);
  });
  it("keeps a recent model while flows change, and rebuilds an older one", () => {
    expect(isModelFresh({ flowsVersion: "1:2:3", builtAtMs: 1_000 }, "1:2:4", 15_999, 15_000)).toBe(true);
    expect(isModelFresh({ flowsVersion: "1:2:3", builtAtMs: 1_000 }, "1:2:4", 16_000, 15_000)).toBe(false);
  });
});
