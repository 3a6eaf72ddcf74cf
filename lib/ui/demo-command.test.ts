import { describe, expect, it } from "vitest";
import { demoCommand } from "./demo-command";

describe("demoCommand", () => {
  it("is plain npm run demo for the default workspace on the default address", () => {
    expect(demoCommand("default", "http://localhost:3000")).toBe("npm run demo");
  });
  it("names any other workspace, so the traffic lands where the user is looking", () => {
    expect(demoCommand("shop-eu", "http://localhost:3000")).toBe("DEMO_WORKSPACE=shop-eu npm run demo");
  });
  it("names the dashboard's address when it is not the default", () => {
    expect(demoCommand("shop", "https://flowprint.internal")).toBe("FLOWPRINT_URL=https://flowprint.internal DEMO_WORKSPACE=shop npm run demo");
  });
});
