import { describe, expect, it } from "vitest";
import { formatPath } from "./format-path";
import { pathKey } from "./path-key";

const path = [
  { type: "api_endpoint", identifier: "POST /orders", service: "orders" },
  { type: "database", identifier: "orders", service: "orders" },
  { type: "topic", identifier: "orders.created", service: "orders" },
] as const;

describe("formatPath and pathKey", () => {
  it("formats for display with spaced arrows", () => {
    expect(formatPath(path)).toBe("api_endpoint:POST /orders → database:orders → topic:orders.created");
  });

  it("keys without spaces, U+2192 between parts", () => {
    expect(pathKey(path)).toBe("api_endpoint:POST /orders\u2192database:orders\u2192topic:orders.created");
  });

  it("gives empty strings for an empty path", () => {
    expect(formatPath([])).toBe("");
    expect(pathKey([])).toBe("");
  });
});
