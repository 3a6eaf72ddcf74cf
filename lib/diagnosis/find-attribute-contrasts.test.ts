import { describe, expect, it } from "vitest";
import { seededRandom } from "../traces/testing/seeded-random";
import { findAttributeContrasts, fisherExactGreater, taroneLevel, type ContrastTrace } from "./find-attribute-contrasts";

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

  it("says nothing separates a few random failures among many values, over many samples", () => {
    // Order reads as the demo sends them: each by one of 20 customers (2 of them gold), 3% fail
    // at random, and a diagnosis soon after start sees a handful of failures against the newest
    // 100 passing reads. A z-test offered a customer in about 2% of such samples (3 of 5
    // failures from one customer gave z = 4.5); every false contrast here would be one.
    const customers = Array.from({ length: 20 }, (_, i) => `c-${String(i + 1).padStart(3, "0")}`);
    const random = seededRandom(2024);
    let failures = 0;
    for (let sample = 0; sample < 2_000; sample++) {
      const failing: ContrastTrace[] = [];
      const passing: ContrastTrace[] = [];
      const reads = 100 + Math.floor(random() * 500);
      for (let i = 0; i < reads; i++) {
        const customer = Math.floor(random() * customers.length);
        const facts = [
          { source: "entry", key: "enduser.id", value: customers[customer]! },
          { source: "entry", key: "customer.tier", value: customer < 2 ? "gold" : "standard" },
          { source: "entry", key: "http.route", value: "/api/v1/orders/:id" },
          { source: "orders SELECT orders", key: "db.operation.name", value: "SELECT" },
        ];
        (random() < 0.03 ? failing : passing).push({ traceId: `t${i}`, facts });
      }
      const { contrasts } = findAttributeContrasts(failing.slice(-100), passing.slice(-100));
      expect(contrasts, `sample ${sample}`).toEqual([]);
      failures += failing.length;
    }
    // The samples are the small ones the z-test got wrong: about 10 failures each.
    expect(failures / 2_000).toBeGreaterThan(5);
    expect(failures / 2_000).toBeLessThan(15);
  });

  it("never offers an outcome attribute, though it separates every failure", () => {
    const { failing, passing } = shopTraffic(3, (_a, random) => random() < 0.3);
    const { contrasts } = findAttributeContrasts(failing, passing);
    expect(contrasts.map((c) => c.key)).not.toContain("http.response.status_code");
    expect(contrasts.map((c) => c.key)).not.toContain("http.response.body");
  });

  it("never offers the far end's port: a kept-alive connection's number says when, not what", () => {
    // Failures sampled newest first reach back to an earlier connection than the passing traces.
    const trace = (id: string, port: string, server = "8080") => ({
      traceId: id,
      facts: [
        { source: "entry", key: "network.peer.port", value: port },
        { source: "entry", key: "client.port", value: port },
        { source: "entry", key: "server.port", value: server },
      ],
    });
    const failing = Array.from({ length: 12 }, (_, i) => trace(`f${i}`, i < 8 ? "51234" : "51790"));
    const passing = Array.from({ length: 100 }, (_, i) => trace(`p${i}`, "51790"));
    expect(findAttributeContrasts(failing, passing)).toEqual({ contrasts: [], leftOutKeys: [] });
    // The port a server listens on stays a category.
    const onOtherServer = [...failing.slice(0, 8).map((t) => trace(t.traceId, "51790", "8081")), ...failing.slice(8)];
    expect(findAttributeContrasts(onOtherServer, passing).contrasts.map((c) => `${c.key}=${c.value}`)).toEqual(["server.port=8081"]);
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
    expect(findAttributeContrasts(failing, passing, { minSupport: 2, maxPValue: 0.001 }).contrasts).toHaveLength(1);
  });

  it("keeps sources apart and counts a value once per trace", () => {
    const facts = [
      { source: "entry", key: "k", value: "x" },
      { source: "products GET /products/:id", key: "k", value: "x" },
      { source: "products GET /products/:id", key: "k", value: "x" },
    ];
    const failing = Array.from({ length: 10 }, (_, i) => ({ traceId: `f${i}`, facts }));
    const passing = Array.from({ length: 40 }, (_, i) => ({ traceId: `p${i}`, facts: [{ source: "entry", key: "k", value: "y" }] }));
    const { contrasts } = findAttributeContrasts(failing, passing, { maxPValue: 0.001 });
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

describe("fisherExactGreater", () => {
  it("matches the textbook values", () => {
    // The lady tasting tea: 3 of 4 cups right against 1 of 4, (16 + 1) / 70 ways.
    expect(fisherExactGreater(3, 4, 1, 4)).toBeCloseTo(17 / 70, 12);
    expect(fisherExactGreater(4, 4, 0, 4)).toBeCloseTo(1 / 70, 12);
    // 3 of 5 failures from a customer with 5 of 100 passing reads: C(8,3)·C(97,2)/C(105,5) + C(8,4)·97/C(105,5) + C(8,5)/C(105,5).
    expect(fisherExactGreater(3, 5, 5, 100)).toBeCloseTo((56 * 4656 + 70 * 97 + 56) / 96560646, 12);
    expect(fisherExactGreater(0, 10, 5, 10)).toBe(1);
    expect(fisherExactGreater(1, 2, 0, 0)).toBe(1);
    expect(fisherExactGreater(0, 0, 1, 2)).toBe(1);
  });
});

describe("taroneLevel", () => {
  it("divides by the number of values that could reach the level, not by every value", () => {
    expect(taroneLevel(0.01, [])).toBe(0.01);
    // Ten values that could each reach any level: Bonferroni's 0.01 / 10.
    expect(taroneLevel(0.01, Array(10).fill(1e-9))).toBe(0.001);
    // Two of them can never go under 0.005: they are not tries at 0.01 / 2.
    expect(taroneLevel(0.01, [1e-9, 1e-9, 0.02, 0.5])).toBe(0.005);
    // Three could reach 0.01 / 2, but only two reach 0.01 / 3.
    expect(taroneLevel(0.01, [1e-9, 1e-9, 0.004])).toBeCloseTo(0.01 / 3, 15);
  });
});
