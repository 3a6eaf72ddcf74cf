import { describe, expect, it } from "vitest";
import { buildSpanTree } from "../traces/build-span-tree";
import { buildErrorChain } from "./build-error-chain";
import { makeDiagnosisSpan as span } from "./testing/make-diagnosis-span";

describe("buildErrorChain", () => {
  const tree = buildSpanTree([
    span({ spanId: "gw", service: "gateway", name: "POST /orders", status: "error", statusMessage: "upstream failed", endMs: 50 }),
    span({ spanId: "ord", parentSpanId: "gw", service: "orders", name: "create order", status: "ok", startMs: 1, endMs: 40 }),
    span({ spanId: "db", parentSpanId: "ord", service: "orders", name: "INSERT", status: "error", statusMessage: "deadlock", startMs: 2, endMs: 30 }),
    span({ spanId: "side", parentSpanId: "gw", service: "gateway", name: "log", startMs: 41, endMs: 42 }),
  ]);

  it("walks from the origin up to the root, origin first", () => {
    expect(buildErrorChain(tree, "db")).toEqual([
      { spanId: "db", service: "orders", operation: "INSERT", status: "error", statusMessage: "deadlock" },
      { spanId: "ord", service: "orders", operation: "create order", status: "ok", statusMessage: "" },
      { spanId: "gw", service: "gateway", operation: "POST /orders", status: "error", statusMessage: "upstream failed" },
    ]);
  });

  it("is the root alone for the root, and empty for an unknown span", () => {
    expect(buildErrorChain(tree, "gw").map((l) => l.spanId)).toEqual(["gw"]);
    expect(buildErrorChain(tree, "nope")).toEqual([]);
  });
});
