import { describe, expect, it } from "vitest";
import type { EndpointCoverage } from "../diagnosis/compute-coverage";
import { describeCoverageDropped } from "./describe-coverage-dropped";

const endpoint = (service: string, method: string | null, route: string, risk: number): EndpointCoverage => ({ service, method, route, risk, flows: [`f-${route}`], lastRunAtMs: null, lastPassingRunAtMs: null, covered: false });

describe("describeCoverageDropped", () => {
  it("names the ratios, the endpoints no longer covered and the new untested ones, and links to the coverage page", () => {
    const facts = describeCoverageDropped({
      workspaceId: "shop floor",
      windowDays: 7,
      coveredCount: 1,
      endpointCount: 3,
      drop: { previousRatio: 1, coverageRatio: 1 / 3, newlyUncovered: [endpoint("shop", "POST", "/orders", 0.7)], newEndpoints: [endpoint("mail", null, "/send", 0.1)] },
    });
    expect(facts.summary).toBe("Test coverage fell from 100% to 33.3% of endpoints: no passing run in 7 days for shop POST /orders; new and untested: mail /send");
    expect(facts.path).toBe("/w/shop%20floor/coverage");
    expect(facts.data).toEqual({
      previous_ratio: 1,
      coverage_ratio: 1 / 3,
      window_days: 7,
      covered_count: 1,
      endpoint_count: 3,
      newly_uncovered: [{ service: "shop", method: "POST", route: "/orders", risk: 0.7, flow_ids: ["f-/orders"] }],
      new_endpoints: [{ service: "mail", method: null, route: "/send", risk: 0.1, flow_ids: ["f-/send"] }],
    });
  });

  it("names three endpoints and counts the rest", () => {
    const many = ["/a", "/b", "/c", "/d", "/e"].map((route) => endpoint("s", "GET", route, 0.5));
    const facts = describeCoverageDropped({ workspaceId: "w", windowDays: 30, coveredCount: 0, endpointCount: 5, drop: { previousRatio: 0.5, coverageRatio: 0, newlyUncovered: many, newEndpoints: [] } });
    expect(facts.summary).toBe("Test coverage fell from 50% to 0% of endpoints: no passing run in 30 days for s GET /a, s GET /b, s GET /c and 2 more");
  });
});
