import { describe, expect, it } from "vitest";
import { failedOnlyBySlowness, withFirstRun } from "./confirm-slowness";
import type { TestRun } from "./test-run";

const verdict = {
  execution_id: "e1",
  trace_id: "t1",
  status: "failed" as const,
  path_match: true,
  missing_nodes: [],
  unexpected_nodes: [],
  order_violations: [],
  slow_spans: [{ span_id: "s", service: "products", operation: "GET /products/:id", node: "api_endpoint:GET /products/:id", duration_ms: 384, budget_ms: 40.3, p95_ms: 26.8 }],
  error_spans: [],
  failed_assertions: [],
  inconclusive_assertions: [],
  reasons: [],
};
const slowRun: TestRun = { file: "a.yaml", name: "a", status: "failed", durationMs: 100, executionId: "e1", traceId: "t1", setupFailures: [], requestFailures: [], validation: verdict, reasons: [] };

describe("failedOnlyBySlowness", () => {
  it("is true for a run whose only fault is slow spans", () => {
    expect(failedOnlyBySlowness(slowRun)).toBe(true);
  });

  it("is false when anything else went wrong too", () => {
    expect(failedOnlyBySlowness({ ...slowRun, requestFailures: ["expected status 201, got 500"] })).toBe(false);
    expect(failedOnlyBySlowness({ ...slowRun, validation: { ...verdict, missing_nodes: [{ type: "database", identifier: "orders", index: 1 }] } })).toBe(false);
    expect(failedOnlyBySlowness({ ...slowRun, validation: { ...verdict, failed_assertions: [{ expression: "x", detail: "y" }] } })).toBe(false);
    expect(failedOnlyBySlowness({ ...slowRun, validation: { ...verdict, error_spans: [{ span_id: "e", service: "s", operation: "o", message: "", expected: false }] } })).toBe(false);
    expect(failedOnlyBySlowness({ ...slowRun, status: "passed" })).toBe(false);
  });

  it("counts the trace's time budget failing with its slow spans as slowness", () => {
    const budget = { expression: "trace.duration_ms < 1000", detail: "trace.duration_ms < 1000 was 1079.37 < 1000" };
    expect(failedOnlyBySlowness({ ...slowRun, validation: { ...verdict, failed_assertions: [budget] } })).toBe(true);
    expect(failedOnlyBySlowness({ ...slowRun, validation: { ...verdict, failed_assertions: [budget, { expression: "trace.span('loyalty') != nil", detail: "nil" }] } })).toBe(false);
  });
});

describe("withFirstRun", () => {
  it("keeps the second run's verdict and notes the first", () => {
    const second: TestRun = { ...slowRun, status: "passed", executionId: "e2", validation: { ...verdict, status: "passed", slow_spans: [] }, durationMs: 50 };
    const combined = withFirstRun(second, slowRun);
    expect(combined.status).toBe("passed");
    expect(combined.durationMs).toBe(150);
    expect(combined.reasons).toEqual(["the first run (execution e1) was slow once and not again: api_endpoint:GET /products/:id took 384 ms (budget 40.3 ms)"]);
    expect(withFirstRun(slowRun, slowRun).reasons[0]).toMatch(/^slowness confirmed by a second run/);
  });
});
