import { describe, expect, it } from "vitest";
import { chainRequests, isIdentifying } from "./chain-requests";
import type { RecordedCall } from "./read-journey-calls";

const call = (overrides: Partial<RecordedCall>): RecordedCall => ({
  method: "GET",
  origin: "http://shop.local:8080",
  path: "/",
  query: null,
  route: null,
  calleeService: "gateway",
  headers: {},
  requestBody: undefined,
  responseBody: undefined,
  status: 200,
  ...overrides,
});

describe("chainRequests", () => {
  it("turns a value an earlier response returned into a reference to that response", () => {
    const { requests, variables } = chainRequests([
      call({ method: "POST", path: "/api/orders", route: "/api/orders", requestBody: { sku: "p-100", quantity: 1 }, responseBody: { id: "o-7f3a", items: [{ order_id: "o-7f3a", line: 1 }], total: 1999 }, status: 201 }),
      call({ path: "/api/orders/o-7f3a", route: "/api/orders/:id" }),
      call({ method: "POST", path: "/api/payments", route: "/api/payments", query: "order=o-7f3a", headers: { "x-order": "o-7f3a" }, requestBody: { order: "o-7f3a", amount: 1999, note: "gift" } }),
    ]);
    expect(variables).toEqual({ base_url: "http://shop.local:8080" });
    expect(requests.map((r) => r.id)).toEqual(["post_api_orders", "get_api_orders_id", "post_api_payments"]);
    expect(requests[0]).toEqual({ id: "post_api_orders", name: "POST /api/orders", method: "POST", url: "{{base_url}}/api/orders", body: { sku: "p-100", quantity: 1 }, expect: { status: 201 } });
    expect(requests[1].url).toBe("{{base_url}}/api/orders/{{post_api_orders.body.id}}");
    expect(requests[2].url).toBe("{{base_url}}/api/payments?order={{post_api_orders.body.id}}");
    expect(requests[2].headers).toEqual({ "x-order": "{{post_api_orders.body.id}}" });
    // 1999 stays typed: a string that is one placeholder renders as the number.
    expect(requests[2].body).toEqual({ order: "{{post_api_orders.body.id}}", amount: "{{post_api_orders.body.total}}", note: "gift" });
  });

  it("prefers the latest response that returned the value", () => {
    const { requests } = chainRequests([
      call({ method: "POST", path: "/carts", responseBody: { cart: "c-12345" } }),
      call({ method: "POST", path: "/carts/c-12345/checkout", responseBody: { cart: "c-12345", order: "o-1" } }),
      call({ path: "/carts/c-12345" }),
    ]);
    expect(requests[1].url).toBe("{{base_url}}/carts/{{post_carts.body.cart}}/checkout");
    expect(requests[2].url).toBe("{{base_url}}/carts/{{post_carts_c_12345_checkout.body.cart}}");
  });

  it("keeps route parameters no response returned as variables, and names other origins", () => {
    const { requests, variables } = chainRequests([
      call({ path: "/products/p-1", route: "/products/:id" }),
      call({ path: "/products/p-2", route: "/products/:id" }),
      call({ origin: "http://pay.local:9000", calleeService: "payments", path: "/health" }),
    ]);
    expect(requests.map((r) => r.url)).toEqual(["{{base_url}}/products/{{id}}", "{{base_url}}/products/{{id_2}}", "{{payments_url}}/health"]);
    expect(requests.map((r) => r.id)).toEqual(["get_products_id", "get_products_id_2", "get_health"]);
    expect(variables).toEqual({ base_url: "http://shop.local:8080", id: "p-1", id_2: "p-2", payments_url: "http://pay.local:9000" });
  });

  it("does not chain values that identify nothing", () => {
    expect([1, 42, true, "ok", "yes", "a b c 123"].map(isIdentifying)).toEqual([false, false, false, false, false, false]);
    expect([100, "o-1", "confirmed-order", "0af7651916cd43dd"].map(isIdentifying)).toEqual([true, true, true, true]);
    const { requests } = chainRequests([call({ method: "POST", path: "/a", responseBody: { ok: true, count: 1 } }), call({ method: "POST", path: "/b", requestBody: { ok: true, count: 1 } })]);
    expect(requests[1].body).toEqual({ ok: true, count: 1 });
  });
});
