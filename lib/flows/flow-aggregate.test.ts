import { describe, expect, it } from "vitest";
import { addContribution, deserializeFlowAggregate, emptyFlowAggregate, flowFigures, removeContribution, serializeFlowAggregate, type FlowContribution } from "./flow-aggregate";

function contribution(traceId: string, durationMs: number, hasError: boolean, atMs: number): FlowContribution {
  return {
    trace: { durationMs, hasError, atMs },
    nodes: [
      { nodeKey: "api_endpoint:GET /a", durationMs, hasError: false },
      { nodeKey: "database:orders", durationMs: durationMs / 2, hasError },
    ],
    representative: { traceId, durationMs, hasError, atMs },
  };
}

describe("flow aggregate", () => {
  const a = contribution("a".repeat(32), 100, false, 1_000);
  const b = contribution("b".repeat(32), 300, true, 2_000);

  it("adds traces into the figures lists sort by", () => {
    const flow = addContribution(addContribution(emptyFlowAggregate(), a), b);
    expect(flowFigures(flow)).toMatchObject({ occurrenceCount: 2, errorRate: 0.5, avgDurationMs: 200, firstSeenMs: 1_000, lastSeenMs: 2_000 });
    // DDSketch ranks at q·(n−1): with two traces the P95 is the lower one, within 1%.
    expect(flowFigures(flow).p95DurationMs).toBeCloseTo(100, -1);
    expect(flowFigures(flow).riskScore).toBeCloseTo(0.3 * 0.02 + 0.5 * 0.5 + 0.2 * 0.02, 10);
    expect(flow.representative?.traceId).toBe("a".repeat(32));
    expect(flow.samples.map((s) => s.traceId)).toEqual(["b".repeat(32), "a".repeat(32)]);
  });

  it("takes a trace back exactly, leaving what the other trace added", () => {
    const both = addContribution(addContribution(emptyFlowAggregate(), a), b);
    const onlyB = removeContribution(both, a);
    const direct = addContribution(emptyFlowAggregate(), b);
    expect(onlyB.stats.occurrenceCount).toBe(1);
    expect(onlyB.stats.durationSketch).toEqual(direct.stats.durationSketch);
    expect(onlyB.nodeStats).toEqual(direct.nodeStats);
    expect(onlyB.hourly).toEqual(direct.hourly);
    expect(onlyB.samples).toEqual(direct.samples);
    expect(onlyB.representative).toBeNull();
    expect(removeContribution(onlyB, b).stats.occurrenceCount).toBe(0);
  });

  it("survives storage as JSON", () => {
    const flow = addContribution(addContribution(emptyFlowAggregate(), a), b);
    const stored = JSON.parse(JSON.stringify(serializeFlowAggregate(flow)));
    expect(deserializeFlowAggregate(stored)).toEqual(flow);
  });
});
