// Runs as the report, the JUnit file and the exit code see them, shared by their tests.
import type { TestRun, TraceVerdict } from "./test-run";

const cleanVerdict: TraceVerdict = {
  execution_id: "3c9f3f4e-5d55-4c1e-9d37-0d4c2c1c9a10",
  trace_id: "0af7651916cd43dd8448eb211c80319c",
  status: "passed",
  path_match: true,
  missing_nodes: [],
  unexpected_nodes: [],
  order_violations: [],
  slow_spans: [],
  error_spans: [],
  failed_assertions: [],
  inconclusive_assertions: [],
  reasons: [],
};

export const passedRun: TestRun = {
  file: "tests/orders.yaml",
  name: "orders → POST /orders",
  status: "passed",
  durationMs: 1234,
  executionId: cleanVerdict.execution_id,
  traceId: cleanVerdict.trace_id,
  setupFailures: [],
  requestFailures: [],
  validation: cleanVerdict,
  reasons: [],
};

export const failedRun: TestRun = {
  file: "tests/pay.yaml",
  name: 'payments → POST /pay <"&">',
  status: "failed",
  durationMs: 2500,
  executionId: "9b1d7e2a-1111-4c1e-9d37-0d4c2c1c9a10",
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  setupFailures: [],
  requestFailures: ["trigger post_pay: expected status 201, got 500"],
  validation: {
    ...cleanVerdict,
    status: "failed",
    path_match: false,
    missing_nodes: [{ type: "database", identifier: "payments", service: "payments", index: 1 }],
    unexpected_nodes: [{ type: "api_endpoint", identifier: "GET /retry", service: "payments", index: 2 }],
    order_violations: [{ type: "topic", identifier: "paid", expected_index: 2, actual_index: 3 }],
    slow_spans: [{ span_id: "s1", service: "payments", operation: "charge", node: "service:stripe", duration_ms: 812.4, budget_ms: 300, p95_ms: 200 }],
    error_spans: [
      { span_id: "s2", service: "payments", operation: "POST /pay", message: "card declined", expected: false },
      { span_id: "s3", service: "payments", operation: "lookup", message: "cache miss", expected: true },
    ],
    failed_assertions: [{ expression: "trace.duration_ms < 1000", detail: "trace.duration_ms was 1500" }],
    reasons: [],
  },
  reasons: [],
};

export const inconclusiveRun: TestRun = {
  file: "tests/ship.yaml",
  name: "shipping → POST /ship",
  status: "inconclusive",
  durationMs: 31_000,
  executionId: "77777777-1111-4c1e-9d37-0d4c2c1c9a10",
  traceId: "5bf92f3577b34da6a3ce929d0e0e4736",
  setupFailures: [],
  requestFailures: [],
  validation: { ...cleanVerdict, status: "inconclusive", reasons: ["the trace never arrived: no span of the system carried the run's trace id"] },
  reasons: ["the trace never arrived: no span of the system carried the run's trace id"],
};

/** A gold customer's order whose trace left the flow, failed and was slow: every part of a diagnosis. */
export const diagnosedRun: TestRun = {
  ...failedRun,
  file: "tests/orders-gold.yaml",
  name: "POST /api/v1/orders (gold customer)",
  requestFailures: [],
  validation: {
    ...cleanVerdict,
    status: "failed",
    path_match: false,
    missing_nodes: [{ type: "api_endpoint", identifier: "POST /loyalty/points", service: "loyalty", index: 4 }],
    slow_spans: [{ span_id: "db1", service: "orders", operation: "INSERT orders", node: "database:orders", duration_ms: 812, budget_ms: 180, p95_ms: 120 }],
    error_spans: [{ span_id: "p1", service: "products", operation: "GET /products/:id", message: "supplier feed for machines timed out", expected: false }],
    diagnosis: {
      first_divergence: {
        kind: "missing",
        expected_node: { type: "api_endpoint", identifier: "POST /loyalty/points", service: "loyalty" },
        unexpected_node: null,
        after_node: { type: "api_endpoint", identifier: "POST /orders", service: "orders" },
        diverged_at: { span_id: "o1", service: "orders", operation: "POST /orders" },
        request_attributes: { "customer.tier": "standard" },
        explanation: "`POST /loyalty/points` was not called; this request had `customer.tier = standard`, and `POST /loyalty/points` is only called when `customer.tier = gold`",
        summary: "`POST /loyalty/points` (loyalty) was not called after `POST /orders` (orders); this request had `customer.tier = standard`, and `POST /loyalty/points` is only called when `customer.tier = gold`",
      },
      error_chain: {
        origin: { span_id: "p1", service: "products", operation: "GET /products/:id", status_message: "supplier feed for machines timed out", reason: "leaf_error" },
        links: [
          { span_id: "o1", service: "orders", operation: "POST /orders", status_message: "" },
          { span_id: "g1", service: "api-gateway", operation: "POST /api/v1/orders", status_message: "" },
        ],
      },
      slow_nodes: [
        {
          node: "database:orders",
          span_id: "db1",
          duration_ms: 812,
          baseline_p95_ms: 120,
          budget_ms: 180,
          child: { span_id: "db1", service: "orders", operation: "INSERT orders", self_time_ms: 790, duration_ms: 812 },
        },
      ],
    },
  },
};
