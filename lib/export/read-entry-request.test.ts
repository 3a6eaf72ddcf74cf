import { describe, expect, it } from "vitest";
import { readEntryRequest } from "./read-entry-request";

describe("readEntryRequest", () => {
  it("reads current semantic conventions, captured headers and a recorded JSON body", () => {
    expect(
      readEntryRequest(
        {
          "http.request.method": "POST",
          "http.route": "/orders/:id",
          "url.path": "/orders/o-1",
          "url.scheme": "https",
          "server.address": "shop.example.com",
          "server.port": 443,
          "http.response.status_code": 201,
          "http.request.header.content-type": ["application/json"],
          "http.request.header.traceparent": ["00-abc"],
          "http.request.body": '{"customerId":"c-1"}',
        },
        "POST /orders/:id",
      ),
    ).toEqual({
      method: "POST",
      route: "/orders/:id",
      path: "/orders/o-1",
      query: null,
      origin: "https://shop.example.com",
      headers: { "content-type": "application/json" },
      body: { customerId: "c-1" },
      status: 201,
    });
  });

  it("reads the older keys and keeps a non-default port", () => {
    expect(readEntryRequest({ "http.method": "get", "http.target": "/items?page=2", "http.scheme": "http", "net.host.name": "api", "net.host.port": 8080, "http.status_code": 200 }, "GET")).toMatchObject({
      method: "GET",
      route: "/items",
      path: "/items",
      query: "page=2",
      origin: "http://api:8080",
      status: 200,
    });
  });

  it("falls back to the span name, and is null for a span that is not an HTTP request", () => {
    expect(readEntryRequest({}, "DELETE /carts/:id")).toMatchObject({ method: "DELETE", route: "/carts/:id", path: null, origin: null });
    expect(readEntryRequest({ "messaging.system": "kafka" }, "orders process")).toBeNull();
  });
});
