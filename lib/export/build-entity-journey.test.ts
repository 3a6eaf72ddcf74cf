import { describe, expect, it } from "vitest";
import { buildSystemModel } from "../model/build-system-model";
import { modelInputFromTraces } from "../model/testing/model-input-from-traces";
import { shopTraces } from "../model/testing/shop-traces";
import { buildEntityJourney, type EntryFlow } from "./build-entity-journey";
import { flowprintTestSchema } from "./flowprint-test.schema";
import { renderTestYaml } from "./render-test-yaml";

const model = buildSystemModel(modelInputFromTraces(shopTraces()));
const order = model.entities.find((e) => e.name === "order")!;
const byRoute = (method: string, route: string) => model.endpoints.find((e) => e.method === method && e.route === route)!;

const entryFlows = new Map<string, EntryFlow>([
  [byRoute("POST", "/api/v1/orders").id, { id: "f1", path: [{ type: "api_endpoint", identifier: "POST /api/v1/orders", service: "orders" }, { type: "database", identifier: "shop", service: "orders" }, { type: "topic", identifier: "order.created", service: "orders" }], nodeP95Ms: new Map([["api_endpoint:POST /api/v1/orders", 20]]) }],
  [byRoute("GET", "/api/v1/orders/:id").id, { id: "f2", path: [{ type: "api_endpoint", identifier: "GET /api/v1/orders/:id", service: "orders" }, { type: "database", identifier: "shop", service: "orders" }], nodeP95Ms: new Map() }],
]);

describe("buildEntityJourney", () => {
  const { test, notes } = buildEntityJourney({ entity: order, model, entryFlows, origin: "http://shop.test", timeoutMs: 30_000 });

  it("walks the order through create, read, delete and a read that answers 404, in that order", () => {
    expect(test).not.toBeNull();
    const requests = [test!.trigger, ...test!.steps];
    expect(requests.map((r) => [r.id, r.method, r.url, r.expect?.status])).toEqual([
      ["create_order", "POST", "{{base_url}}/api/v1/orders", 201],
      ["read_order", "GET", "{{base_url}}/api/v1/orders/{{create_order.body.id}}", 200],
      ["delete_order", "DELETE", "{{base_url}}/api/v1/orders/{{create_order.body.id}}", 204],
      ["read_order_after_delete", "GET", "{{base_url}}/api/v1/orders/{{create_order.body.id}}", 404],
    ]);
    expect(test!.trigger.body).toEqual({ customerId: "cust-1", items: [{ productId: "p-100", quantity: 2 }] });
    expect(test!.variables.base_url).toBe("http://shop.test");
  });

  it("gives each step the nodes of the flow its endpoint starts, and says which steps traffic never showed", () => {
    expect(test!.trigger.expect?.nodes?.map((n) => n.identifier)).toEqual(["POST /api/v1/orders", "shop", "order.created"]);
    expect(test!.trigger.expect?.nodes?.[0]).toMatchObject({ p95_ms: 20, max_duration_ms: 45 });
    expect(test!.steps[0].expect?.nodes?.map((n) => n.identifier)).toEqual(["GET /api/v1/orders/:id", "shop"]);
    // No flow was given for the delete's endpoint, and the read after it checks only its status.
    expect(test!.steps[1].expect?.nodes).toBeUndefined();
    expect(test!.steps[2].expect?.nodes).toBeUndefined();
    expect(notes.map((n) => n.message)).toEqual(["no update of an order by id was seen on orders: the journey has no update step."]);
  });

  it("is a valid Flowprint test file", () => {
    const parsed = flowprintTestSchema.safeParse(JSON.parse(JSON.stringify(test)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(renderTestYaml(test, ["journey"], notes)).toContain("# no update of an order by id was seen on orders");
  });

  it("refuses an entity nobody was seen creating", () => {
    const customer = model.entities.find((e) => e.name === "customer")!;
    expect(buildEntityJourney({ entity: customer, model, entryFlows, origin: null, timeoutMs: 1_000 })).toEqual({ test: null, notes: [{ path: [], message: "no endpoint was seen creating a customer: a journey starts with its creation." }] });
  });
});

describe("a journey step's request", () => {
  it("is the one its flow's representative recorded, so the request takes the path the step expects", () => {
    const create = byRoute("POST", "/api/v1/orders").id;
    const flows = new Map(entryFlows);
    flows.set(create, { ...entryFlows.get(create)!, request: { body: { customerId: "cust-gold" }, headers: { "x-tier": "gold" } } });
    const { test } = buildEntityJourney({ entity: order, model, entryFlows: flows, origin: null, timeoutMs: 1_000 });
    expect(test!.trigger).toMatchObject({ body: { customerId: "cust-gold" }, headers: { "x-tier": "gold" } });
  });
});
