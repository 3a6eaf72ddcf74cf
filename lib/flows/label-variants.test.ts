import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PathNode } from "../traces/path-node";
import { computeFingerprint } from "./compute-fingerprint";
import { fingerprintTag, labelVariants, MAX_FEATURES, variantDisplayName, type LabelableVariant } from "./label-variants";

const endpoint = (service: string, identifier: string): PathNode => ({ type: "api_endpoint", identifier, service });
const gateway = endpoint("api-gateway", "POST /api/v1/orders");
const orders = endpoint("orders", "POST /orders");
const users = endpoint("users", "GET /users/:id");
const products = endpoint("products", "GET /products/:id");
const ordersDb: PathNode = { type: "database", identifier: "orders", service: "orders" };
const loyalty = endpoint("loyalty", "POST /loyalty/points");
const created: PathNode = { type: "topic", identifier: "order.created", service: "orders" };

function variant(id: string, path: PathNode[], errorRate = 0): LabelableVariant {
  return { id, path, errorRate, fingerprint: computeFingerprint(path) };
}

// The demo's order placement: the usual path, gold customers' loyalty call, and out-of-stock
// orders that fail after the product lookup.
const standard = variant("standard", [gateway, orders, users, products, ordersDb, created]);
const gold = variant("gold", [gateway, orders, users, products, ordersDb, loyalty, created]);
const outOfStock = variant("out-of-stock", [gateway, orders, users, products], 1);

describe("labelVariants", () => {
  it("says what sets each of the reported variants apart", () => {
    expect(Object.fromEntries(labelVariants([standard, gold, outOfStock]))).toEqual({
      standard: "without loyalty",
      gold: "+ loyalty",
      "out-of-stock": "error",
    });
  });

  it("gives an entry point's only variant no label", () => {
    expect(labelVariants([gold]).get("gold")).toBeNull();
    expect(labelVariants([]).size).toBe(0);
  });

  it("keeps the plain name for the one variant that does not fail", () => {
    expect(Object.fromEntries(labelVariants([standard, outOfStock]))).toEqual({ standard: null, "out-of-stock": "error" });
  });

  it("tells failing variants apart among themselves", () => {
    const noUser = variant("no-user", [gateway, orders, users], 1);
    expect(Object.fromEntries(labelVariants([standard, outOfStock, noUser]))).toEqual({
      standard: null,
      "out-of-stock": "error, + products",
      "no-user": "error, without products",
    });
  });

  it("does not call every variant an error when all of them fail", () => {
    const labels = labelVariants([{ ...standard, errorRate: 1 }, { ...gold, errorRate: 0.9 }]);
    expect(Object.fromEntries(labels)).toEqual({ standard: "without loyalty", gold: "+ loyalty" });
  });

  it("names a node when the same services are called", () => {
    const cached = variant("cached", [gateway, orders, users, products, created]);
    expect(Object.fromEntries(labelVariants([standard, cached]))).toEqual({ standard: "+ db orders", cached: "without db orders" });
  });

  it("combines features when one is not enough", () => {
    const promo = endpoint("promo", "POST /promo");
    const both = variant("both", [gateway, orders, loyalty, promo]);
    const onlyLoyalty = variant("loyalty", [gateway, orders, loyalty]);
    const onlyPromo = variant("promo", [gateway, orders, promo]);
    const neither = variant("neither", [gateway, orders]);
    expect(Object.fromEntries(labelVariants([both, onlyLoyalty, onlyPromo, neither]))).toEqual({
      both: "+ loyalty, + promo",
      loyalty: "+ loyalty, without promo",
      promo: "+ promo, without loyalty",
      neither: "without loyalty, without promo",
    });
  });

  it("falls back to the fingerprint for variants whose nodes differ only in order", () => {
    const a = variant("a", [gateway, users, products]);
    const b = variant("b", [gateway, products, users]);
    const labels = labelVariants([a, b, gold]);
    expect(labels.get("a")).toBe(`#${a.fingerprint.slice(0, 4)}`);
    expect(labels.get("b")).toBe(`#${b.fingerprint.slice(0, 4)}`);
    expect(labels.get("gold")).toBe("+ loyalty");
  });

  it("lengthens the fingerprint tag until no other variant shares it", () => {
    const a = { fingerprint: "ac76aa00" };
    expect(fingerprintTag(a, [a, { fingerprint: "ac76ab00" }])).toBe("#ac76aa");
    expect(fingerprintTag(a, [a, { fingerprint: "ac76aa01" }])).toBe("#ac76aa00");
    expect(fingerprintTag(a, [a, { fingerprint: "ffff0000" }])).toBe("#ac76");
  });

  it("builds the display name from the entry name and the label", () => {
    expect(variantDisplayName("api-gateway → POST /api/v1/orders", "+ loyalty")).toBe("api-gateway → POST /api/v1/orders · + loyalty");
    expect(variantDisplayName("api-gateway → POST /api/v1/orders", null)).toBe("api-gateway → POST /api/v1/orders");
  });

  it("gives every variant of any entry point a unique label, whatever the input order", () => {
    const pool: PathNode[] = [orders, users, products, ordersDb, loyalty, created, { type: "topic", identifier: "orders", service: "orders" }];
    const variants = fc
      .uniqueArray(fc.record({ nodes: fc.shuffledSubarray(pool), errorRate: fc.constantFrom(0, 0.2, 1) }), {
        selector: (v) => v.nodes.map((n) => `${n.type}:${n.identifier}`).join("→"),
        minLength: 2,
        maxLength: 8,
      })
      .map((raw) => raw.map((v, i) => variant(`v${i}`, [gateway, ...v.nodes], v.errorRate)));
    fc.assert(
      fc.property(variants, fc.integer(), (list, seed) => {
        const labels = labelVariants(list);
        const texts = list.map((v) => variantDisplayName("entry", labels.get(v.id)!));
        expect(new Set(texts).size).toBe(list.length);
        for (const label of labels.values()) {
          if (label !== null && !label.includes("#")) expect(label.split(", ").filter((p) => p !== "error").length).toBeLessThanOrEqual(MAX_FEATURES);
        }
        const rotated = [...list.slice(seed % list.length), ...list.slice(0, seed % list.length)];
        expect(labelVariants(rotated)).toEqual(labels);
      }),
    );
  });
});
