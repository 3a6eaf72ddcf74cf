import { describe, expect, it } from "vitest";
import type { PathNode } from "../traces/path-node";
import { computeCoverage, DAY_MS, type CoverageExecutionInput, type CoverageFlowInput } from "./compute-coverage";
import { detectCoverageDrop, snapshotCoverage } from "./detect-coverage-drop";

const NOW = Date.UTC(2026, 2, 10);
const ep = (service: string, identifier: string): PathNode => ({ type: "api_endpoint", identifier, service });
const flow = (id: string, path: PathNode[], riskScore = 0.5): CoverageFlowInput => ({ id, name: id, entryService: path[0].service, entryOperation: path[0].identifier, path, riskScore, occurrenceCount: 1, errorRate: 0 });
const passed = (flowId: string, atMs: number): CoverageExecutionInput => ({ flowId, status: "passed", finishedAtMs: atMs });

const orders = flow("orders", [ep("shop", "POST /orders"), ep("stock", "POST /reserve")]);
const lookup = flow("lookup", [ep("shop", "GET /orders/:id")]);

describe("detectCoverageDrop", () => {
  it("reports the endpoints whose passing run left the window", () => {
    const before = computeCoverage({ flows: [orders, lookup], executions: [passed("orders", NOW - 6 * DAY_MS), passed("lookup", NOW)], windowDays: 7, nowMs: NOW });
    expect(before.coverageRatio).toBe(1);
    const after = computeCoverage({ flows: [orders, lookup], executions: [passed("orders", NOW - 6 * DAY_MS), passed("lookup", NOW)], windowDays: 7, nowMs: NOW + 2 * DAY_MS });
    const drop = detectCoverageDrop(snapshotCoverage(before), after);
    expect(drop).toMatchObject({ previousRatio: 1, coverageRatio: 1 / 3, newEndpoints: [] });
    expect(drop!.newlyUncovered.map((e) => `${e.service} ${e.method} ${e.route}`)).toEqual(["shop POST /orders", "stock POST /reserve"]);
  });

  it("counts a new uncovered endpoint as a drop and names it", () => {
    const before = computeCoverage({ flows: [lookup], executions: [passed("lookup", NOW)], windowDays: 7, nowMs: NOW });
    const after = computeCoverage({ flows: [lookup, orders], executions: [passed("lookup", NOW)], windowDays: 7, nowMs: NOW });
    const drop = detectCoverageDrop(snapshotCoverage(before), after)!;
    expect([drop.previousRatio, drop.coverageRatio, drop.newlyUncovered]).toEqual([1, 1 / 3, []]);
    expect(drop.newEndpoints.map((e) => e.route)).toEqual(["/orders", "/reserve"]);
  });

  it("says nothing without a previous evaluation, when the ratio held or rose, or without endpoints", () => {
    const half = computeCoverage({ flows: [orders, lookup], executions: [passed("lookup", NOW)], windowDays: 7, nowMs: NOW });
    const none = computeCoverage({ flows: [], executions: [], windowDays: 7, nowMs: NOW });
    expect(detectCoverageDrop(undefined, half)).toBeNull();
    expect(detectCoverageDrop(snapshotCoverage(half), half)).toBeNull();
    const all = computeCoverage({ flows: [orders, lookup], executions: [passed("lookup", NOW), passed("orders", NOW)], windowDays: 7, nowMs: NOW });
    expect(detectCoverageDrop(snapshotCoverage(half), all)).toBeNull();
    expect(detectCoverageDrop(snapshotCoverage(none), half)).toBeNull();
    expect(detectCoverageDrop(snapshotCoverage(half), none)).toBeNull();
  });

  it("compares ratios exactly: 1/3 and 2/6 are the same coverage", () => {
    const three = [flow("a", [ep("s", "GET /a")]), flow("b", [ep("s", "GET /b")]), flow("c", [ep("s", "GET /c")])];
    const six = [...three, flow("d", [ep("s", "GET /d")]), flow("e", [ep("s", "GET /e")]), flow("f", [ep("s", "GET /f")])];
    const oneOfThree = computeCoverage({ flows: three, executions: [passed("a", NOW)], windowDays: 7, nowMs: NOW });
    const twoOfSix = computeCoverage({ flows: six, executions: [passed("a", NOW), passed("d", NOW)], windowDays: 7, nowMs: NOW });
    expect(detectCoverageDrop(snapshotCoverage(oneOfThree), twoOfSix)).toBeNull();
  });
});
