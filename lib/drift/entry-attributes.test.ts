import { describe, expect, it } from "vitest";
import { flattenEntryAttributes, MAX_ENTRY_ATTRIBUTES } from "./entry-attributes";

describe("flattenEntryAttributes", () => {
  it("keeps scalars as strings and drops arrays, maps, bytes and long values", () => {
    expect(
      flattenEntryAttributes({
        "customer.tier": "gold",
        "http.response.status_code": 200,
        "feature.enabled": true,
        "ratio": 0.5,
        "big": { $int: "9007199254740993" },
        "tags": ["a", "b"],
        "blob": { $bytes: "AAE=" },
        "payload": "x".repeat(200),
        "nothing": null,
      }),
    ).toEqual({ "customer.tier": "gold", "http.response.status_code": "200", "feature.enabled": "true", ratio: "0.5", big: "9007199254740993" });
  });

  it("adds resource attributes without overriding the span's", () => {
    expect(flattenEntryAttributes({ "service.version": "span" }, { "service.version": "2.0.0", "deployment.environment.name": "prod" })).toEqual({
      "service.version": "span",
      "deployment.environment.name": "prod",
    });
  });

  it("keeps a bounded, order-independent subset", () => {
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${String(i).padStart(3, "0")}`, "v"]));
    const reversed = Object.fromEntries(Object.entries(many).reverse());
    const kept = flattenEntryAttributes(many);
    expect(Object.keys(kept)).toHaveLength(MAX_ENTRY_ATTRIBUTES);
    expect(flattenEntryAttributes(reversed)).toEqual(kept);
    expect(Object.keys(kept)[0]).toBe("k000");
  });
});
