import { describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { makeTraceSpan } from "../traces/testing/make-trace-span";
import { buildSystemModel, endpointId } from "./build-system-model";
import { modelInputFromTraces } from "./testing/model-input-from-traces";
import { shopTraces } from "./testing/shop-traces";

const ORDERS = { service: "orders", method: "POST", route: "/api/v1/orders" };
const ORDER = { service: "orders", method: "GET", route: "/api/v1/orders/:id" };

describe("buildSystemModel", () => {
  const model = buildSystemModel(modelInputFromTraces(shopTraces(), 1_000));

  it("learns each endpoint's statuses, parameters and body shapes from its traffic", () => {
    const create = model.endpoints.find((e) => e.id === endpointId(ORDERS))!;
    expect(create).toMatchObject({ service: "orders", method: "POST", route: "/api/v1/orders", openapiPath: "/api/v1/orders", callCount: 2, sampleCount: 2 });
    expect(create.statusCodes).toEqual([{ value: 201, count: 2 }]);
    expect(create.requestBody).toMatchObject({ type: "object", required: ["customerId", "items"] });
    expect(create.requestExample).toEqual({ customerId: "cust-1", items: [{ productId: "p-100", quantity: 2 }] });
    expect(create.responses[0]).toMatchObject({ status: 201, count: 2 });
    expect((create.responses[0].schema!.properties as Record<string, { format?: string }>).createdAt.format).toBe("date-time");
    expect(create.downstream.databases).toEqual([{ system: "postgresql", name: "shop", operation: "INSERT", tables: ["orders"], writes: true, count: 2 }]);
    expect(create.downstream.topics).toEqual([{ name: "order.created", count: 2 }]);
    expect(create.entity).toEqual({ name: "order", operation: "create", idParameter: null });

    const read = model.endpoints.find((e) => e.id === endpointId(ORDER))!;
    expect(read.statusCodes).toEqual([{ value: 200, count: 2 }, { value: 404, count: 1 }]);
    expect(read.pathParameters).toEqual([{ name: "id", example: "ord-4711", required: true }]);
    expect(read.responses.map((r) => [r.status, r.schema === null])).toEqual([[200, false], [404, true]]);
    expect(read.p95Ms).toBeGreaterThan(0);
    expect(read.flowIds.length).toBeGreaterThan(0);
  });

  it("gives an entity its operations from routes, statements and events", () => {
    const order = model.entities.find((e) => e.name === "order")!;
    expect(order.operations.map((o) => o.kind)).toEqual(["create", "read", "delete"]);
    const create = order.operations.find((o) => o.kind === "create")!;
    expect(create.endpointIds).toEqual([endpointId(ORDERS)]);
    expect(create.databaseOperations).toEqual([{ system: "postgresql", table: "orders", operation: "INSERT", count: 2 }]);
    expect(create.events).toEqual(["order.created"]);
    expect(order.seenIn.map((s) => s.kind)).toEqual(expect.arrayContaining(["route", "table", "topic"]));
    expect(order.idFields).toContain("id");
  });

  it("records which endpoint consumes the id another produced, across traces", () => {
    const order = model.entities.find((e) => e.name === "order")!;
    expect(order.dataFlow).toContainEqual({
      producerEndpointId: endpointId(ORDERS),
      producedAt: "body.id",
      consumerEndpointId: endpointId(ORDER),
      consumedAt: "path.id",
      count: 2,
      example: "ord-4711",
      acrossTraces: true,
    });
    expect(order.creator).toEqual({ endpointId: endpointId(ORDERS), idField: "id" });
    expect(order.bodiesRecorded).toBe(true);
    expect(order.notes).toEqual([]);
  });

  it("names entities that request bodies refer to by id field", () => {
    const customer = model.entities.find((e) => e.name === "customer")!;
    expect(customer.seenIn).toEqual([{ kind: "body_field", where: "POST /api/v1/orders body.customerId" }]);
    expect(model.entities.find((e) => e.name === "product")!.seenIn).toEqual([{ kind: "body_field", where: "POST /api/v1/orders body.items.productId" }]);
  });

  it("lists datastores with their tables and topics with their producers", () => {
    expect(model.datastores).toEqual([
      { system: "postgresql", name: "shop", services: ["orders"], tables: [{ name: "orders", writes: true, operations: [{ value: "INSERT", count: 2 }, { value: "SELECT", count: 3 }, { value: "DELETE", count: 1 }].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)) }] },
    ]);
    expect(model.topics).toEqual([{ name: "order.created", producers: ["orders"], consumers: [], entity: "order" }]);
  });

  it("says what a service's instrumentation misses", () => {
    const legacy = model.services.find((s) => s.name === "legacy")!;
    expect(legacy.instrumentation).toMatchObject({ serverSpans: 1, serverSpansWithoutRoute: 1 });
    expect(legacy.instrumentation.advice[0]).toMatch(/1 of 1 server spans have no http.route/);
    expect(model.services.find((s) => s.name === "orders")!.instrumentation.advice).toEqual([]);
    expect(model).toMatchObject({ flowCount: 4, sampledTraceCount: 7, generatedAtMs: 1_000 });
  });

  it("says so on the entity when no bodies were recorded instead of guessing", () => {
    const bare = shopTraces().map((trace) => trace.map((s) => ({ ...s, attributes: Object.fromEntries(Object.entries(s.attributes).filter(([k]) => !k.includes(".body"))) })));
    const order = buildSystemModel(modelInputFromTraces(bare)).entities.find((e) => e.name === "order")!;
    expect(order.dataFlow).toEqual([]);
    expect(order.bodiesRecorded).toBe(false);
    expect(order.creator).toEqual({ endpointId: endpointId(ORDERS), idField: null });
    expect(order.notes.join(" ")).toMatch(/No request or response bodies were recorded/);
    expect(order.notes.join(" ")).toMatch(/no recorded response showed where the new id is/);
  });

  it("is the same model whatever order the traces arrive in", () => {
    const reversed = buildSystemModel(modelInputFromTraces([...shopTraces()].reverse(), 1_000));
    expect(JSON.stringify(reversed.entities)).toBe(JSON.stringify(model.entities));
    expect(reversed.endpoints.map((e) => e.id)).toEqual(model.endpoints.map((e) => e.id));
  });
});

describe("data flow through a gateway", () => {
  it("does not take a relayed request's id from the response that relayed it", () => {
    const t = (n: number) => n.toString(16).padStart(32, "0");
    const gateway = (traceId: string, method: string, route: string, path: string, startMs: number, endMs: number, response?: unknown) =>
      makeTraceSpan({ traceId, spanId: `${traceId.slice(-2)}g`, service: "gateway", kind: SpanKind.SERVER, name: `${method} ${route}`, startMs, endMs, attributes: { "http.request.method": method, "http.route": route, "url.path": path, "http.response.status_code": 200, ...(response ? { "http.response.body": JSON.stringify(response) } : {}) } });
    const orders = (traceId: string, parent: string, method: string, route: string, path: string, startMs: number, endMs: number, response?: unknown) =>
      makeTraceSpan({ traceId, spanId: `${traceId.slice(-2)}o`, parentSpanId: parent, service: "orders", kind: SpanKind.SERVER, name: `${method} ${route}`, startMs, endMs, attributes: { "http.request.method": method, "http.route": route, "url.path": path, "http.response.status_code": 200, ...(response ? { "http.response.body": JSON.stringify(response) } : {}) } });
    const create = [gateway(t(1), "POST", "/api/orders", "/api/orders", 0, 50, { id: "ord-123" }), orders(t(1), `${t(1).slice(-2)}g`, "POST", "/orders", "/orders", 5, 40, { id: "ord-123" })];
    const read = [gateway(t(2), "GET", "/api/orders/:id", "/api/orders/ord-123", 100, 150, { id: "ord-123" }), orders(t(2), `${t(2).slice(-2)}g`, "GET", "/orders/:id", "/orders/ord-123", 105, 140, { id: "ord-123" })];
    const model = buildSystemModel(modelInputFromTraces([create, read]));
    const flows = model.entities.find((e) => e.name === "order")!.dataFlow.map((d) => `${model.endpoints.find((e) => e.id === d.producerEndpointId)!.route} ${d.producedAt} → ${model.endpoints.find((e) => e.id === d.consumerEndpointId)!.route} ${d.consumedAt}`);
    // Each read takes the id from the create of its own service, never from the gateway read
    // that relayed it, whose response ends after it.
    expect(flows).toEqual(["/api/orders body.id → /api/orders/:id path.id", "/orders body.id → /orders/:id path.id"]);
  });
});

describe("request examples", () => {
  it("come from a request that succeeded, not one the endpoint refused", () => {
    const t = (n: number) => n.toString(16).padStart(32, "0");
    const order = (n: number, status: number, body: unknown) => [
      makeTraceSpan({ traceId: t(n), spanId: "s1", service: "orders", kind: SpanKind.SERVER, name: "POST /orders", status: status >= 500 ? "error" : "unset", attributes: { "http.request.method": "POST", "http.route": "/orders", "url.path": "/orders", "http.response.status_code": status, "http.request.body": JSON.stringify(body) } }),
    ];
    // Trace ids order the samples: the refused order comes first.
    const model = buildSystemModel(modelInputFromTraces([order(1, 409, { sku: "sold-out-1" }), order(2, 201, { sku: "in-stock-1" })]));
    expect(model.endpoints[0].requestExample).toEqual({ sku: "in-stock-1" });
  });
});
