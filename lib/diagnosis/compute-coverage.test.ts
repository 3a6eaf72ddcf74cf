import { describe, expect, it } from "vitest";
import type { PathNode } from "../traces/path-node";
import { computeCoverage, DAY_MS, splitEndpointIdentifier, type CoverageExecutionInput, type CoverageFlowInput } from "./compute-coverage";

const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);

const ep = (service: string, identifier: string): PathNode => ({ type: "api_endpoint", identifier, service });
const db = (service: string, name: string): PathNode => ({ type: "database", identifier: name, service });
const svc = (service: string): PathNode => ({ type: "service", identifier: service, service });

function flow(id: string, path: PathNode[], riskScore: number, name = `flow ${id}`): CoverageFlowInput {
  return { id, name, entryService: path[0]?.service ?? "none", entryOperation: path[0]?.identifier ?? "none", path, riskScore, occurrenceCount: 10, errorRate: 0 };
}

const run = (flowId: string | null, status: string, daysAgo: number | null): CoverageExecutionInput => ({ flowId, status, finishedAtMs: daysAgo === null ? null : NOW - daysAgo * DAY_MS });

// Checkout goes through the gateway and orders; the lookup shares the gateway's service but not
// its route; the report has no endpoint at all (a batch job writing to its database).
const checkout = flow("checkout", [ep("gateway", "POST /api/orders"), ep("orders", "POST /orders"), db("orders", "orders")], 0.6, "gateway → POST /api/orders");
const lookup = flow("lookup", [ep("gateway", "GET /api/orders/:id"), ep("orders", "GET /orders/:id"), db("orders", "orders")], 0.3, "gateway → GET /api/orders/:id");
const report = flow("report", [svc("reports"), db("reports", "warehouse")], 0.9, "reports → nightly");
const FLOWS = [lookup, report, checkout];

const coverage = (executions: CoverageExecutionInput[], windowDays = 7, flows = FLOWS) => computeCoverage({ flows, executions, windowDays, nowMs: NOW });
const endpointStates = (result: ReturnType<typeof coverage>) => result.endpoints.map((e) => [e.service, e.method, e.route, e.covered]);

describe("computeCoverage", () => {
  it("lists every endpoint of every path uncovered when nothing ran, riskiest first, ratio 0", () => {
    const result = coverage([]);
    expect(endpointStates(result)).toEqual([
      ["gateway", "POST", "/api/orders", false],
      ["orders", "POST", "/orders", false],
      ["gateway", "GET", "/api/orders/:id", false],
      ["orders", "GET", "/orders/:id", false],
    ]);
    expect(result.endpoints[0]).toEqual({ service: "gateway", method: "POST", route: "/api/orders", risk: 0.6, flows: ["checkout"], lastRunAtMs: null, lastPassingRunAtMs: null, covered: false });
    expect(result).toMatchObject({ coveredCount: 0, uncoveredCount: 4, coverageRatio: 0, coveredFlowCount: 0 });
    expect(result.flows.map((f) => [f.id, f.risk, f.covered, f.endpointCount])).toEqual([
      ["report", 0.9, false, 0],
      ["checkout", 0.6, false, 2],
      ["lookup", 0.3, false, 2],
    ]);
  });

  it("covers a flow and its endpoints with a passing run inside the window, and nothing else", () => {
    const result = coverage([run("checkout", "passed", 2)]);
    expect(endpointStates(result).filter(([, , , covered]) => covered)).toEqual([
      ["gateway", "POST", "/api/orders", true],
      ["orders", "POST", "/orders", true],
    ]);
    expect(result).toMatchObject({ coveredCount: 2, uncoveredCount: 2, coverageRatio: 0.5, coveredFlowCount: 1 });
    expect(result.flows.find((f) => f.id === "checkout")).toMatchObject({ covered: true, lastRunAtMs: NOW - 2 * DAY_MS, lastPassingRunAtMs: NOW - 2 * DAY_MS });
    expect(result.flows.find((f) => f.id === "lookup")).toMatchObject({ covered: false, lastRunAtMs: null });
  });

  it("does not count a passing run older than the window, but still reports when it was", () => {
    const result = coverage([run("checkout", "passed", 8)]);
    expect(result.coveredCount).toBe(0);
    expect(result.endpoints[0]).toMatchObject({ covered: false, lastPassingRunAtMs: NOW - 8 * DAY_MS, lastRunAtMs: NOW - 8 * DAY_MS });
    // The same run falls inside a wider window.
    expect(coverage([run("checkout", "passed", 8)], 30).coveredCount).toBe(2);
  });

  it("counts a run exactly at the window's start and one stamped after now", () => {
    expect(coverage([run("checkout", "passed", 7)]).flows.find((f) => f.id === "checkout")!.covered).toBe(true);
    expect(coverage([{ flowId: "checkout", status: "passed", finishedAtMs: NOW - 7 * DAY_MS - 1 }]).flows.find((f) => f.id === "checkout")!.covered).toBe(false);
    expect(coverage([{ flowId: "checkout", status: "passed", finishedAtMs: NOW + 5_000 }]).flows.find((f) => f.id === "checkout")!.covered).toBe(true);
  });

  it("keeps a flow covered when a run failed after a pass inside the window; the last run is the failure", () => {
    const result = coverage([run("checkout", "passed", 3), run("checkout", "failed", 1)]);
    expect(result.flows.find((f) => f.id === "checkout")).toMatchObject({ covered: true, lastRunAtMs: NOW - DAY_MS, lastPassingRunAtMs: NOW - 3 * DAY_MS });
  });

  it("never covers with failed, inconclusive or running runs, nor runs of no known flow", () => {
    const result = coverage([run("checkout", "failed", 1), run("checkout", "inconclusive", 1), run("lookup", "running", null), run("lookup", "passed", null), run(null, "passed", 1), run("gone", "passed", 1)]);
    expect(result.coveredCount).toBe(0);
    expect(result.flows.find((f) => f.id === "checkout")).toMatchObject({ lastRunAtMs: NOW - DAY_MS, lastPassingRunAtMs: null });
    // A run still waiting for its trace is no run yet.
    expect(result.flows.find((f) => f.id === "lookup")).toMatchObject({ lastRunAtMs: null });
  });

  it("lists a flow without endpoints among the flows, covered by its own runs, outside the ratio", () => {
    const result = coverage([run("report", "passed", 1)]);
    expect(result.flows[0]).toMatchObject({ id: "report", covered: true, endpointCount: 0 });
    expect(result).toMatchObject({ coveredFlowCount: 1, coveredCount: 0, coverageRatio: 0 });
    // Only endpoint-less flows: nothing to take a ratio of.
    expect(coverage([run("report", "passed", 1)], 7, [report])).toMatchObject({ endpoints: [], coverageRatio: null, coveredCount: 0, uncoveredCount: 0, coveredFlowCount: 1 });
    expect(coverage([], 7, [])).toMatchObject({ endpoints: [], flows: [], coverageRatio: null });
  });

  it("shares an endpoint between flows: the highest risk, every flow riskiest first, covered by any of them, the latest runs", () => {
    const retry = flow("retry", [ep("gateway", "POST /api/orders"), ep("payments", "POST /charges")], 0.8, "gateway → POST /api/orders · + payments");
    const result = coverage([run("checkout", "passed", 5), run("retry", "failed", 1)], 7, [...FLOWS, retry]);
    const shared = result.endpoints.find((e) => e.route === "/api/orders")!;
    expect(shared).toEqual({ service: "gateway", method: "POST", route: "/api/orders", risk: 0.8, flows: ["retry", "checkout"], lastRunAtMs: NOW - DAY_MS, lastPassingRunAtMs: NOW - 5 * DAY_MS, covered: true });
    expect(result.endpoints.find((e) => e.route === "/charges")).toMatchObject({ covered: false, risk: 0.8 });
    expect(result.endpoints[0].route).toBe("/api/orders");
  });

  it("keeps one route of two services apart and counts a route repeated in one path once", () => {
    const twice = flow("twice", [ep("a", "GET /health"), ep("b", "GET /health"), ep("a", "GET /health")], 0.1);
    const result = coverage([run("twice", "passed", 0)], 7, [twice]);
    expect(endpointStates(result)).toEqual([
      ["a", "GET", "/health", true],
      ["b", "GET", "/health", true],
    ]);
    expect(result.endpoints[0].flows).toEqual(["twice"]);
    expect(result.flows[0].endpointCount).toBe(2);
  });

  it("breaks risk ties by name, so the order never depends on the input's", () => {
    const a = flow("f-a", [ep("s", "GET /b")], 0.5, "alpha");
    const b = flow("f-b", [ep("s", "GET /a")], 0.5, "beta");
    for (const flows of [[a, b], [b, a]]) {
      const result = coverage([], 7, flows);
      expect(result.flows.map((f) => f.name)).toEqual(["alpha", "beta"]);
      expect(result.endpoints.map((e) => e.route)).toEqual(["/a", "/b"]);
    }
  });

  it("refuses a window that is not positive", () => {
    expect(() => coverage([], 0)).toThrow(RangeError);
    expect(() => coverage([], Number.NaN)).toThrow(RangeError);
  });
});

describe("splitEndpointIdentifier", () => {
  it("splits the method from the route, and keeps a route recorded without one whole", () => {
    expect(splitEndpointIdentifier("GET /orders/:id")).toEqual({ method: "GET", route: "/orders/:id" });
    expect(splitEndpointIdentifier("POST /search with spaces")).toEqual({ method: "POST", route: "/search with spaces" });
    expect(splitEndpointIdentifier("/orders")).toEqual({ method: null, route: "/orders" });
  });
});
