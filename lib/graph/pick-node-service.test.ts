import { describe, expect, it } from "vitest";
import { pickNodeService } from "./pick-node-service";

describe("pickNodeService", () => {
  it("picks the service with the most traces", () => {
    expect(pickNodeService([["alpha", 1], ["beta", 3], ["gamma", 2]])).toBe("beta");
  });

  it("breaks ties by code-unit order, whatever the input order", () => {
    expect(pickNodeService([["orders", 2], ["Notifications", 2], ["notifications", 2]])).toBe("Notifications");
    expect(pickNodeService([["notifications", 2], ["orders", 2], ["Notifications", 2]])).toBe("Notifications");
  });

  it("ignores zero counts and is empty for nothing", () => {
    expect(pickNodeService([["a", 0], ["b", 1]])).toBe("b");
    expect(pickNodeService([])).toBe("");
  });
});
