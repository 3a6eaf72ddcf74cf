// Test-only: the demo's order placement as a test run records it. The gateway's entry span hangs
// under the runner's span, which validation leaves out, so the trace has no root; orders writes
// (or only reads) its database, calls loyalty for some customers and publishes order.created.
import { SpanKind, type Attributes } from "../../otlp/span";
import type { TraceContextSpanInput } from "../../trace-assert";
import { makeTraceSpan } from "../../traces/testing/make-trace-span";

export const RUNNER_SPAN_ID = "00000000000000f0";

export interface OrderTraceOptions {
  tier: string | null;
  loyalty: boolean;
  /** The orders database span's operation; null: no database call. */
  databaseOperation?: "INSERT" | "SELECT" | null;
  /** Where the gateway records the tier: its span (default) or its resource. */
  tierOn?: "span" | "resource";
}

export function orderTraceSpans({ tier, loyalty, databaseOperation = "INSERT", tierOn = "span" }: OrderTraceOptions): TraceContextSpanInput[] {
  const tierAttribute: Attributes = tier === null ? {} : { "customer.tier": tier };
  const spans: TraceContextSpanInput[] = [
    {
      ...makeTraceSpan({
        spanId: "00000000000000a1",
        parentSpanId: RUNNER_SPAN_ID,
        service: "api-gateway",
        name: "POST /api/v1/orders",
        kind: SpanKind.SERVER,
        startMs: 0,
        endMs: 40,
        attributes: { "http.request.method": "POST", "http.route": "/api/v1/orders", "http.response.status_code": 201, ...(tierOn === "span" ? tierAttribute : {}) },
      }),
      resourceAttributes: { "service.name": "api-gateway", ...(tierOn === "resource" ? tierAttribute : {}) },
    },
    makeTraceSpan({
      spanId: "00000000000000b1",
      parentSpanId: "00000000000000a1",
      service: "orders",
      name: "POST /orders",
      kind: SpanKind.SERVER,
      startMs: 2,
      endMs: 38,
      attributes: { "http.request.method": "POST", "http.route": "/orders", ...tierAttribute },
    }),
  ];
  if (databaseOperation !== null) {
    spans.push(
      makeTraceSpan({
        spanId: "00000000000000c1",
        parentSpanId: "00000000000000b1",
        service: "orders",
        name: `${databaseOperation} orders`,
        kind: SpanKind.CLIENT,
        startMs: 10,
        endMs: 12,
        attributes: {
          "db.system.name": "sqlite",
          "db.namespace": "orders",
          "db.collection.name": "orders",
          "db.operation.name": databaseOperation,
          "db.query.text": databaseOperation === "INSERT" ? "INSERT INTO orders (id, customer_id) VALUES (?, ?)" : "SELECT id FROM orders WHERE id = ?",
        },
      }),
    );
  }
  if (loyalty) {
    spans.push(
      makeTraceSpan({
        spanId: "00000000000000d1",
        parentSpanId: "00000000000000b1",
        service: "loyalty",
        name: "POST /loyalty/points",
        kind: SpanKind.SERVER,
        startMs: 14,
        endMs: 20,
        attributes: { "http.request.method": "POST", "http.route": "/loyalty/points" },
      }),
    );
  }
  spans.push(
    makeTraceSpan({
      spanId: "00000000000000e1",
      parentSpanId: "00000000000000b1",
      service: "orders",
      name: "order.created publish",
      kind: SpanKind.PRODUCER,
      startMs: 22,
      endMs: 23,
      attributes: { "messaging.destination.name": "order.created" },
    }),
  );
  return spans;
}
