import { describe, expect, it } from "vitest";
import { markGraphCoverage } from "./mark-graph-coverage";

describe("markGraphCoverage", () => {
  it("marks endpoint nodes by their own coverage and services by all, some or none of their endpoints", () => {
    const marks = markGraphCoverage([
      { service: "shop", method: "POST", route: "/orders", covered: true },
      { service: "shop", method: "GET", route: "/orders/:id", covered: false },
      { service: "stock", method: "POST", route: "/reserve", covered: true },
      { service: "mail", method: null, route: "/send", covered: false },
    ]);
    expect(Object.fromEntries(marks)).toEqual({
      "api_endpoint:POST /orders": "covered",
      "api_endpoint:GET /orders/:id": "uncovered",
      "api_endpoint:POST /reserve": "covered",
      "api_endpoint:/send": "uncovered",
      "service:shop": "partial",
      "service:stock": "covered",
      "service:mail": "uncovered",
    });
  });

  it("marks an endpoint node two services share partly covered when only one of them is", () => {
    const marks = markGraphCoverage([
      { service: "a", method: "GET", route: "/health", covered: true },
      { service: "b", method: "GET", route: "/health", covered: false },
    ]);
    expect(marks.get("api_endpoint:GET /health")).toBe("partial");
    expect(marks.get("database:orders")).toBeUndefined();
  });
});
