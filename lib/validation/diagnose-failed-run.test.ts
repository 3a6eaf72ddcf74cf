import { describe, expect, it } from "vitest";
import type { VariantExplanation } from "../drift/explain-variants";
import { SpanKind, type Attributes } from "../otlp/span";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import type { TraceSpan } from "../traces/trace-span";
import { diagnoseFailedRun, MAX_CHAIN_LINKS, type DiagnoseRunInput } from "./diagnose-failed-run";
import { validateTrace, type NodeBaseline } from "./validate-trace";

type RunSpan = TraceSpan & { statusMessage?: string; resourceAttributes?: Attributes };

interface Options {
  tier?: string;
  skipLoyalty?: boolean;
  /** orders calls GET /bonus where loyalty was. */
  bonusInstead?: boolean;
  /** An extra call to an audit service before the database write. */
  audit?: boolean;
  /** The supplier feed behind products fails with a timeout message. */
  supplierFails?: boolean;
  /** How long the database write takes, and whether it waits on a lock span inside it. */
  databaseMs?: number;
  lockMs?: number;
}

const route = (method: string, path: string) => ({ "http.request.method": method, "http.route": path });

// gateway POST /api/v1/orders → orders POST /orders → (products GET /products/:id) → INSERT
// orders → loyalty POST /loyalty/points (gold) → order.created publish.
function runSpans(o: Options = {}): RunSpan[] {
  const databaseMs = o.databaseMs ?? 10;
  const end = 60 + databaseMs;
  const spans: RunSpan[] = [
    { ...makeTraceSpan({ spanId: "gw", service: "api-gateway", name: "POST /api/v1/orders", kind: SpanKind.SERVER, endMs: end + 10, attributes: { ...route("POST", "/api/v1/orders"), "customer.tier": o.tier ?? "gold", "http.request.body": "x".repeat(500) } }), resourceAttributes: { "service.version": "1.4.0" } },
    makeTraceSpan({ spanId: "gw-call", parentSpanId: "gw", service: "api-gateway", name: "POST", kind: SpanKind.CLIENT, startMs: 1, endMs: end + 5, attributes: { "http.request.method": "POST" } }),
    makeTraceSpan({ spanId: "orders", parentSpanId: "gw-call", service: "orders", name: "POST /orders", kind: SpanKind.SERVER, startMs: 2, endMs: end + 4, attributes: route("POST", "/orders") }),
    makeTraceSpan({ spanId: "products-call", parentSpanId: "orders", service: "orders", name: "GET", kind: SpanKind.CLIENT, startMs: 3, endMs: 20, attributes: { "http.request.method": "GET" } }),
    makeTraceSpan({ spanId: "products", parentSpanId: "products-call", service: "products", name: "GET /products/:id", kind: SpanKind.SERVER, startMs: 4, endMs: 19, attributes: route("GET", "/products/:id") }),
    makeTraceSpan({ spanId: "db", parentSpanId: "orders", service: "orders", name: "INSERT orders", kind: SpanKind.CLIENT, startMs: 30, endMs: 30 + databaseMs, attributes: { "db.system.name": "postgresql", "db.namespace": "orders" } }),
    makeTraceSpan({ spanId: "publish", parentSpanId: "orders", service: "orders", name: "order.created publish", kind: SpanKind.PRODUCER, startMs: end, endMs: end + 2, attributes: { "messaging.destination.name": "order.created" } }),
  ];
  if (o.lockMs !== undefined) spans.push(makeTraceSpan({ spanId: "lock", parentSpanId: "db", service: "orders", name: "acquire row lock", startMs: 31, endMs: 31 + o.lockMs }));
  if (o.audit) {
    spans.push(
      makeTraceSpan({ spanId: "audit-call", parentSpanId: "orders", service: "orders", name: "POST", kind: SpanKind.CLIENT, startMs: 22, endMs: 28, attributes: { "http.request.method": "POST" } }),
      makeTraceSpan({ spanId: "audit", parentSpanId: "audit-call", service: "audit", name: "POST /audit", kind: SpanKind.SERVER, startMs: 23, endMs: 27, attributes: route("POST", "/audit") }),
    );
  }
  const side = o.bonusInstead ? { call: "bonus-call", id: "bonus", service: "orders-bonus", name: "GET /bonus", attrs: route("GET", "/bonus") } : { call: "loyalty-call", id: "loyalty", service: "loyalty", name: "POST /loyalty/points", attrs: route("POST", "/loyalty/points") };
  if (!o.skipLoyalty) {
    spans.push(
      makeTraceSpan({ spanId: side.call, parentSpanId: "orders", service: "orders", name: "POST", kind: SpanKind.CLIENT, startMs: 50 + databaseMs - 10, endMs: 58 + databaseMs - 10, attributes: { "http.request.method": "POST" } }),
      makeTraceSpan({ spanId: side.id, parentSpanId: side.call, service: side.service, name: side.name, kind: SpanKind.SERVER, startMs: 51 + databaseMs - 10, endMs: 57 + databaseMs - 10, attributes: side.attrs }),
    );
  }
  if (o.supplierFails) {
    const products = spans.find((s) => s.spanId === "products")!;
    Object.assign(products, { status: "error", statusMessage: "" });
    spans.push({ ...makeTraceSpan({ spanId: "feed", parentSpanId: "products", service: "products", name: "read supplier feed", startMs: 5, endMs: 18, status: "error" }), statusMessage: "supplier feed for machines timed out" });
    for (const id of ["products-call", "orders", "gw-call", "gw"]) Object.assign(spans.find((s) => s.spanId === id)!, { status: "error", statusMessage: id === "products-call" ? "" : "upstream failed" });
  }
  return spans;
}

const GOLD_PATH = [
  { type: "api_endpoint" as const, identifier: "POST /api/v1/orders", service: "api-gateway" },
  { type: "api_endpoint" as const, identifier: "POST /orders", service: "orders" },
  { type: "api_endpoint" as const, identifier: "GET /products/:id", service: "products" },
  { type: "database" as const, identifier: "orders", service: "orders" },
  { type: "api_endpoint" as const, identifier: "POST /loyalty/points", service: "loyalty" },
  { type: "topic" as const, identifier: "order.created", service: "orders" },
];

// The supplier feed is an internal step of products: a service node of its own.
const WITH_FEED = [...GOLD_PATH.slice(0, 3), { type: "service" as const, identifier: "products" }, ...GOLD_PATH.slice(3)];

const BASELINE = new Map<string, NodeBaseline>([["database:orders", { p95Ms: 12, errorRate: 0 }]]);

const TIER_EXPLANATION: VariantExplanation = {
  variantId: "gold-fingerprint",
  node: { type: "api_endpoint", identifier: "POST /loyalty/points" },
  effect: "called",
  attribute: "customer.tier",
  value: "gold",
  support: 60,
  of: 60,
  text: "`POST /loyalty/points` is called only when `customer.tier = gold` (60 of 60 sampled traces)",
};

function diagnose(spans: RunSpan[], explanations: VariantExplanation[] = [], expectedNodes: DiagnoseRunInput["expectedNodes"] = GOLD_PATH) {
  const validation = validateTrace({ expectedNodes, spans, baseline: BASELINE, flowErrorRate: 0, defaultTimeoutMs: 30_000, assertions: [], evaluate: () => ({ status: "passed" }) });
  return { validation, diagnosis: diagnoseFailedRun({ validation, expectedNodes, spans, explanations }) };
}

describe("diagnoseFailedRun", () => {
  it("says nothing about a run that passed", () => {
    const { validation, diagnosis } = diagnose(runSpans(), [TIER_EXPLANATION]);
    expect(validation.status).toBe("passed");
    expect(diagnosis).toBeNull();
  });

  it("explains a missing node by the request's attribute when the variant explanation does", () => {
    const { diagnosis } = diagnose(runSpans({ tier: "standard", skipLoyalty: true }), [TIER_EXPLANATION]);
    expect(diagnosis!.first_divergence).toEqual({
      kind: "missing",
      expected_node: { type: "api_endpoint", identifier: "POST /loyalty/points", service: "loyalty" },
      unexpected_node: null,
      after_node: { type: "database", identifier: "orders", service: "orders" },
      // Between the database write and the publish, both orders' calls: orders should have called it.
      diverged_at: { span_id: "orders", service: "orders", operation: "POST /orders" },
      request_attributes: {
        "customer.tier": "standard",
        "http.request.method": "POST",
        "http.route": "/api/v1/orders",
        // Resource attributes join under keys the span does not use; long values are left out.
        "service.version": "1.4.0",
      },
      explanation: "`POST /loyalty/points` was not called; this request had `customer.tier = standard`, and `POST /loyalty/points` is only called when `customer.tier = gold`",
      summary:
        "`POST /loyalty/points` (loyalty) was not called after database `orders`; this request had `customer.tier = standard`, and `POST /loyalty/points` is only called when `customer.tier = gold`",
    });
    expect(diagnosis!.error_chain).toBeNull();
    expect(diagnosis!.slow_nodes).toEqual([]);
  });

  it("says when the request had the very value the missing node is called with", () => {
    const { diagnosis } = diagnose(runSpans({ tier: "gold", skipLoyalty: true }), [TIER_EXPLANATION]);
    expect(diagnosis!.first_divergence!.explanation).toBe(
      "`POST /loyalty/points` was not called although this request had `customer.tier = gold`; in the traffic the flow was learned from, `POST /loyalty/points` is called when `customer.tier = gold`",
    );
  });

  it("says when the request lacks the attribute the explanation is about", () => {
    const spans = runSpans({ skipLoyalty: true });
    delete spans[0].attributes["customer.tier"];
    expect(diagnose(spans, [TIER_EXPLANATION]).diagnosis!.first_divergence!.explanation).toBe(
      "`POST /loyalty/points` was not called; this request had no `customer.tier`, and `POST /loyalty/points` is only called when `customer.tier = gold`",
    );
  });

  it("uses a skipped-when statement only when the request has its value", () => {
    const skipped: VariantExplanation = { ...TIER_EXPLANATION, variantId: "standard", effect: "skipped", value: "standard", text: "" };
    expect(diagnose(runSpans({ tier: "standard", skipLoyalty: true }), [skipped]).diagnosis!.first_divergence!.explanation).toBe(
      "`POST /loyalty/points` was not called; this request had `customer.tier = standard`, and `POST /loyalty/points` is skipped when `customer.tier = standard`",
    );
    expect(diagnose(runSpans({ tier: "silver", skipLoyalty: true }), [skipped]).diagnosis!.first_divergence!.explanation).toBeNull();
    // Both sides explained, as an entry point with two variants usually is: "only called when" reads best.
    expect(diagnose(runSpans({ tier: "standard", skipLoyalty: true }), [skipped, TIER_EXPLANATION]).diagnosis!.first_divergence!.explanation).toBe(
      "`POST /loyalty/points` was not called; this request had `customer.tier = standard`, and `POST /loyalty/points` is only called when `customer.tier = gold`",
    );
  });

  it("names a missing node without an explanation when the entry point has none for it", () => {
    const other: VariantExplanation = { ...TIER_EXPLANATION, node: { type: "topic", identifier: "order.created" } };
    const divergence = diagnose(runSpans({ tier: "standard", skipLoyalty: true }), [other]).diagnosis!.first_divergence!;
    expect(divergence.explanation).toBeNull();
    expect(divergence.summary).toBe("`POST /loyalty/points` (loyalty) was not called after database `orders`");
  });

  it("points at the span that went elsewhere when another node took the missing one's place", () => {
    const divergence = diagnose(runSpans({ bonusInstead: true })).diagnosis!.first_divergence!;
    expect(divergence).toMatchObject({
      kind: "missing",
      expected_node: { identifier: "POST /loyalty/points" },
      unexpected_node: { type: "api_endpoint", identifier: "GET /bonus", service: "orders-bonus" },
      diverged_at: { span_id: "bonus", service: "orders-bonus", operation: "GET /bonus" },
    });
    expect(divergence.summary).toBe("`POST /loyalty/points` (loyalty) was not called after database `orders`; `GET /bonus` (orders-bonus) was called instead");
  });

  it("puts the missing call on the span of the last node that happened when nothing follows it", () => {
    // The test expects the database write after orders' own endpoint, and nothing else.
    const expected = [GOLD_PATH[0], GOLD_PATH[1], { type: "database" as const, identifier: "orders" }];
    const spans = runSpans().filter((s) => s.spanId === "gw" || s.spanId === "gw-call" || s.spanId === "orders");
    const divergence = diagnose(spans, [], expected).diagnosis!.first_divergence!;
    expect(divergence.after_node).toEqual({ type: "api_endpoint", identifier: "POST /orders", service: "orders" });
    expect(divergence.diverged_at).toEqual({ span_id: "orders", service: "orders", operation: "POST /orders" });
    expect(divergence.summary).toBe("database `orders` was not called after `POST /orders` (orders)");
  });

  it("reports an unexpected node with the span that made it and the node expected next", () => {
    const { validation, diagnosis } = diagnose(runSpans({ audit: true }), [{ ...TIER_EXPLANATION, node: { type: "api_endpoint", identifier: "POST /audit" } }]);
    expect(validation.unexpected_nodes.map((n) => n.identifier)).toEqual(["POST /audit"]);
    expect(diagnosis!.first_divergence).toMatchObject({
      kind: "unexpected",
      expected_node: { type: "database", identifier: "orders" },
      unexpected_node: { type: "api_endpoint", identifier: "POST /audit", service: "audit" },
      after_node: { identifier: "GET /products/:id" },
      diverged_at: { span_id: "audit", service: "audit", operation: "POST /audit" },
      explanation: "`POST /audit` was called; this request had `customer.tier = gold`, and `POST /audit` is only called when `customer.tier = gold`",
    });
    expect(diagnosis!.first_divergence!.summary).toBe(
      "`POST /audit` (audit) was called after `GET /products/:id` (products); this request had `customer.tier = gold`, and `POST /audit` is only called when `customer.tier = gold`; the test does not expect it (it expects database `orders` next)",
    );
  });

  it("reports a node called out of order with the position the test expects", () => {
    const expected = [GOLD_PATH[0], GOLD_PATH[1], GOLD_PATH[3], GOLD_PATH[2], GOLD_PATH[4], GOLD_PATH[5]];
    const divergence = diagnose(runSpans(), [], expected).diagnosis!.first_divergence!;
    // The LCS keeps the products call in place: the database write is the node that moved.
    expect(divergence).toMatchObject({ kind: "out_of_order", expected_node: { type: "database", identifier: "orders" }, after_node: { identifier: "GET /products/:id" }, diverged_at: { span_id: "db" }, explanation: null });
    expect(divergence.summary).toBe("database `orders` was called out of order after `GET /products/:id` (products); the test expects it at position 3");
  });

  it("follows an error from where it started through the callers that are path nodes to the root", () => {
    const { diagnosis } = diagnose(runSpans({ supplierFails: true }), [], WITH_FEED);
    expect(diagnosis!.first_divergence).toBeNull();
    expect(diagnosis!.error_chain).toEqual({
      origin: { span_id: "feed", service: "products", operation: "read supplier feed", status_message: "supplier feed for machines timed out", reason: "leaf_error" },
      links: [
        { span_id: "products", service: "products", operation: "GET /products/:id", status_message: "" },
        { span_id: "orders", service: "orders", operation: "POST /orders", status_message: "upstream failed" },
        { span_id: "gw", service: "api-gateway", operation: "POST /api/v1/orders", status_message: "upstream failed" },
      ],
    });
  });

  it("leaves the error chain out when every error is the norm for its node", () => {
    const spans = runSpans({ supplierFails: true });
    const validation = validateTrace({ expectedNodes: WITH_FEED, spans, baseline: BASELINE, flowErrorRate: 1, defaultTimeoutMs: 30_000, assertions: [], evaluate: () => ({ status: "passed" }) });
    const rates = new Map([...BASELINE, ...WITH_FEED.map((n): [string, NodeBaseline] => [`${n.type}:${n.identifier}`, { p95Ms: 1_000, errorRate: 1 }])]);
    const normal = validateTrace({ expectedNodes: WITH_FEED, spans, baseline: rates, flowErrorRate: 1, defaultTimeoutMs: 30_000, assertions: [], evaluate: () => ({ status: "passed" }) });
    expect(validation.status).toBe("failed");
    expect(normal.status).toBe("passed");
    expect(diagnoseFailedRun({ validation: { ...normal, status: "failed" }, expectedNodes: WITH_FEED, spans, explanations: [] })).toBeNull();
  });

  it("keeps a long chain to its nearest callers and the root", () => {
    const spans: RunSpan[] = [makeTraceSpan({ spanId: "s0", service: "s0", name: "op 0", endMs: 100, status: "error" })];
    for (let i = 1; i <= 40; i++) spans.push(makeTraceSpan({ spanId: `s${i}`, parentSpanId: `s${i - 1}`, service: `s${i}`, name: `op ${i}`, startMs: i, endMs: 100 - i, status: "error" }));
    const validation = validateTrace({ expectedNodes: [], spans, baseline: new Map(), flowErrorRate: 0, defaultTimeoutMs: 30_000, assertions: [], evaluate: () => ({ status: "passed" }), checkPath: false });
    const chain = diagnoseFailedRun({ validation, expectedNodes: [], spans, explanations: [] })!.error_chain!;
    expect(chain.origin.span_id).toBe("s40");
    expect(chain.links).toHaveLength(MAX_CHAIN_LINKS);
    expect(chain.links[0].span_id).toBe("s39");
    expect(chain.links.at(-1)!.span_id).toBe("s0");
  });

  it("names the child that took a slow node's time", () => {
    const { diagnosis } = diagnose(runSpans({ databaseMs: 812, lockMs: 790 }));
    expect(diagnosis!.slow_nodes).toEqual([
      {
        node: "database:orders",
        span_id: "db",
        duration_ms: 812,
        baseline_p95_ms: 12,
        budget_ms: 37,
        child: { span_id: "lock", service: "orders", operation: "acquire row lock", self_time_ms: 790, duration_ms: 790 },
      },
    ]);
  });

  it("names the slow span itself with its own time when no child explains it", () => {
    // The lock took 5 ms of the write's 812: the write's own 807 ms is where the time went.
    const { diagnosis } = diagnose(runSpans({ databaseMs: 812, lockMs: 5 }));
    expect(diagnosis!.slow_nodes[0].child).toEqual({ span_id: "db", service: "orders", operation: "INSERT orders", self_time_ms: 807, duration_ms: 812 });
  });

  it("finds the first divergence of a journey step when the whole trace is not compared", () => {
    const spans = runSpans({ skipLoyalty: true });
    const steps = [{ id: "create_order", nodes: GOLD_PATH }];
    const validation = validateTrace({ expectedNodes: [], spans, baseline: BASELINE, flowErrorRate: 0, defaultTimeoutMs: 30_000, assertions: [], evaluate: () => ({ status: "passed" }), checkPath: false });
    validation.status = "failed";
    validation.step_results = [{ id: "create_order", status: "failed", path_match: false, missing_nodes: [{ ...GOLD_PATH[4], index: 4 }], unexpected_nodes: [], order_violations: [] }];
    const divergence = diagnoseFailedRun({ validation, expectedNodes: [], spans, explanations: [TIER_EXPLANATION], steps, spansByStep: new Map([["create_order", spans]]) })!.first_divergence!;
    expect(divergence).toMatchObject({ kind: "missing", step_id: "create_order", expected_node: { identifier: "POST /loyalty/points" }, explanation: null });
  });
});
