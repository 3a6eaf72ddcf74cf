import { describe, expect, it } from "vitest";
import type { VariantExplanation } from "../drift/explain-variants";
import { buildTraceContext, evaluateAssertion } from "../trace-assert";
import type { PathNode } from "../traces/path-node";
import type { ExportableFlow, RepresentativeEntry } from "./build-flowprint-test";
import { buildVariantTests, PLAIN_PATH_TEST, type VariantToExport } from "./build-variant-tests";
import { exportFlow } from "./export-flow";
import { loadFlowprintTest } from "./load-flowprint-test";
import { orderTraceSpans } from "./testing/order-trace";

const GATEWAY: PathNode = { type: "api_endpoint", identifier: "POST /api/v1/orders", service: "api-gateway" };
const ORDERS: PathNode = { type: "api_endpoint", identifier: "POST /orders", service: "orders" };
const DATABASE: PathNode = { type: "database", identifier: "orders", service: "orders" };
const LOYALTY: PathNode = { type: "api_endpoint", identifier: "POST /loyalty/points", service: "loyalty" };
const TOPIC: PathNode = { type: "topic", identifier: "order.created", service: "orders" };

function flow(id: string, fingerprint: string, path: PathNode[], name: string): ExportableFlow {
  return {
    id,
    name,
    entryService: "api-gateway",
    entryOperation: "POST /api/v1/orders",
    fingerprint,
    path,
    occurrenceCount: 20,
    riskScore: 0.1,
    errorRate: 0,
    p95DurationMs: 120,
    nodeP95Ms: new Map(),
  };
}

function entry(traceId: string, tier: string): RepresentativeEntry {
  const spans = orderTraceSpans({ tier, loyalty: tier === "gold" });
  return {
    traceId,
    spanName: "POST /api/v1/orders",
    attributes: spans[0].attributes,
    spans: spans.map((s) => ({ service: s.service, name: s.name, attributes: s.attributes })),
  };
}

const GOLD_FP = "a".repeat(64);
const STANDARD_FP = "b".repeat(64);
const ERROR_FP = "c".repeat(64);

function explanation(variantId: string, effect: "called" | "skipped", value: string, support = 12): VariantExplanation {
  const verb = effect === "called" ? "is called only when" : "is skipped when";
  return {
    variantId,
    node: { type: LOYALTY.type, identifier: LOYALTY.identifier },
    effect,
    attribute: "customer.tier",
    value,
    support,
    of: support,
    text: `\`POST /loyalty/points\` ${verb} \`customer.tier = ${value}\` (${support} of ${support} sampled traces)`,
  };
}

const gold: VariantToExport = {
  flow: flow("00000000-0000-4000-8000-000000000001", GOLD_FP, [GATEWAY, ORDERS, DATABASE, LOYALTY, TOPIC], "api-gateway → POST /api/v1/orders · + loyalty"),
  entry: entry("0af7651916cd43dd8448eb211c80319a", "gold"),
  variantLabel: "+ loyalty",
  entryAttributes: { "customer.tier": "gold", "http.route": "/api/v1/orders" },
};
const standard: VariantToExport = {
  flow: flow("00000000-0000-4000-8000-000000000002", STANDARD_FP, [GATEWAY, ORDERS, DATABASE, TOPIC], "api-gateway → POST /api/v1/orders · without loyalty"),
  entry: entry("0af7651916cd43dd8448eb211c80319b", "standard"),
  variantLabel: "without loyalty",
  entryAttributes: { "customer.tier": "standard", "http.route": "/api/v1/orders" },
};
const failing: VariantToExport = {
  flow: { ...flow("00000000-0000-4000-8000-000000000003", ERROR_FP, [GATEWAY, ORDERS], "api-gateway → POST /api/v1/orders · error"), errorRate: 1 },
  entry: null,
  variantLabel: "error",
  entryAttributes: null,
};
const EXPLANATIONS = [explanation(GOLD_FP, "called", "gold"), explanation(STANDARD_FP, "skipped", "standard"), explanation(ERROR_FP, "skipped", "standard", 3)];
const OPTIONS = { timeoutMs: 30_000, setup: "none" as const };

describe("buildVariantTests", () => {
  const result = buildVariantTests([gold, standard, failing], EXPLANATIONS, OPTIONS);
  const [goldFile, standardFile, errorFile] = result.files;

  it("exports one file per variant, in the order given, under the single export's file name", () => {
    expect(result.files.map((f) => [f.flow_id, f.variant_label])).toEqual([
      [gold.flow.id, "+ loyalty"],
      [standard.flow.id, "without loyalty"],
      [failing.flow.id, "error"],
    ]);
    expect(result.files.map((f) => f.file_name)).toEqual([gold, standard, failing].map((v) => exportFlow(v.flow, v.entry, "flowprint", OPTIONS).file_name));
  });

  it("is the variant's own export plus its explanation, both ways, at the end of trace_assert", () => {
    const plain = loadFlowprintTest(exportFlow(gold.flow, gold.entry, "flowprint", OPTIONS).yaml);
    const loaded = loadFlowprintTest(goldFile.yaml);
    if (!plain.ok || !loaded.ok) throw new Error("the files do not load");
    const asserted = loaded.test.expect_trace.trace_assert;
    expect(asserted.slice(0, -2)).toEqual(plain.test.expect_trace.trace_assert);
    expect(asserted.slice(-2)).toEqual([
      expect.stringMatching(/^trace\.spans \| any\(.*\.attributes\['customer\.tier'\] == 'gold'\) implies trace\.spans \| any\(\.attributes\['http\.route'\] == '\/loyalty\/points'/),
      expect.stringMatching(/^trace\.spans \| any\(\.attributes\['http\.route'\] == '\/loyalty\/points'.* implies trace\.spans \| any\(.*'gold'\)$/),
    ]);
    expect({ ...loaded.test, expect_trace: { ...loaded.test.expect_trace, trace_assert: [] } }).toEqual({ ...plain.test, expect_trace: { ...plain.test.expect_trace, trace_assert: [] } });
    expect(goldFile.explanations).toEqual([EXPLANATIONS[0].text]);
    expect(goldFile.yaml).toContain(`# Why this variant: ${EXPLANATIONS[0].text}.`);
  });

  it("passes a replay of each variant and fails the gold case, naming loyalty, when loyalty is no longer called", () => {
    const assertionsOf = (yaml: string) => {
      const loaded = loadFlowprintTest(yaml);
      if (!loaded.ok) throw new Error("the file does not load");
      return loaded.test.expect_trace.trace_assert.filter((a) => !a.startsWith("trace.duration_ms"));
    };
    const verdicts = (yaml: string, tier: string, loyalty: boolean) => assertionsOf(yaml).map((a) => evaluateAssertion(a, buildTraceContext(orderTraceSpans({ tier, loyalty }))));
    expect(verdicts(goldFile.yaml, "gold", true).map((v) => v.status)).not.toContain("failed");
    expect(verdicts(standardFile.yaml, "standard", false).map((v) => v.status)).not.toContain("failed");
    const broken = verdicts(goldFile.yaml, "gold", false).filter((v) => v.status === "failed");
    expect(broken).toHaveLength(1);
    expect(broken[0].status === "failed" && broken[0].detail).toContain("'/loyalty/points'");
    // The standard case does not depend on loyalty at all.
    expect(verdicts(standardFile.yaml, "standard", false).filter((v) => v.status === "failed")).toEqual([]);
  });

  it("asserts the database write of each representative", () => {
    for (const file of [goldFile, standardFile]) {
      expect(file.yaml).toContain(".attributes['db.operation.name'] == 'INSERT' and .attributes['db.collection.name'] == 'orders'");
    }
  });

  it("exports a variant whose explanation cannot be replayed as a plain path test, and says why", () => {
    expect(errorFile.explanations).toEqual([]);
    expect(errorFile.yaml).toContain(`# ${PLAIN_PATH_TEST.charAt(0).toUpperCase()}${PLAIN_PATH_TEST.slice(1)}`);
    expect(errorFile.warnings).toContainEqual(expect.stringContaining("its representative trace is no longer stored"));
    expect(result.warnings).toEqual([`api-gateway → POST /api/v1/orders · error: ${PLAIN_PATH_TEST} (${EXPLANATIONS[2].text} is not asserted: its representative trace is no longer stored, so the recorded request is unknown)`]);
  });

  it("lists a variant without an explanation as a plain path test", () => {
    const { files, warnings } = buildVariantTests([gold, standard], [EXPLANATIONS[0]], OPTIONS);
    expect(files[1].explanations).toEqual([]);
    expect(files[1].warnings).toContain(`${PLAIN_PATH_TEST} (nothing in the entry span's attributes sets it apart)`);
    expect(warnings).toEqual([`${standard.flow.name}: ${PLAIN_PATH_TEST} (nothing in the entry span's attributes sets it apart)`]);
    expect(loadFlowprintTest(files[1].yaml).ok).toBe(true);
  });

  it("does not assert an explanation its representative is an exception to", () => {
    const exception = { ...gold, entryAttributes: { "customer.tier": "silver" } };
    const { files, warnings } = buildVariantTests([exception], [EXPLANATIONS[0]], OPTIONS);
    expect(files[0].explanations).toEqual([]);
    expect(files[0].yaml).not.toContain("implies");
    expect(warnings[0]).toContain("its recorded request has `customer.tier = silver`, an exception to `customer.tier = gold`");
  });

  it("does not assert an explanation for a journey, whose entry span the runner plays", () => {
    const journey = {
      ...gold,
      entry: {
        ...gold.entry!,
        journey: [
          { method: "POST", origin: "http://127.0.0.1:4100", path: "/api/v1/orders", query: null, route: "/api/v1/orders", calleeService: "api-gateway", headers: {}, requestBody: { customerId: "c-1" }, responseBody: undefined, status: 201 },
        ],
      },
    };
    const { files } = buildVariantTests([journey], [EXPLANATIONS[0]], OPTIONS);
    expect(files[0].explanations).toEqual([]);
    expect(files[0].warnings.join("\n")).toContain("its entry span is the client the test plays");
  });

  it("asserts a statement once however often it is listed, and keeps comments on one line", () => {
    const multiline = { ...EXPLANATIONS[0], text: "`POST /loyalty/points` is called only when `customer.tier = gold\nlines`" };
    const { files } = buildVariantTests([gold], [multiline, multiline], OPTIONS);
    const loaded = loadFlowprintTest(files[0].yaml);
    if (!loaded.ok) throw new Error("the file does not load");
    expect(loaded.test.expect_trace.trace_assert.filter((a) => a.includes(" implies "))).toHaveLength(2);
  });
});
