import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import { findEntryPoint } from "./find-entry-point";
import { formatFlowName } from "./format-flow-name";

describe("findEntryPoint", () => {
  it("is the root span's service and name", () => {
    const tree = buildSpanTree([
      makeTraceSpan({ spanId: "c", parentSpanId: "r", service: "users", name: "GET /users/:id", startMs: 1 }),
      makeTraceSpan({ spanId: "r", service: "gateway", name: "POST /api/v1/orders", kind: SpanKind.SERVER }),
    ]);
    expect(findEntryPoint(tree)).toEqual({ service: "gateway", operation: "POST /api/v1/orders" });
  });

  it("is the earliest of several roots", () => {
    const tree = buildSpanTree([
      makeTraceSpan({ spanId: "r2", service: "cron", name: "tick", startMs: 5 }),
      makeTraceSpan({ spanId: "r1", service: "web", name: "GET /", startMs: 2 }),
    ]);
    expect(findEntryPoint(tree)).toEqual({ service: "web", operation: "GET /" });
  });

  it("falls back to the earliest orphan when the root never arrived", () => {
    const tree = buildSpanTree([
      makeTraceSpan({ spanId: "b", parentSpanId: "lost", service: "users", name: "late", startMs: 9 }),
      makeTraceSpan({ spanId: "a", parentSpanId: "lost", service: "orders", name: "early", startMs: 3 }),
    ]);
    expect(findEntryPoint(tree)).toEqual({ service: "orders", operation: "early" });
    expect(tree.rootMissing).toBe(true);
  });

  it("is null for a trace without spans", () => {
    expect(findEntryPoint(buildSpanTree([]))).toBeNull();
  });
});

describe("formatFlowName", () => {
  it("joins service and operation with a spaced arrow", () => {
    expect(formatFlowName({ service: "api-gateway", operation: "POST /api/v1/orders" })).toBe("api-gateway → POST /api/v1/orders");
  });
});
