import { describe, expect, it } from "vitest";
import { sliceModel } from "./slice-model";
import { shopModel } from "./testing/shop-model";

describe("sliceModel", () => {
  const model = shopModel();
  const id = (method: string, route: string) => model.endpoints.find((e) => e.method === method && e.route === route)!.id;

  it("puts the focus endpoints first, then the creators of the entities they touch, then the services' other endpoints", () => {
    const slice = sliceModel(model, { services: ["orders"], endpointIds: [id("GET", "/api/v1/orders/:id")] });
    expect(slice.endpoints.map((e) => `${e.method} ${e.route}`)).toEqual(["GET /api/v1/orders/:id", "POST /api/v1/orders"]);
    expect(slice.otherEndpoints.map((e) => `${e.method} ${e.route}`)).toEqual(["DELETE /api/v1/orders/:id"]);
    expect(slice.entities.map((e) => e.name)).toEqual(["order"]);
  });

  it("leaves out services that are not involved", () => {
    const slice = sliceModel(model, { services: ["legacy"], endpointIds: [] });
    expect(slice).toEqual({ endpoints: [], entities: [], otherEndpoints: [] });
    expect(sliceModel(model, { services: ["legacy"], endpointIds: [], entityNames: ["order"] }).endpoints.map((e) => e.route)).toEqual(["/api/v1/orders"]);
  });
});
