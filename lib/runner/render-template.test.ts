import { describe, expect, it } from "vitest";
import { lookup, placeholdersIn, renderDeep, renderString, type RecordedResponse, type TemplateScope } from "./render-template";

const created: RecordedResponse = {
  status: 201,
  headers: { location: "/orders/o-1", "x-request-id": "r-9" },
  body: { id: "o-1", total: 12.5, paid: false, items: [{ sku: "p-1", qty: 2 }], note: null },
};
const scope: TemplateScope = {
  variables: { base_url: "http://localhost:4100", id: "o/1 a", qty: 2, gift: true, "api.key": "k" },
  responses: new Map([["create_order", created]]),
};

describe("renderString", () => {
  it("fills variables, and a lone placeholder keeps its value's type", () => {
    expect(renderString("Order {{id}} x{{ qty }}", scope)).toEqual({ ok: true, value: "Order o/1 a x2" });
    expect(renderString("{{qty}}", scope)).toEqual({ ok: true, value: 2 });
    expect(renderString("{{gift}}", scope)).toEqual({ ok: true, value: true });
    expect(renderString("no placeholders", scope)).toEqual({ ok: true, value: "no placeholders" });
  });

  it("escapes values inside a URL but not the origin at its start", () => {
    expect(renderString("{{base_url}}/orders/{{id}}?n={{qty}}", scope, { encode: true })).toEqual({ ok: true, value: "http://localhost:4100/orders/o%2F1%20a?n=2" });
    expect(renderString("{{base_url}}", scope, { encode: true })).toEqual({ ok: true, value: "http://localhost:4100" });
    expect(renderString("{{base_url}}{{create_order.headers.location}}/items", scope, { encode: true })).toEqual({ ok: true, value: "http://localhost:4100/orders/o-1/items" });
    expect(renderString("{{base_url}}/redirect?to={{base_url}}", scope, { encode: true })).toEqual({ ok: true, value: "http://localhost:4100/redirect?to=http://localhost:4100" });
  });

  it("reads status, headers and JSON body paths of earlier responses", () => {
    expect(renderString("{{create_order.status}}", scope)).toEqual({ ok: true, value: 201 });
    expect(renderString("{{create_order.body.id}}", scope)).toEqual({ ok: true, value: "o-1" });
    expect(renderString("{{create_order.body.items.0.qty}}", scope)).toEqual({ ok: true, value: 2 });
    expect(renderString("{{create_order.body.note}}", scope)).toEqual({ ok: true, value: null });
    expect(renderString("{{create_order.body.items}}", scope)).toEqual({ ok: true, value: [{ sku: "p-1", qty: 2 }] });
    expect(renderString("{{create_order.headers.Location}}", scope)).toEqual({ ok: true, value: "/orders/o-1" });
    expect(renderString("items={{create_order.body.items}}", scope)).toEqual({ ok: true, value: 'items=[{"sku":"p-1","qty":2}]' });
  });

  it("prefers a variable whose name has a dot over a response reference", () => {
    expect(lookup("api.key", scope)).toEqual({ ok: true, value: "k" });
  });

  it("says what is missing", () => {
    expect(renderString("{{nope}}", scope)).toEqual({ ok: false, message: "unknown variable {{nope}}" });
    expect(renderString("a {{nope}} b", scope)).toEqual({ ok: false, message: "unknown variable {{nope}}" });
    expect(renderString("{{create_order.body.items.5.qty}}", scope)).toEqual({ ok: false, message: "{{create_order.body.items.5.qty}}: the response body of create_order has no items.5" });
    expect(renderString("{{create_order.body.id.x}}", scope)).toEqual({ ok: false, message: "{{create_order.body.id.x}}: the response body of create_order has no id.x" });
    expect(renderString("{{create_order.headers.etag}}", scope)).toEqual({ ok: false, message: "{{create_order.headers.etag}}: the response of create_order has no etag header" });
    expect(renderString("{{create_order.statuscode}}", scope)).toEqual({
      ok: false,
      message: "{{create_order.statuscode}}: a response value is create_order.status, create_order.body.<path> or create_order.headers.<name>",
    });
    expect(renderString("{{other.body.id}}", scope)).toEqual({ ok: false, message: "unknown variable {{other.body.id}}" });
  });

  it("finds no path in a text body", () => {
    const text = { variables: {}, responses: new Map([["r", { status: 200, headers: {}, body: "plain" }]]) };
    expect(renderString("{{r.body}}", text)).toEqual({ ok: true, value: "plain" });
    expect(renderString("{{r.body.length}}", text).ok).toBe(false);
  });
});

describe("renderDeep", () => {
  it("fills every string of a body, keys included, and keeps other values", () => {
    const body = { orderId: "{{create_order.body.id}}", quantity: "{{qty}}", lines: [{ "{{id}}": "x {{qty}}" }, 3, null, false] };
    expect(renderDeep(body, scope)).toEqual({ ok: true, value: { orderId: "o-1", quantity: 2, lines: [{ "o/1 a": "x 2" }, 3, null, false] } });
  });

  it("stops at the first missing value", () => {
    expect(renderDeep({ a: ["{{missing}}"] }, scope)).toEqual({ ok: false, message: "unknown variable {{missing}}" });
  });
});

describe("placeholdersIn", () => {
  it("collects expressions from strings, arrays and objects", () => {
    expect(placeholdersIn({ "{{k}}": ["{{a}} and {{ b.body.c }}", 1, null] })).toEqual(["k", "a", "b.body.c"]);
    expect(placeholdersIn(undefined)).toEqual([]);
  });
});
