import { describe, expect, it } from "vitest";
import { loadFlowprintTest } from "../load-flowprint-test";
import { GOOD_DRAFT, READ_ORDER_EXPORT, shopModel } from "./testing/shop-model";
import { validateDraft, type DraftReference } from "./validate-draft";

const deterministic = (() => {
  const loaded = loadFlowprintTest(READ_ORDER_EXPORT);
  if (!loaded.ok) throw new Error("fixture does not load");
  return loaded.test;
})();
const reference: DraftReference = { model: shopModel(), deterministic };
const issuesOf = (yaml: string, ref = reference) => {
  const result = validateDraft(yaml, ref);
  return result.ok ? [] : result.issues;
};

describe("validateDraft", () => {
  it("accepts a draft that calls known endpoints, uses earlier responses and expects known nodes", () => {
    const result = validateDraft(GOOD_DRAFT, reference);
    expect(result.ok ? result.warnings : result.issues).toEqual([]);
  });

  it("reports YAML syntax errors and schema violations with their line", () => {
    expect(issuesOf("version: 1\ntrigger: [unclosed\n")).toEqual([expect.objectContaining({ path: expect.stringMatching(/^line \d+:\d+$/) })]);
    const schema = issuesOf(GOOD_DRAFT.replace("method: GET", "method: FETCH"));
    expect(schema).toEqual([{ path: "line 11:11", message: expect.stringContaining("trigger.method") }]);
  });

  it("says when the answer held no YAML", () => {
    expect(issuesOf("")).toEqual([{ path: "file", message: "the answer held no YAML file" }]);
  });

  it("reports references to unknown variables and to steps that run later or not at all", () => {
    const yaml = GOOD_DRAFT.replace("{{create_order.body.id}}", "{{make_order.body.id}}").replace("body: {customerId: cust-1", "body: {customerId: \"{{read_order.body.customer}}\"");
    expect(issuesOf(yaml)).toEqual([
      { path: "setup create_order", message: "{{read_order.body.customer}} uses the response of read_order, which is not sent before it" },
      { path: "trigger read_order", message: "unknown variable {{make_order.body.id}}" },
    ]);
  });

  it("reports a request to an endpoint the model does not know", () => {
    expect(issuesOf(GOOD_DRAFT.replace("url: \"{{base_url}}/api/v1/orders\"", "url: \"{{base_url}}/api/v1/carts\""))).toEqual([
      { path: "setup create_order", message: "POST /api/v1/carts is not an endpoint of the system model" },
    ]);
    // The route is known, the method is not.
    expect(issuesOf(GOOD_DRAFT.replace("method: GET", "method: PUT"))).toEqual([{ path: "trigger read_order", message: "PUT /api/v1/orders/{{create_order.body.id}} is not an endpoint of the system model" }]);
    expect(issuesOf(GOOD_DRAFT.replace('"{{base_url}}/api/v1/orders"', '"{{host}}/api/v1/orders"'))).toEqual([
      { path: "setup create_order", message: "unknown variable {{host}}" },
      { path: "setup create_order", message: 'url "{{host}}/api/v1/orders" must start with {{base_url}} followed by an endpoint\'s path' },
    ]);
  });

  it("matches a placeholder only against a parameter segment, and a literal value too", () => {
    expect(issuesOf(GOOD_DRAFT.replace("/api/v1/orders/{{create_order.body.id}}", "/api/v1/{{create_order.body.id}}/ord-1"))).toEqual([
      { path: "trigger read_order", message: "GET /api/v1/{{create_order.body.id}}/ord-1 is not an endpoint of the system model" },
    ]);
    expect(issuesOf(GOOD_DRAFT.replace("{{base_url}}/api/v1/orders/{{create_order.body.id}}", "http://shop.test/api/v1/orders/ord-4711?fields=id"))).toEqual([]);
  });

  it("accepts a request the deterministic export makes even when the model does not list its route", () => {
    const unrouted = { model: { ...reference.model, endpoints: reference.model.endpoints.filter((e) => e.method !== "GET") }, deterministic };
    const yaml = READ_ORDER_EXPORT.replace("{{id}}", "{{order}}").replace("id: ord-4711", "order: ord-4711");
    expect(issuesOf(yaml, unrouted)).toEqual([]);
    expect(issuesOf(yaml, { ...unrouted, deterministic: null })).toEqual([expect.objectContaining({ message: "GET /api/v1/orders/{{order}} is not an endpoint of the system model" }), expect.anything()]);
  });

  it("reports expected nodes that are neither in the model nor in the deterministic export", () => {
    const yaml = GOOD_DRAFT.replace("{type: database, identifier: shop, service: orders}", "{type: database, identifier: warehouse, service: orders}\n    - {type: topic, identifier: order.created, service: orders}");
    expect(issuesOf(yaml)).toEqual([{ path: "expect_trace.nodes.1", message: 'database "warehouse" is neither in the system model nor in the deterministic export' }]);
  });

  it("reports request ids used twice", () => {
    expect(issuesOf(GOOD_DRAFT.replace("id: read_order", "id: create_order").replace("{{create_order.body.id}}", "ord-1"))).toEqual([
      { path: "trigger create_order", message: "id create_order is used by an earlier request too; ids must be unique" },
    ]);
  });

  it("warns about deterministic nodes the draft no longer expects", () => {
    const result = validateDraft(GOOD_DRAFT.replace("    - {type: database, identifier: shop, service: orders}\n", ""), reference);
    expect(result.ok ? result.warnings : result.issues).toEqual(['The draft no longer expects database "shop", which the deterministic export expects.']);
  });
});
