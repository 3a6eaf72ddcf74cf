import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../traces/testing/seeded-random";
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import { explainVariants, type ExplainVariantsOptions, type VariantSample } from "./explain-variants";

type Node = Pick<PathNode, "type" | "identifier">;
type Trace = Record<string, string>;

const frontend: Node = { type: "service", identifier: "frontend" };
const dispatch: Node = { type: "api_endpoint", identifier: "GET /dispatch" };
const loyalty: Node = { type: "service", identifier: "loyalty" };
const points: Node = { type: "api_endpoint", identifier: "GET /points" };
const promo: Node = { type: "service", identifier: "promo" };
const fraudCheck: Node = { type: "api_endpoint", identifier: "POST /fraud/check" };

function traces(count: number, make: (i: number) => Trace): Trace[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Attributes every trace has whatever its variant: a unique id and a constant. */
const noise = (prefix: string, i: number): Trace => ({ "request.id": `${prefix}-${i}`, "service.name": "frontend" });

function goldTier(withTier: (i: number) => string, withoutTier: (i: number) => string): VariantSample[] {
  return [
    { id: "with-loyalty", path: [frontend, dispatch, loyalty], traces: traces(60, (i) => ({ ...noise("w", i), "customer.tier": withTier(i) })) },
    { id: "without-loyalty", path: [frontend, dispatch], traces: traces(60, (i) => ({ ...noise("o", i), "customer.tier": withoutTier(i) })) },
  ];
}

const silverOrBronze = (i: number) => (i % 2 === 0 ? "silver" : "bronze");

describe("explainVariants", () => {
  it("explains the gold-tier variant with exactly one sentence", () => {
    expect(explainVariants(goldTier(() => "gold", silverOrBronze))).toEqual([
      {
        variantId: "with-loyalty",
        node: { type: "service", identifier: "loyalty" },
        effect: "called",
        attribute: "customer.tier",
        value: "gold",
        support: 60,
        of: 60,
        text: "`loyalty` is called only when `customer.tier = gold` (60 of 60 sampled traces)",
      },
    ]);
  });

  it("does not explain with an attribute unrelated to the path", () => {
    const random = seededRandom(7);
    const bucket = () => ["a", "b", "c"][Math.floor(random() * 3)];
    const variants: VariantSample[] = [
      { id: "with", path: [frontend, loyalty], traces: traces(60, (i) => ({ ...noise("w", i), "ab.bucket": bucket() })) },
      { id: "without", path: [frontend], traces: traces(60, (i) => ({ ...noise("o", i), "ab.bucket": bucket() })) },
    ];
    expect(explainVariants(variants)).toEqual([]);
  });

  it("does not take a constant attribute for a reason when one side dominates the sample", () => {
    // service.name has precision 100/105 here; only the rarity rule keeps it out.
    const variants: VariantSample[] = [
      { id: "main", path: [frontend, loyalty], traces: traces(100, (i) => noise("m", i)) },
      { id: "rare", path: [frontend], traces: traces(5, (i) => noise("r", i)) },
    ];
    expect(explainVariants(variants)).toEqual([]);
  });

  it("ignores a key with more distinct values than maxDistinctValues", () => {
    // region = eu-1 separates perfectly, but 25 regions make it look like an id.
    const variants: VariantSample[] = [
      { id: "with", path: [frontend, loyalty], traces: traces(48, () => ({ region: "eu-1" })) },
      { id: "without", path: [frontend], traces: traces(48, (i) => ({ region: `us-${i % 24}` })) },
    ];
    expect(explainVariants(variants)).toEqual([]);
    expect(explainVariants(variants, { maxDistinctValues: 25 }).map((e) => e.text)).toEqual([
      "`loyalty` is called only when `region = eu-1` (48 of 48 sampled traces)",
    ]);
  });

  it("reports imperfect support with the exact counts", () => {
    const variants = goldTier((i) => (i < 58 ? "gold" : "silver"), (i) => (i < 3 ? "gold" : silverOrBronze(i)));
    expect(explainVariants(variants)).toEqual([
      expect.objectContaining({
        variantId: "with-loyalty",
        support: 58,
        of: 60,
        text: "`loyalty` is called only when `customer.tier = gold` (58 of 60 sampled traces)",
      }),
    ]);
  });

  it("holds recall to minRecall: 54 of 60 is 0.9, 53 of 60 is not", () => {
    const withGold = (n: number) => goldTier((i) => (i < n ? "gold" : "silver"), () => "bronze");
    expect(explainVariants(withGold(54)).map((e) => e.text)).toContain("`loyalty` is called only when `customer.tier = gold` (54 of 60 sampled traces)");
    expect(explainVariants(withGold(53)).filter((e) => e.effect === "called")).toEqual([]);
    expect(explainVariants(withGold(53), { minRecall: 0.85 }).filter((e) => e.effect === "called")).toHaveLength(1);
  });

  it("holds precision: a value the other, larger side also has enough of does not explain", () => {
    // gold is on all 5 rare traces but also on 40 of 500 others: "called only when gold" is true,
    // "gold means called" is not. The other side still has its own, valid statement.
    const variants: VariantSample[] = [
      { id: "rare", path: [frontend, loyalty], traces: traces(5, () => ({ "customer.tier": "gold" })) },
      { id: "main", path: [frontend], traces: traces(500, (i) => ({ "customer.tier": i < 40 ? "gold" : "silver" })) },
    ];
    expect(explainVariants(variants).map((e) => [e.variantId, e.text])).toEqual([
      ["main", "`loyalty` is skipped when `customer.tier = silver` (460 of 500 sampled traces)"],
    ]);
  });

  it("states a skipped node for the variants that lack it", () => {
    const method = (i: number) => (i % 2 === 0 ? "card" : "paypal");
    const variants: VariantSample[] = [
      { id: "checked", path: [frontend, fraudCheck], traces: traces(40, (i) => ({ "payment.method": method(i) })) },
      { id: "unchecked", path: [frontend], traces: traces(40, () => ({ "payment.method": "voucher" })) },
    ];
    expect(explainVariants(variants)).toEqual([
      {
        variantId: "unchecked",
        node: { type: "api_endpoint", identifier: "POST /fraud/check" },
        effect: "skipped",
        attribute: "payment.method",
        value: "voucher",
        support: 40,
        of: 40,
        text: "`POST /fraud/check` is skipped when `payment.method = voucher` (40 of 40 sampled traces)",
      },
    ]);
  });

  it("explains both sides when each has its own value", () => {
    const variants = goldTier(() => "gold", () => "guest");
    expect(explainVariants(variants).map((e) => [e.variantId, e.effect, e.text])).toEqual([
      ["with-loyalty", "called", "`loyalty` is called only when `customer.tier = gold` (60 of 60 sampled traces)"],
      ["without-loyalty", "skipped", "`loyalty` is skipped when `customer.tier = guest` (60 of 60 sampled traces)"],
    ]);
  });

  it("names a branch of nodes that always occur together by its first node", () => {
    const variants = goldTier(() => "gold", silverOrBronze);
    variants[0] = { ...variants[0], path: [frontend, dispatch, loyalty, points] };
    expect(explainVariants(variants).map((e) => e.node)).toEqual([loyalty]);
  });

  it("attaches each statement to every variant on its side, strongest first", () => {
    const variants: VariantSample[] = [
      { id: "a", path: [frontend, loyalty], traces: traces(20, () => ({ "customer.tier": "gold", coupon: "no" })) },
      { id: "b", path: [frontend, loyalty, promo], traces: traces(20, () => ({ "customer.tier": "gold", coupon: "yes" })) },
      { id: "c", path: [frontend], traces: traces(20, () => ({ "customer.tier": "silver" })) },
    ];
    expect(explainVariants(variants).map((e) => [e.variantId, e.text])).toEqual([
      // Each variant's own traces: a and b hold 20 each, not the 40 of their side.
      ["a", "`loyalty` is called only when `customer.tier = gold` (20 of 20 sampled traces)"],
      ["b", "`loyalty` is called only when `customer.tier = gold` (20 of 20 sampled traces)"],
      ["b", "`promo` is called only when `coupon = yes` (20 of 20 sampled traces)"],
      ["c", "`loyalty` is skipped when `customer.tier = silver` (20 of 20 sampled traces)"],
    ]);
  });

  it("counts the variant's own traces, so the count agrees with the variant's beside it", () => {
    // The reported card: a variant of 143 traces read "(152 of 152 traces)", the count of every
    // variant without loyalty (it and a failing one of 9).
    const variants: VariantSample[] = [
      { id: "gold", path: [frontend, dispatch, loyalty], traces: traces(60, () => ({ "customer.tier": "gold" })) },
      { id: "standard", path: [frontend, dispatch, promo], traces: traces(143, () => ({ "customer.tier": "standard" })) },
      { id: "failing", path: [frontend, dispatch], traces: traces(9, () => ({ "customer.tier": "standard" })) },
    ];
    const standard = explainVariants(variants).filter((e) => e.variantId === "standard" && e.node.identifier === "loyalty");
    expect(standard.map((e) => [e.support, e.of, e.text])).toEqual([[143, 143, "`loyalty` is skipped when `customer.tier = standard` (143 of 143 sampled traces)"]]);
  });

  it("requires minSupport supporting traces", () => {
    const variants: VariantSample[] = [
      { id: "with", path: [frontend, loyalty], traces: traces(2, () => ({ "customer.tier": "gold" })) },
      { id: "without", path: [frontend], traces: traces(2, (i) => ({ "customer.tier": silverOrBronze(i) })) },
    ];
    expect(explainVariants(variants)).toEqual([]);
    expect(explainVariants(variants, { minSupport: 2 }).map((e) => e.text)).toEqual([
      "`loyalty` is called only when `customer.tier = gold` (2 of 2 sampled traces)",
    ]);
  });

  it("breaks ties by key, then by value", () => {
    const byKey: VariantSample[] = [
      { id: "with", path: [frontend, loyalty], traces: traces(10, () => ({ "b.flag": "on", "a.flag": "on" })) },
      { id: "without", path: [frontend], traces: traces(10, (i) => ({ "b.flag": `off${i % 3}`, "a.flag": `off${i % 3}` })) },
    ];
    expect(explainVariants(byKey).map((e) => e.attribute)).toEqual(["a.flag"]);

    const byValue: VariantSample[] = [
      { id: "with", path: [frontend, loyalty], traces: traces(10, (i) => ({ tier: i % 2 === 0 ? "platinum" : "gold" })) },
      { id: "without", path: [frontend], traces: traces(10, (i) => ({ tier: `other${i % 3}` })) },
    ];
    expect(explainVariants(byValue, { minRecall: 0.5 }).map((e) => e.value)).toEqual(["gold"]);
  });

  it("returns [] when nothing can separate the variants", () => {
    const gold = traces(10, () => ({ "customer.tier": "gold" }));
    const silver = traces(10, () => ({ "customer.tier": "silver" }));
    expect(explainVariants([])).toEqual([]);
    expect(explainVariants([{ id: "only", path: [frontend, loyalty], traces: gold }])).toEqual([]);
    // Same nodes in another order: no node is present in one and absent from the other.
    expect(
      explainVariants([
        { id: "x", path: [frontend, loyalty, promo], traces: gold },
        { id: "y", path: [frontend, promo, loyalty], traces: silver },
      ]),
    ).toEqual([]);
    expect(
      explainVariants([
        { id: "x", path: [frontend, loyalty], traces: [] },
        { id: "y", path: [frontend], traces: [] },
      ]),
    ).toEqual([]);
  });

  it("handles 20 variants × 500 traces × 50 attributes in one pass over the traces", () => {
    const reads = { enumerations: 0, values: 0 };
    // A trace that counts how often it is enumerated and how many of its values are read.
    const counted = (trace: Trace): Trace =>
      new Proxy(trace, {
        ownKeys: (target) => (reads.enumerations++, Reflect.ownKeys(target)),
        get: (target, key, receiver) => (reads.values++, Reflect.get(target, key, receiver)),
      });
    // Variant v has feature node k iff bit k of v is set, and flag.k says so.
    const random = seededRandom(42);
    const features = [0, 1, 2, 3, 4].map((k): Node => ({ type: "service", identifier: `feature-${k}` }));
    const variants: VariantSample[] = Array.from({ length: 20 }, (_, v) => ({
      id: `v${String(v).padStart(2, "0")}`,
      path: [frontend, dispatch, ...features.filter((_, k) => (v >> k) & 1)],
      traces: traces(500, (i) => {
        const trace: Trace = { "request.id": `${v}-${i}` };
        for (let k = 0; k < 5; k++) trace[`flag.${k}`] = (v >> k) & 1 ? "on" : "off";
        for (let k = 0; k < 44; k++) trace[`noise.${k}`] = `n${Math.floor(random() * 5)}`;
        return counted(trace);
      }),
    }));
    const result = explainVariants(variants);

    expect(result).toHaveLength(20 * 5);
    for (const e of result) {
      const k = Number(e.node.identifier.slice("feature-".length));
      expect([e.attribute, e.value]).toEqual([`flag.${k}`, e.effect === "called" ? "on" : "off"]);
    }
    // Work counted, not timed: each trace is read once, one attribute at a time. A per-trace-pair
    // or per-node-per-trace algorithm reads the 10,000 traces many times over.
    expect(reads.enumerations).toBe(20 * 500);
    expect(reads.values).toBeLessThanOrEqual(20 * 500 * 50);
  });

  describe("properties", () => {
    const pool: Node[] = [
      { type: "service", identifier: "a" },
      { type: "api_endpoint", identifier: "GET /b" },
      { type: "database", identifier: "c" },
      { type: "topic", identifier: "d" },
    ];
    const traceArbitrary = fc.record({
      keepSignal: fc.integer({ min: 0, max: 9 }),
      other: fc.constantFrom("s1", "s2", "s3"),
      noise: fc.constantFrom("x", "y"),
      color: fc.option(fc.constantFrom("red", "blue", "green"), { nil: undefined }),
      id: fc.nat(40),
    });
    const variantsArbitrary = fc
      .array(
        fc.record({ nodes: fc.shuffledSubarray(pool), signal: fc.constantFrom("s1", "s2", "s3"), traces: fc.array(traceArbitrary, { maxLength: 12 }) }),
        { minLength: 1, maxLength: 5 },
      )
      .map((raw): VariantSample[] =>
        raw.map((v, index) => ({
          id: `v${index}`,
          path: [frontend, ...v.nodes],
          traces: v.traces.map((t) => {
            const trace: Trace = { signal: t.keepSignal < 8 ? v.signal : t.other, noise: t.noise, id: String(t.id) };
            if (t.color !== undefined) trace.color = t.color;
            return trace;
          }),
        })),
      );
    const ratio = fc.constantFrom(0.5, 0.75, 0.9, 1);
    const optionsArbitrary: fc.Arbitrary<ExplainVariantsOptions> = fc.record({
      minPrecision: ratio,
      minRecall: ratio,
      maxDistinctValues: fc.integer({ min: 1, max: 6 }),
      minSupport: fc.integer({ min: 1, max: 4 }),
    });

    it("gives the same output however variants and traces are ordered", () => {
      let explained = 0;
      fc.assert(
        fc.property(variantsArbitrary, optionsArbitrary, fc.integer(), (variants, options, seed) => {
          const random = seededRandom(seed);
          const shuffled = shuffle(variants, random).map((v) => ({ ...v, traces: shuffle(v.traces, random) }));
          const expected = explainVariants(variants, options);
          if (expected.length > 0) explained++;
          expect(explainVariants(shuffled, options)).toEqual(expected);
        }),
        { numRuns: 300 },
      );
      // Not vacuous: plenty of the inputs are explained at all.
      expect(explained).toBeGreaterThan(30);
    });

    it("states counts and thresholds that a recount of the input confirms", () => {
      fc.assert(
        fc.property(variantsArbitrary, optionsArbitrary, (variants, options) => {
          const { minPrecision = 0.9, minRecall = 0.9, maxDistinctValues = 20, minSupport = 3 } = options;
          const result = explainVariants(variants, options);
          const all = variants.flatMap((v) => v.traces);
          const seen = new Set<string>();
          for (const e of result) {
            const key = nodeKey(e.node);
            const has = (v: VariantSample) => v.path.some((n) => nodeKey(n) === key);
            const variant = variants.find((v) => v.id === e.variantId)!;
            const containing = variants.filter(has);
            expect(containing.length).toBeGreaterThan(0);
            expect(containing.length).toBeLessThan(variants.length);
            expect(has(variant)).toBe(e.effect === "called");

            const side = variants.filter((v) => has(v) === has(variant)).flatMap((v) => v.traces);
            const support = side.filter((t) => t[e.attribute] === e.value).length;
            const withValue = all.filter((t) => t[e.attribute] === e.value).length;
            const others = all.length - side.length;
            const own = variant.traces.filter((t) => t[e.attribute] === e.value).length;
            expect([e.support, e.of]).toEqual([own, variant.traces.length]);
            expect(support).toBeGreaterThanOrEqual(minSupport);
            expect(support / side.length).toBeGreaterThanOrEqual(minRecall);
            expect(support / withValue).toBeGreaterThanOrEqual(minPrecision);
            expect((others - (withValue - support)) / others).toBeGreaterThanOrEqual(minPrecision);
            expect(new Set(all.map((t) => t[e.attribute]).filter((v) => v !== undefined)).size).toBeLessThanOrEqual(maxDistinctValues);

            const verb = e.effect === "called" ? "is called only when" : "is skipped when";
            const unit = variant.traces.length === 1 ? "trace" : "traces";
            const count = variant.traces.length === 0 ? "" : ` (${own} of ${variant.traces.length} sampled ${unit})`;
            expect(e.text).toBe(`\`${e.node.identifier}\` ${verb} \`${e.attribute} = ${e.value}\`${count}`);

            expect(seen.has(`${e.variantId} ${key}`)).toBe(false);
            seen.add(`${e.variantId} ${key}`);
          }
        }),
        { numRuns: 300 },
      );
    });

    it("always finds a planted separator, for every variant that has the node", () => {
      const planted: Node = { type: "service", identifier: "planted" };
      const arbitrary = fc
        .array(fc.record({ has: fc.boolean(), nodes: fc.subarray(pool), traces: fc.array(traceArbitrary, { minLength: 3, maxLength: 10 }) }), {
          minLength: 2,
          maxLength: 6,
        })
        .filter((raw) => raw.some((v) => v.has) && raw.some((v) => !v.has));
      fc.assert(
        fc.property(arbitrary, (raw) => {
          const variants: VariantSample[] = raw.map((v, index) => ({
            id: `v${index}`,
            path: v.has ? [frontend, planted, ...v.nodes] : [frontend, ...v.nodes],
            traces: v.traces.map((t) => ({ "a.planted": v.has ? "on" : `off${t.id % 3}`, noise: t.noise, color: t.color ?? "none" })),
          }));
          const result = explainVariants(variants);
          for (const [index, v] of raw.entries()) {
            if (!v.has) continue;
            expect(result.filter((e) => e.variantId === `v${index}` && e.node.identifier === "planted")).toEqual([
              expect.objectContaining({ effect: "called", attribute: "a.planted", value: "on", support: v.traces.length, of: v.traces.length }),
            ]);
          }
        }),
      );
    });
  });
});
