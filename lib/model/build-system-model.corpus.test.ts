// The OpenTelemetry Demo's own traces (Jaeger's test captures, tests/fixtures/corpora): a
// model nobody here wrote the traffic for must still find its cart, products and orders.
import { describe, expect, it } from "vitest";
import { SKILLS, tracesOf } from "../otlp/testing/read-corpus-traces";
import { buildSystemModel } from "./build-system-model";
import { modelInputFromTraces } from "./testing/model-input-from-traces";

const OTEL_DEMO = [`${SKILLS}sibling_errors.json`, `${SKILLS}error_timeout_masked.json`];

describe("system model of the OpenTelemetry Demo", () => {
  const traces = OTEL_DEMO.flatMap((file) => [...tracesOf(file).values()]);
  const model = buildSystemModel(modelInputFromTraces(traces));
  const entity = (name: string) => model.entities.find((e) => e.name === name);
  const operations = (name: string) => Object.fromEntries((entity(name)?.operations ?? []).map((o) => [o.kind, o]));
  const endpoint = (id: string) => model.endpoints.find((e) => e.id === id)!;

  it("finds the cart: read and changed through CartService, stored in Valkey", () => {
    const cart = operations("cart");
    expect(cart.read.endpointIds.map((id) => endpoint(id).route)).toContain("/oteldemo.CartService/GetCart");
    expect(cart.update.endpointIds.map((id) => `${endpoint(id).method} ${endpoint(id).route}`)).toEqual(expect.arrayContaining(["POST /api/cart", "POST /oteldemo.CartService/AddItem"]));
    expect(entity("cart")!.seenIn).toEqual(expect.arrayContaining([{ kind: "route", where: "POST /api/cart" }, { kind: "rpc", where: "POST /oteldemo.CartService/GetCart" }]));
  });

  it("finds products: read by id over HTTP and gRPC, selected from catalog.products", () => {
    const product = operations("product");
    expect(product.read.endpointIds.map((id) => endpoint(id).route)).toEqual(expect.arrayContaining(["/api/products/[productId]/index", "/oteldemo.ProductCatalogService/GetProduct"]));
    expect(product.read.databaseOperations).toEqual([expect.objectContaining({ system: "postgresql", table: "products", operation: "SELECT" })]);
    expect(entity("product")!.idFields).toContain("productId");
    expect(endpoint(product.read.endpointIds.find((id) => endpoint(id).route.startsWith("/api/"))!).pathParameters).toEqual([{ name: "productId", example: "9SIQT8TOJO", required: true }]);
  });

  it("finds orders: placed through CheckoutService", () => {
    const order = operations("order");
    expect(order.create.endpointIds.map((id) => endpoint(id).route)).toContain("/oteldemo.CheckoutService/PlaceOrder");
  });

  it("says the demo recorded no bodies instead of inventing data flow", () => {
    for (const name of ["cart", "product", "order"]) {
      expect(entity(name)!.bodiesRecorded).toBe(false);
      expect(entity(name)!.dataFlow).toEqual([]);
    }
    expect(entity("cart")!.notes[0]).toMatch(/No request or response bodies were recorded/);
  });
});
