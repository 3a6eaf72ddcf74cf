import { describe, expect, it } from "vitest";
import { buildFlowprintTest, type ExportableFlow } from "./build-flowprint-test";
import { stepId } from "./step-id";
import { buildTestmeshFlow } from "./build-testmesh-flow";
import { flowprintTestSchema } from "./flowprint-test.schema";
import { loadFlowprintTest } from "./load-flowprint-test";
import { renderTestYaml } from "./render-test-yaml";

const flow: ExportableFlow = {
  id: "3f0c7c5e-8d7e-4a55-9a43-5b8f1c2d9e10",
  name: "api-gateway → POST /orders",
  entryService: "api-gateway",
  entryOperation: "POST /orders",
  fingerprint: "ac768ca7c2225b8d4baf791c12f0d40fd1b916bf5e116a5721abe671297820e7",
  path: [
    { type: "api_endpoint", identifier: "POST /orders", service: "api-gateway" },
    { type: "api_endpoint", identifier: "POST /orders", service: "orders" },
    { type: "database", identifier: "orders", service: "orders" },
    { type: "topic", identifier: "order.created", service: "orders" },
  ],
  occurrenceCount: 247,
  riskScore: 0.31685,
  errorRate: 0.02,
  p95DurationMs: 342.5,
  nodeP95Ms: new Map([
    ["api_endpoint:POST /orders", 300],
    ["database:orders", 12.34],
  ]),
};

const entry = {
  traceId: "0af7651916cd43dd8448eb211c80319c",
  spanName: "POST /orders",
  attributes: {
    "http.request.method": "POST",
    "http.route": "/orders",
    "url.path": "/orders",
    "url.scheme": "http",
    "server.address": "127.0.0.1",
    "server.port": 4100,
    "http.response.status_code": 201,
    "http.request.body": '{"customerId":"c-1","items":[{"productId":"p-1","quantity":2}]}',
  },
};

describe("buildFlowprintTest", () => {
  const test = buildFlowprintTest(flow, entry, { timeoutMs: 30_000 });

  it("replays the recorded entry request and expects the production status", () => {
    expect(test.trigger).toEqual({
      id: "post_orders",
      name: "POST /orders",
      method: "POST",
      url: "{{base_url}}/orders",
      body: { customerId: "c-1", items: [{ productId: "p-1", quantity: 2 }] },
      expect: { status: 201 },
    });
    expect(test.variables).toEqual({ base_url: "http://127.0.0.1:4100" });
    expect(test.description).toBe("Auto-discovered flow (seen 247 times, risk score 0.32)");
    expect(test.discovered_from).toEqual({ flow_id: flow.id, fingerprint: flow.fingerprint, sample_trace_id: entry.traceId, occurrence_count: 247 });
  });

  it("expects the path in order with budgets of 1.5 × each node's P95, at least P95 + 25 ms", () => {
    expect(test.expect_trace.nodes).toEqual([
      { type: "api_endpoint", identifier: "POST /orders", service: "api-gateway", p95_ms: 300, max_duration_ms: 450 },
      { type: "api_endpoint", identifier: "POST /orders", service: "orders", p95_ms: 300, max_duration_ms: 450 },
      { type: "database", identifier: "orders", service: "orders", p95_ms: 12.34, max_duration_ms: 37.34 },
      { type: "topic", identifier: "order.created", service: "orders" },
    ]);
    expect(test.expect_trace.trace_assert).toEqual(["trace.span('api-gateway') != nil", "trace.spans | filter(.status == 'error') | len == 0", "trace.duration_ms < 1028"]);
    expect(test.expect_trace.timeout_ms).toBe(30_000);
  });

  it("is valid against its own schema and survives YAML", () => {
    expect(flowprintTestSchema.safeParse(test).success).toBe(true);
    const loaded = loadFlowprintTest(renderTestYaml(test, ["Flowprint test", "run: npx flowprint run this.yaml"]));
    expect(loaded).toEqual({ ok: true, test });
  });

  it("expects no error span unless the flow usually fails", () => {
    expect(buildFlowprintTest({ ...flow, errorRate: 1 }, entry, { timeoutMs: 1 }).expect_trace.trace_assert).toEqual(["trace.span('api-gateway') != nil", "trace.duration_ms < 1028"]);
  });

  it("keeps budgets above timer noise", () => {
    const quick = buildFlowprintTest({ ...flow, p95DurationMs: 0.4, nodeP95Ms: new Map([["database:orders", 0.04]]) }, entry, { timeoutMs: 1 });
    expect(quick.expect_trace.nodes[2]).toMatchObject({ p95_ms: 0.04, max_duration_ms: 25.04 });
    expect(quick.expect_trace.trace_assert).toContain("trace.duration_ms < 1000");
  });

  it("keeps what it knows when the representative trace is gone", () => {
    const bare = buildFlowprintTest({ ...flow, entryOperation: "GET /orders/:id" }, null, { timeoutMs: 5_000 });
    expect(bare.trigger).toMatchObject({ method: "GET", url: "{{base_url}}/orders/{{id}}" });
    expect(bare.variables).toEqual({ base_url: "http://localhost:8080", id: "" });
    expect(bare.discovered_from?.sample_trace_id).toBeNull();
  });

  it("replays a journey trace as chained steps and expects only the system's part of the path", () => {
    const journeyFlow: ExportableFlow = {
      ...flow,
      name: "storefront → checkout journey",
      entryService: "storefront",
      entryOperation: "checkout journey",
      path: [{ type: "service", identifier: "storefront", service: "storefront" }, ...flow.path, { type: "api_endpoint", identifier: "GET /orders/:id", service: "api-gateway" }],
    };
    const origin = "http://127.0.0.1:4100";
    const journey = [
      { method: "POST", origin, path: "/orders", query: null, route: "/orders", calleeService: "api-gateway", headers: {}, requestBody: { sku: "p-1" }, responseBody: { id: "o-123" }, status: 201 },
      { method: "GET", origin, path: "/orders/o-123", query: null, route: "/orders/:id", calleeService: "api-gateway", headers: {}, requestBody: undefined, responseBody: undefined, status: 200 },
    ];
    const chained = buildFlowprintTest(journeyFlow, { traceId: entry.traceId, spanName: "checkout journey", attributes: {}, journey }, { timeoutMs: 1_000 });
    expect(chained.trigger).toMatchObject({ id: "post_orders", url: "{{base_url}}/orders", body: { sku: "p-1" }, expect: { status: 201 } });
    expect(chained.steps).toEqual([{ id: "get_orders_id", name: "GET /orders/:id", method: "GET", url: "{{base_url}}/orders/{{post_orders.body.id}}", expect: { status: 200 } }]);
    expect(chained.variables).toEqual({ base_url: origin });
    expect(chained.expect_trace.nodes.map((n) => n.service)).not.toContain("storefront");
    expect(chained.expect_trace.nodes).toHaveLength(5);
    expect(chained.expect_trace.trace_assert[0]).toBe("trace.span('api-gateway') != nil");
    expect(loadFlowprintTest(renderTestYaml(chained, []))).toEqual({ ok: true, test: chained });
  });

  it("makes step ids from operations", () => {
    expect(stepId("GET /api/v1/users/{id}")).toBe("get_api_v1_users_id");
    expect(stepId("/health")).toBe("health");
    expect(stepId("42 things")).toBe("step_42_things");
  });
});

describe("buildTestmeshFlow", () => {
  it("has TestMesh's shape: http_request, kafka_producer and database_query steps", () => {
    expect(buildTestmeshFlow(flow)).toEqual({
      flow: {
        name: "api-gateway → POST /orders",
        description: "Auto-discovered flow (seen 247 times, risk score 0.32)",
        steps: [
          { id: "api_endpoint_post_orders_1", name: "POST /orders", action: "http_request", config: { method: "POST", url: "{{base_url}}/orders" } },
          { id: "api_endpoint_post_orders_2", name: "POST /orders", action: "http_request", config: { method: "POST", url: "{{base_url}}/orders" } },
          { id: "database_orders_3", name: "query orders", action: "database_query", config: { database: "orders", service: "orders" } },
          { id: "topic_order_created_4", name: "publish order.created", action: "kafka_producer", config: { brokers: "{{kafka_brokers}}", topic: "order.created" } },
        ],
      },
    });
  });
});
