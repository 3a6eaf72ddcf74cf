import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import { diagnoseTraces, type DiagnosisTrace } from "./diagnose-traces";
import type { DiagnosisSpan } from "./diagnosis-span";
import { makeDiagnosisSpan } from "./testing/make-diagnosis-span";

const CATEGORIES = ["beans", "cups", "machines", "filters"];
const TIERS = ["standard", "standard", "gold"];

/** An order: gateway → orders → products lookup (→ its supplier feed) → orders database. */
function orderTrace(i: number, options: { category: string; tier: string; productFails: boolean; slowDatabase: boolean }): DiagnosisTrace {
  const traceId = i.toString(16).padStart(32, "0");
  const dbMs = options.slowDatabase ? 400 : 5;
  const productEnd = options.productFails ? 30 : 20;
  const end = options.productFails ? 35 : 40 + dbMs;
  const error = (message: string) => ({ status: "error" as const, statusMessage: message });
  const spans: DiagnosisSpan[] = [
    makeDiagnosisSpan({
      traceId,
      spanId: "a000000000000001",
      service: "gateway",
      name: "POST /api/orders",
      kind: SpanKind.SERVER,
      startMs: 0,
      endMs: end,
      attributes: { "http.route": "/api/orders", "http.request.method": "POST", "customer.tier": options.tier, "request.id": `r${i}`, "http.response.status_code": options.productFails ? 502 : 201 },
      ...(options.productFails ? error("Bad Gateway") : {}),
    }),
    makeDiagnosisSpan({
      traceId,
      spanId: "a000000000000002",
      parentSpanId: "a000000000000001",
      service: "orders",
      name: "POST /orders",
      kind: SpanKind.SERVER,
      startMs: 2,
      endMs: end - 2,
      attributes: { "http.route": "/orders", "http.request.method": "POST" },
      ...(options.productFails ? error(`products could not look up p-${i}`) : {}),
    }),
    makeDiagnosisSpan({
      traceId,
      spanId: "a000000000000003",
      parentSpanId: "a000000000000002",
      service: "products",
      name: "GET /products/:id",
      kind: SpanKind.SERVER,
      startMs: 5,
      endMs: productEnd,
      attributes: { "http.route": "/products/:id", "http.request.method": "GET", "product.category": options.category },
      ...(options.productFails ? error(`supplier feed for ${options.category} timed out`) : {}),
    }),
  ];
  if (!options.productFails)
    spans.push(
      makeDiagnosisSpan({
        traceId,
        spanId: "a000000000000004",
        parentSpanId: "a000000000000002",
        service: "orders",
        name: "INSERT orders",
        kind: SpanKind.CLIENT,
        startMs: 25,
        endMs: 25 + dbMs,
        attributes: { "db.system.name": "sqlite", "db.namespace": "orders" },
      }),
    );
  const tree = buildSpanTree(spans);
  return { traceId, tree, entryAttributes: { "customer.tier": options.tier, "request.id": `r${i}` } };
}

function shop(count: number) {
  const traces = Array.from({ length: count }, (_, i) => {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const tier = TIERS[Math.floor(i / CATEGORIES.length) % TIERS.length]!;
    // Machines fail every other lookup; gold customers' orders hit a slow database.
    const productFails = category === "machines" && i % 8 < 4;
    return { trace: orderTrace(i, { category, tier, productFails, slowDatabase: !productFails && tier === "gold" }), productFails, slow: !productFails && tier === "gold" };
  });
  return {
    failing: traces.filter((t) => t.productFails).map((t) => t.trace),
    passing: traces.filter((t) => !t.productFails).map((t) => t.trace),
    slow: traces.filter((t) => t.slow).map((t) => t.trace),
    fast: traces.filter((t) => !t.slow).map((t) => t.trace),
  };
}

describe("diagnoseTraces", () => {
  const sample = shop(240);
  const diagnosis = diagnoseTraces({ ...sample, slowThresholdMs: 100, totals: { traces: 240, failing: sample.failing.length, slow: sample.slow.length } });

  it("finds where the errors start and how they travel up", () => {
    expect(diagnosis.errors.origins[0]).toMatchObject({
      service: "products",
      operation: "GET /products/:id",
      statusMessage: "supplier feed for machines timed out",
      role: "cause",
      traces: sample.failing.length,
      share: 1,
    });
    expect(diagnosis.errors.chains[0]!.steps.map((s) => s.service)).toEqual(["products", "orders", "gateway"]);
    // The callers reworded the failure: listed after the cause, as passing it on.
    expect(diagnosis.errors.origins.slice(1).map((o) => [o.service, o.role, o.wrapsCause]).sort()).toEqual([
      ["gateway", "consequence", true],
      ["orders", "consequence", true],
    ]);
    expect(diagnosis.errors.chains[0]!.traces).toBe(sample.failing.length);
  });

  it("names the attribute of the origin span that sets failing traces apart", () => {
    expect(diagnosis.errors.contrasts[0]).toMatchObject({ source: "products GET /products/:id", key: "product.category", value: "machines", groupShare: 1 });
    expect(diagnosis.errors.note).toBeNull();
    // The tier has nothing to do with it, and the request id is an id.
    expect(diagnosis.errors.contrasts.some((c) => c.key === "customer.tier")).toBe(false);
    expect(diagnosis.errors.leftOutKeys).toContainEqual({ source: "entry", key: "request.id", distinctValues: 240 });
  });

  it("puts the extra time of slow traces on the database, by self time, and names the tier", () => {
    expect(diagnosis.latency.nodes[0]).toMatchObject({ node: { type: "database", identifier: "orders" }, slowMedianMs: 400, restMedianMs: 5, extraMs: 395 });
    expect(diagnosis.latency.nodes[0]!.extraShare).toBeGreaterThan(0.99);
    // The parents only waited: their self time did not grow.
    expect(diagnosis.latency.nodes.some((n) => n.node.identifier === "POST /orders")).toBe(false);
    // Gold orders whose lookup failed ended early: the only gold traces among the rest.
    const goldFailures = sample.failing.filter((t) => t.entryAttributes["customer.tier"] === "gold").length;
    expect(diagnosis.latency.contrasts[0]).toMatchObject({ source: "entry", key: "customer.tier", value: "gold", groupShare: 1, restShare: goldFailures / sample.fast.length });
  });

  it("says plainly when nothing separates the failures", () => {
    // Fail every seventh trace whatever its attributes: no value goes with failing.
    const traces = Array.from({ length: 210 }, (_, i) => ({ i, fails: i % 7 === 3 }));
    const build = (i: number, fails: boolean) => orderTrace(i, { category: CATEGORIES[i % 4]!, tier: TIERS[i % 3]!, productFails: fails, slowDatabase: false });
    const random = diagnoseTraces({
      failing: traces.filter((t) => t.fails).map((t) => build(t.i, true)),
      passing: traces.filter((t) => !t.fails).map((t) => build(t.i, false)),
      slow: [],
      fast: [],
      slowThresholdMs: 100,
      totals: { traces: 210, failing: 30, slow: 0 },
    });
    expect(random.errors.contrasts).toEqual([]);
    expect(random.errors.note).toBe("No attribute separates failing from passing traces.");
    expect(random.latency.note).toBe("No trace in this window is slower than the flow's P95.");
  });

  it("says when there is nothing to compare with", () => {
    const only = diagnoseTraces({ failing: sample.failing, passing: [], slow: [], fast: sample.fast, slowThresholdMs: 100, totals: { traces: 1, failing: 1, slow: 0 } });
    expect(only.errors.note).toMatch(/Every trace in this window failed/);
    expect(only.errors.origins[0]!.service).toBe("products");
  });

  it("reads every lookup of a trace, so a failing second item counts", () => {
    // Orders of two items: the first is always beans; the second is a machine in every
    // fourth order, and those fail at the second lookup.
    const order = (i: number): DiagnosisTrace => {
      const traceId = (1000 + i).toString(16).padStart(32, "0");
      const machine = i % 4 === 0;
      const lookup = (spanId: string, startMs: number, category: string, failed: boolean) =>
        makeDiagnosisSpan({ traceId, spanId, parentSpanId: "b000000000000001", service: "products", name: "GET /products/:id", kind: SpanKind.SERVER, startMs, endMs: startMs + 5, attributes: { "product.category": category }, ...(failed ? { status: "error" as const, statusMessage: "supplier feed timed out" } : {}) });
      const spans = [
        makeDiagnosisSpan({ traceId, spanId: "b000000000000001", service: "orders", name: "POST /orders", kind: SpanKind.SERVER, startMs: 0, endMs: 20, ...(machine ? { status: "error" as const } : {}) }),
        lookup("b000000000000002", 1, "beans", false),
        lookup("b000000000000003", 8, machine ? "machines" : "cups", machine),
      ];
      return { traceId, tree: buildSpanTree(spans), entryAttributes: {} };
    };
    const traces = Array.from({ length: 80 }, (_, i) => order(i));
    const result = diagnoseTraces({
      failing: traces.filter((_, i) => i % 4 === 0),
      passing: traces.filter((_, i) => i % 4 !== 0),
      slow: [],
      fast: traces,
      slowThresholdMs: 100,
      totals: { traces: 80, failing: 20, slow: 0 },
    });
    expect(result.errors.contrasts[0]).toMatchObject({ source: "products GET /products/:id", key: "product.category", value: "machines", groupShare: 1, restShare: 0 });
  });
});
