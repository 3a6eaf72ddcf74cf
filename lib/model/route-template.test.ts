import { describe, expect, it } from "vitest";
import { matchRoutePath, parseRouteTemplate, toOpenApiPath } from "./route-template";

describe("parseRouteTemplate", () => {
  it("reads every framework's parameter spelling", () => {
    expect(parseRouteTemplate("/a/:id/b/{key}/c/[slug]/d/[...rest]/*")).toEqual([
      { kind: "static", text: "a" },
      { kind: "param", name: "id" },
      { kind: "static", text: "b" },
      { kind: "param", name: "key" },
      { kind: "static", text: "c" },
      { kind: "param", name: "slug" },
      { kind: "static", text: "d" },
      { kind: "param", name: "rest" },
      { kind: "param", name: "param8" },
    ]);
  });
});

describe("toOpenApiPath", () => {
  it("writes parameters in braces and drops a Next.js trailing index", () => {
    expect(toOpenApiPath("/api/v1/orders/:id")).toBe("/api/v1/orders/{id}");
    expect(toOpenApiPath("/api/products/[productId]/index")).toBe("/api/products/{productId}");
    expect(toOpenApiPath("/")).toBe("/");
  });
});

describe("matchRoutePath", () => {
  it("pairs parameters with the recorded values, decoded", () => {
    expect(matchRoutePath("/orders/:id", "/orders/o%2D1?x=1")).toEqual({ id: "o-1" });
    expect(matchRoutePath("/api/products/[productId]/index", "/api/products/9SIQT8TOJO")).toEqual({ productId: "9SIQT8TOJO" });
  });
  it("is null when route and path disagree", () => {
    expect(matchRoutePath("/orders/:id", "/orders")).toBeNull();
    expect(matchRoutePath("/orders/:id", "/users/1")).toBeNull();
  });
});
