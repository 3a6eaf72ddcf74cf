import { describe, expect, it } from "vitest";
import type { Diagnosis } from "../diagnose-traces";
import { buildDiagnosisFacts } from "./diagnosis-facts";
import { readSummary } from "./read-summary";
import { buildSummaryMessages } from "./summary-prompt";

const diagnosis: Diagnosis = {
  totals: { traces: 64, failing: 8, slow: 4 },
  sampled: { failing: 8, passing: 56, slow: 4, fast: 60 },
  errors: {
    origins: [
      { service: "products", operation: "GET /products/:id", statusMessage: "supplier feed for machines timed out", reason: "leaf_error", role: "cause", wrapsCause: false, traces: 8, share: 1, exampleTraceIds: ["t1"], exampleSpanIds: ["s1"] },
      { service: "gateway", operation: "POST /api/orders", statusMessage: "x".repeat(5_000), reason: "own_message", role: "consequence", wrapsCause: true, traces: 8, share: 1, exampleTraceIds: ["t1"], exampleSpanIds: ["s2"] },
    ],
    chains: [{ origin: { service: "products", operation: "GET /products/:id", statusMessage: "m" }, steps: [{ service: "products", operation: "GET /products/:id", status: "error", statusMessage: "m" }, { service: "gateway", operation: "POST /api/orders", status: "error", statusMessage: "" }], traces: 8, exampleTraceId: "t1" }],
    contrasts: [{ source: "products GET /products/:id", key: "product.category", value: "machines", groupShare: 1, restShare: 0.143, lift: 7, support: 8, exampleTraceIds: ["t1"] }],
    leftOutKeys: [{ source: "entry", key: "request.id", distinctValues: 64 }],
    note: null,
  },
  latency: {
    slowThresholdMs: 314,
    nodes: [{ node: { type: "database", identifier: "shop", service: "gateway" }, slowMedianMs: 550, restMedianMs: 7, extraMs: 543, extraShare: 1, exampleTraceIds: ["t9"] }],
    contrasts: [],
    leftOutKeys: [],
    note: "No attribute separates slow traces from the rest.",
  },
  patterns: [],
};

describe("diagnosis summary facts", () => {
  const facts = buildDiagnosisFacts(diagnosis);

  it("states each computed fact once, numbered, causes only", () => {
    expect(facts.map((f) => f.text)).toEqual([
      "64 traces in the window: 8 failing (12.5%), 4 slower than the P95 of 314 ms.",
      'Errors start at products GET /products/:id with "supplier feed for machines timed out": 8 of 8 sampled failing traces (100%).',
      "The error travels products GET /products/:id → gateway POST /api/orders (8 traces).",
      "product.category = machines (on products GET /products/:id) is in 100% of failing traces and 14.3% of passing traces (8 traces).",
      "In slow traces, database shop (gateway) takes 550 ms of its own time against 7.0 ms in the rest: 100% of the extra time.",
      "No attribute separates slow traces from the rest.",
    ]);
    expect(facts.map((f) => f.id)).toEqual(["F1", "F2", "F3", "F4", "F5", "F6"]);
  });

  it("never sends more than the facts: no trace ids, no long messages", () => {
    const prompt = JSON.stringify(buildSummaryMessages("gateway → POST /api/orders", facts));
    expect(prompt).not.toContain("t1");
    expect(prompt).not.toContain("request.id");
    expect(prompt).not.toContain("x".repeat(400));
    expect(prompt).toContain("[F4] product.category = machines");
  });

  it("reads the facts a summary cites and drops citations of facts that do not exist", () => {
    const read = readSummary("  Orders fail when the product is a machine [F2][F4], nothing else [F4, F9]. ", facts);
    expect(read.text).toBe("Orders fail when the product is a machine [F2][F4], nothing else [F4, F9].");
    expect(read.citedFacts.map((f) => f.id)).toEqual(["F2", "F4"]);
    expect(readSummary("No citations.", facts).citedFacts).toEqual([]);
    expect(readSummary("y".repeat(10_000), facts).text.length).toBeLessThan(2_100);
  });
});
