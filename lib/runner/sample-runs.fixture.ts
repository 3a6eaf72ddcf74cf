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
