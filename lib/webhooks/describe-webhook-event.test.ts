import { describe, expect, it } from "vitest";
import { validateTrace, type TraceValidation } from "../validation/validate-trace";
import { describeDriftOpened, describeRunFailed, describeThresholdCrossed } from "./describe-webhook-event";

/** A failed validation with `change` in it; the empty lists come from validating no spans. */
const validation = (change: Partial<TraceValidation>): TraceValidation => ({
  ...validateTrace({ expectedNodes: [], spans: [], baseline: new Map(), flowErrorRate: 0, defaultTimeoutMs: 1, assertions: [], evaluate: () => ({ status: "passed" }) }),
  status: "failed",
  ...change,
});

describe("event descriptions", () => {
  it("names a missing variant and where its traffic went", () => {
    const facts = describeDriftOpened({
      id: "m-1",
      workspaceId: "shop",
      kind: "variant_missing",
      entryService: "checkout",
      entryOperation: "POST /orders",
      path: [
        { type: "api_endpoint", identifier: "POST /orders", service: "checkout" },
        { type: "service", identifier: "loyalty", service: "loyalty" },
      ],
      otherPath: [{ type: "api_endpoint", identifier: "POST /orders", service: "checkout" }],
      detectedAtMs: 0,
    });
    expect(facts.summary).toBe("Drift: a usual path of checkout POST /orders went missing (- service:loyalty)");
    expect(facts.data).toMatchObject({ previous_path: "api_endpoint:POST /orders → service:loyalty", current_path: "api_endpoint:POST /orders", removed_nodes: ["service:loyalty"] });
  });

  it("says why a run failed and links its flow, or its trace without one", () => {
    const run = {
      id: "e-1",
      workspaceId: "shop",
      testName: "checkout",
      flowId: "f-1",
      traceId: "t".repeat(32),
      result: validation({
        missing_nodes: [{ type: "service", identifier: "loyalty", index: 2 }],
        error_spans: [
          { span_id: "s", service: "orders", operation: "POST /orders", message: "card declined", expected: false },
          { span_id: "s2", service: "orders", operation: "GET /x", message: "", expected: true },
        ],
        failed_assertions: [{ expression: "span.count < 3", detail: "5" }],
      }),
    };
    const facts = describeRunFailed(run);
    expect(facts.summary).toBe('Test run "checkout" failed: missing service:loyalty and 2 more');
    expect(facts.path).toBe("/w/shop/flows/f-1");
    expect(facts.data.problems).toEqual(["missing service:loyalty", "error in orders POST /orders: card declined", "assertion failed: span.count < 3"]);
    expect(facts.data.why).toEqual([]);
    expect(describeRunFailed({ ...run, flowId: null, result: validation({}) })).toMatchObject({ summary: 'Test run "checkout" failed', path: `/w/shop/traces/${"t".repeat(32)}` });
    // With the run's diagnosis, the summary leads with why, as the runner's report does.
    const diagnosed = describeRunFailed({
      ...run,
      result: validation({
        diagnosis: {
          first_divergence: null,
          error_chain: {
            origin: { span_id: "s", service: "payments", operation: "POST /charges", status_message: "card declined", reason: "leaf_error" },
            links: [{ span_id: "r", service: "orders", operation: "POST /orders", status_message: "" }],
          },
          slow_nodes: [],
        },
      }),
    });
    expect(diagnosed.summary).toBe('Test run "checkout" failed: error: starts at payments POST /charges "card declined" → orders POST /orders');
    expect(diagnosed.data.why).toEqual(['error: starts at payments POST /charges "card declined" → orders POST /orders']);
  });

  it("links a crossed threshold to the model's last hour on the LLM page", () => {
    const facts = describeThresholdCrossed({ workspaceId: "shop", model: "gpt-4o mini", metric: "error_rate", value: 0.5, threshold: 0.1, message: "gpt-4o mini: error rate 50% (1 of 2 calls) is above the 10% threshold", windowMs: 3_600_000 });
    expect(facts.path).toBe("/w/shop/llm?range=1h&model=gpt-4o+mini");
    expect(facts.summary).toBe("LLM threshold crossed: gpt-4o mini: error rate 50% (1 of 2 calls) is above the 10% threshold");
    expect(facts.data).toEqual({ model: "gpt-4o mini", metric: "error_rate", value: 0.5, threshold: 0.1, window_ms: 3_600_000 });
  });
});
