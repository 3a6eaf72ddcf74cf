import { describe, expect, it } from "vitest";
import { describeRunDiagnosis, withoutCodeMarks } from "./describe-run-diagnosis";
import type { FirstDivergence, RunDiagnosis } from "./run-diagnosis";

const divergence: FirstDivergence = {
  kind: "missing",
  step_id: "read_order",
  expected_node: { type: "database", identifier: "orders" },
  unexpected_node: null,
  after_node: { type: "api_endpoint", identifier: "GET /orders/:id", service: "orders" },
  diverged_at: { span_id: "o1", service: "orders", operation: "GET /orders/:id" },
  request_attributes: {},
  explanation: null,
  summary: "database `orders` was not called after `GET /orders/:id` (orders)",
};

describe("describeRunDiagnosis", () => {
  it("has nothing to say without a diagnosis", () => {
    expect(describeRunDiagnosis(null)).toEqual([]);
    expect(describeRunDiagnosis(undefined)).toEqual([]);
  });

  it("names the step a journey diverged in, a timeout its caller gave up on, a slow node without a baseline and the descendant that took its time", () => {
    const diagnosis: RunDiagnosis = {
      first_divergence: divergence,
      error_chain: {
        origin: { span_id: "s1", service: "suppliers", operation: "GET /feed", status_message: `upstream\n  took ${"very ".repeat(60)}long`, reason: "timeout_masked" },
        links: [],
      },
      slow_nodes: [
        {
          node: "api_endpoint:GET /orders/:id",
          span_id: "o1",
          duration_ms: 31_200,
          baseline_p95_ms: null,
          budget_ms: 30_000,
          child: { span_id: "s1", service: "suppliers", operation: "GET /feed", self_time_ms: 29_000, duration_ms: 31_000 },
        },
      ],
    };
    const lines = describeRunDiagnosis(diagnosis);
    expect(lines.map((l) => l.label)).toEqual(["first divergence", "error", "slow"]);
    expect(lines[0].text).toBe("step read_order: database `orders` was not called after `GET /orders/:id` (orders)");
    expect(lines[1].text).toMatch(/^starts at suppliers `GET \/feed` "upstream took very (very )+…" \(its caller gave up waiting\)$/);
    expect(/"([^"]*)"/.exec(lines[1].text)![1]).toHaveLength(200);
    expect(lines[2].text).toBe("`api_endpoint:GET /orders/:id` took 31.20 s (budget 30.00 s, the default timeout); suppliers `GET /feed` took 31.00 s of it (29.00 s its own)");
    expect(withoutCodeMarks(lines[2].text)).toBe("api_endpoint:GET /orders/:id took 31.20 s (budget 30.00 s, the default timeout); suppliers GET /feed took 31.00 s of it (29.00 s its own)");
  });
});
