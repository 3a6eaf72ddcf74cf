import { describe, expect, it } from "vitest";
import { seededRandom } from "../traces/testing/seeded-random";
import { findAttributeContrasts, twoProportionZ, type ContrastTrace } from "./find-attribute-contrasts";

const CATEGORIES = ["beans", "grinders", "kettles", "filters", "cups"];
const TIERS = ["standard", "standard", "standard", "gold"];
const REGIONS = ["eu", "us", "apac"];

function shopTraffic(seed: number, fails: (attributes: Record<string, string>, random: () => number) => boolean, count = 300) {
  const random = seededRandom(seed);
  const failing: ContrastTrace[] = [];
  const passing: ContrastTrace[] = [];
  for (let i = 0; i < count; i++) {
    const attributes = {
      "product.category": CATEGORIES[Math.floor(random() * CATEGORIES.length)]!,
      "customer.tier": TIERS[Math.floor(random() * TIERS.length)]!,
      "cloud.region": REGIONS[Math.floor(random() * REGIONS.length)]!,
      "request.id": `r-${i}`,
      "http.response.status_code": "200",
      "http.response.body": '{"ok":true}',
    };
    const failed = fails(attributes, random);
    if (failed) {
      attributes["http.response.status_code"] = "500";
      attributes["http.response.body"] = '{"error":"internal error"}';
    }
    const trace = {
      traceId: `t${i}`,
      facts: Object.entries(attributes).map(([key, value]) => ({ source: "entry", key, value })),
    };
    (failed ? failing : passing).push(trace);
  }
  return { failing, passing };
}

describe("findAttributeContrasts", () => {
  it("finds the category every failure shares, with its shares, lift and examples", () => {
    const { failing, passing } = shopTraffic(7, (a, random) => a["product.category"] === "grinders" || random() < 0.02);
    const { contrasts } = findAttributeContrasts(failing, passing);
    expect(contrasts[0]).toMatchObject({ source: "entry", key: "product.category", value: "grinders" });
    const top = contrasts[0]!;
    const withValue = failing.filter((t) => t.facts.some((f) => f.key === "product.category" && f.value === "grinders")).length;
    expect(top.support).toBe(withValue);
    expect(top.groupShare).toBeCloseTo(withValue / failing.length, 10);
    expect(top.restShare).toBe(0);
    expect(top.lift).toBeCloseTo(top.groupShare / (0.5 / passing.length), 10);
    expect(top.exampleTraceIds).toHaveLength(3);
    for (const id of top.exampleTraceIds) expect(failing.map((t) => t.traceId)).toContain(id);
    // The other categories, tiers and regions do not separate the failures.
    expect(contrasts.filter((c) => c.key !== "product.category")).toEqual([]);
  });

  it("says nothing separates random failures, over many samples", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { failing, passing } = shopTraffic(seed, (_a, random) => random() < 0.1);
      expect(findAttributeContrasts(failing, passing).contrasts, `seed ${seed}`).toEqual([]);
    }
  });

  it("never offers an outcome attribute, though it separates every failure", () => {
    const { failing, passing } = shopTraffic(3, (_a, random) => random() < 0.3);
    const { contrasts } = findAttributeContrasts(failing, passing);
    expect(contrasts.map((c) => c.key)).not.toContain("http.response.status_code");
    expect(contrasts.map((c) => c.key)).not.toContain("http.response.body");
  });

  it("leaves ids out and says so", () => {
    const { failing, passing } = shopTraffic(5, (a) => a["customer.tier"] === "gold");
    const result = findAttributeContrasts(failing, passing);
    expect(result.leftOutKeys).toEqual([{ source: "entry", key: "request.id", distinctValues: 300 }]);
    expect(result.contrasts[0]).toMatchObject({ key: "customer.tier", value: "gold", groupShare: 1, restShare: 0 });
  });

  it("needs the minimum support", () => {
    const failing = [1, 2].map((i) => ({ traceId: `f${i}`, facts: [{ source: "entry", key: "k", value: "x" }] }));
    const passing = Array.from({ length: 50 }, (_, i) => ({ traceId: `p${i}`, facts: [{ source: "entry", key: "k", value: "y" }] }));
    expect(findAttributeContrasts(failing, passing).contrasts).toEqual([]);
    expect(findAttributeContrasts(failing, passing, { minSupport: 2, minZ: 3 }).contrasts).toHaveLength(1);
  });

  it("keeps sources apart and counts a value once per trace", () => {
    const facts = [
      { source: "entry", key: "k", value: "x" },
      { source: "products GET /products/:id", key: "k", value: "x" },
      { source: "products GET /products/:id", key: "k", value: "x" },
    ];
    const failing = Array.from({ length: 10 }, (_, i) => ({ traceId: `f${i}`, facts }));
    const passing = Array.from({ length: 40 }, (_, i) => ({ traceId: `p${i}`, facts: [{ source: "entry", key: "k", value: "y" }] }));
    const { contrasts } = findAttributeContrasts(failing, passing, { minZ: 3 });
    expect(contrasts.map((c) => [c.source, c.support])).toEqual([
      ["entry", 10],
      ["products GET /products/:id", 10],
    ]);
  });

  it("ranks independently of input order", () => {
    const { failing, passing } = shopTraffic(11, (a, random) => a["cloud.region"] === "apac" || (a["customer.tier"] === "gold" && random() < 0.8));
    const forward = findAttributeContrasts(failing, passing);
    const reversed = findAttributeContrasts(
      [...failing].reverse().map((t) => ({ ...t, facts: [...t.facts].reverse() })),
      [...passing].reverse(),
      { examplesPerContrast: 0 },
    );
    expect(reversed.contrasts).toEqual(forward.contrasts.map((c) => ({ ...c, exampleTraceIds: [] })));
    expect(forward.contrasts[0]).toMatchObject({ key: "cloud.region", value: "apac" });
  });
});

describe("twoProportionZ", () => {
  it("matches the textbook value", () => {
    // 45/100 against 25/100: pooled 0.35, se = sqrt(0.35·0.65·0.02) = 0.067454, z = 0.2/0.067454
    expect(twoProportionZ(45, 100, 25, 100)).toBeCloseTo(2.965, 3);
    expect(twoProportionZ(0, 0, 1, 2)).toBe(0);
    expect(twoProportionZ(5, 5, 5, 5)).toBe(0);
  });
});
