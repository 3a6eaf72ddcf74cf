import { describe, expect, it } from "vitest";
import type { PathNode } from "../traces/path-node";
import { computeFingerprint } from "./compute-fingerprint";

describe("computeFingerprint", () => {
  // Vectors from DESIGN.md, shared with TestMesh.
  it("hashes a single node", () => {
    expect(computeFingerprint([{ type: "service", identifier: "frontend" }])).toBe(
      "6ef339c43c3b32beabafb9ee4923ea50d5fd02ce972571781d110628a287cbe9",
    );
  });

  it("hashes nodes joined by U+2192 without spaces", () => {
    expect(
      computeFingerprint([
        { type: "api_endpoint", identifier: "POST /orders" },
        { type: "database", identifier: "orders" },
        { type: "topic", identifier: "orders.created" },
      ]),
    ).toBe("ac768ca7c2225b8d4baf791c12f0d40fd1b916bf5e116a5721abe671297820e7");
  });

  it("ignores the service field: it is not part of a node's identity", () => {
    const node: PathNode = { type: "service", identifier: "frontend", service: "elsewhere" };
    expect(computeFingerprint([node])).toBe(
      computeFingerprint([{ type: "service", identifier: "frontend" }]),
    );
  });

  it("is order-sensitive and lowercase hex", () => {
    const ab = computeFingerprint([{ type: "service", identifier: "a" }, { type: "service", identifier: "b" }]);
    const ba = computeFingerprint([{ type: "service", identifier: "b" }, { type: "service", identifier: "a" }]);
    expect(ab).not.toBe(ba);
    expect(ab).toMatch(/^[0-9a-f]{64}$/);
  });
});
