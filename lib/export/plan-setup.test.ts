import { describe, expect, it } from "vitest";
import { buildSystemModel } from "../model/build-system-model";
import type { SystemModel } from "../model/model-types";
import { modelInputFromTraces } from "../model/testing/model-input-from-traces";
import { shopTraces } from "../model/testing/shop-traces";
import type { FlowprintTest } from "./flowprint-test.schema";
import { planSetup } from "./plan-setup";
import { renderTestYaml } from "./render-test-yaml";

const model = buildSystemModel(modelInputFromTraces(shopTraces()));

function testOf(trigger: Partial<FlowprintTest["trigger"]>, variables: Record<string, string> = {}): FlowprintTest {
  return {
    version: 1,
    name: "t",
    variables: { base_url: "http://shop.test", ...variables },
    setup: [],
    trigger: { id: "trigger", method: "GET", url: "{{base_url}}/", ...trigger },
    steps: [],
    expect_trace: { nodes: [], trace_assert: [] },
  };
}

describe("planSetup", () => {
  it("creates the order a read needs and reads the id the creation returned", () => {
    const { test, notes } = planSetup(testOf({ url: "{{base_url}}/api/v1/orders/{{id}}" }, { id: "ord-4711" }), model, { service: "orders", method: "GET", route: "/api/v1/orders/:id" });
    expect(test.setup).toEqual([
      {
        id: "setup_create_order",
        name: "create an order: POST /api/v1/orders",
        method: "POST",
        url: "{{base_url}}/api/v1/orders",
        body: { customerId: "cust-1", items: [{ productId: "p-100", quantity: 2 }] },
        expect: { status: 201 },
      },
    ]);
    expect(test.trigger.url).toBe("{{base_url}}/api/v1/orders/{{setup_create_order.body.id}}");
    expect(test.variables).toEqual({ base_url: "http://shop.test" });
    // Nobody was seen creating customers or products: their recorded ids stay, and the file says so.
    expect(notes.map((n) => n.path)).toEqual([
      ["setup", 0, "body", "customerId"],
      ["setup", 0, "body", "items", 0, "productId"],
    ]);
    expect(notes[0].message).toMatch(/no endpoint was seen creating a customer; the recorded cust-1 is kept/);
  });

  it("leaves a trigger alone that needs nothing created", () => {
    const original = testOf({ method: "POST", url: "{{base_url}}/api/v1/orders", body: { note: "x" } });
    const { test, notes } = planSetup(original, model, { service: "orders", method: "POST", route: "/api/v1/orders" });
    expect(test.setup).toEqual([]);
    expect(notes).toEqual([]);
    expect(test).toEqual(original);
  });

  it("says when the creator's response never showed the new id", () => {
    const bare = shopTraces().map((trace) => trace.map((s) => ({ ...s, attributes: Object.fromEntries(Object.entries(s.attributes).filter(([k]) => k !== "http.response.body")) })));
    const { test, notes } = planSetup(testOf({ url: "{{base_url}}/api/v1/orders/{{id}}" }, { id: "ord-4711" }), buildSystemModel(modelInputFromTraces(bare)), { service: "orders", method: "GET", route: "/api/v1/orders/:id" });
    expect(test.setup).toEqual([]);
    expect(test.trigger.url).toBe("{{base_url}}/api/v1/orders/{{id}}");
    expect(notes).toEqual([{ path: ["trigger", "url"], message: expect.stringMatching(/POST \/api\/v1\/orders creates an order, but no recorded response showed where its id is/) }]);
  });

  it("creates dependencies first, recursively, and reports a cycle instead of looping", () => {
    // customers are created with a referral order, orders need a customer: a cycle.
    const cyclic: SystemModel = structuredClone(model);
    const createCustomer = { ...structuredClone(cyclic.endpoints.find((e) => e.method === "POST")!), id: "ep-customers0000000", route: "/api/v1/customers", entity: { name: "customer", operation: "create" as const, idParameter: null }, requestExample: { orderId: "ord-1" } };
    cyclic.endpoints.push(createCustomer);
    cyclic.entities = cyclic.entities.map((e) => (e.name === "customer" ? { ...e, operations: [{ kind: "create", endpointIds: [createCustomer.id], databaseOperations: [], events: [] }], creator: { endpointId: createCustomer.id, idField: "id" } } : e));
    const { test, notes } = planSetup(testOf({ url: "{{base_url}}/api/v1/orders/{{id}}" }, { id: "ord-4711" }), cyclic, { service: "orders", method: "GET", route: "/api/v1/orders/:id" });
    expect(test.setup.map((s) => s.id)).toEqual(["setup_create_customer", "setup_create_order"]);
    expect((test.setup[1].body as { customerId: string }).customerId).toBe("{{setup_create_customer.body.id}}");
    expect(notes.find((n) => /other way round/.test(n.message)), JSON.stringify(notes, null, 1)).toMatchObject({ path: ["setup", 0, "body", "orderId"] });
  });

  it("renders its notes as comments where they apply", () => {
    const { test, notes } = planSetup(testOf({ url: "{{base_url}}/api/v1/orders/{{id}}" }, { id: "ord-4711" }), model, { service: "orders", method: "GET", route: "/api/v1/orders/:id" });
    const yaml = renderTestYaml(test, ["header"], notes);
    expect(yaml).toMatch(/ {6}# trigger body|# setup setup_create_order body.customerId: no endpoint was seen creating a customer[^\n]*\n\s+customerId: cust-1/);
  });
  it("keeps the recorded id of a read recorded answering 404: a missing order is the case", () => {
    const original = testOf({ url: "{{base_url}}/api/v1/orders/{{id}}", expect: { status: 404 } }, { id: "ord-0404" });
    const { test, notes } = planSetup(original, model, { service: "orders", method: "GET", route: "/api/v1/orders/:id" });
    expect(test).toEqual(original);
    expect(notes).toEqual([]);
  });
});
