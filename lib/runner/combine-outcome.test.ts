import { describe, expect, it } from "vitest";
import { combineOutcome } from "./combine-outcome";
import { exitCodeOf } from "./exit-codes";
import type { TraceVerdict } from "./test-run";

const verdict = (status: TraceVerdict["status"], reasons: string[] = []): TraceVerdict => ({
  execution_id: "e",
  trace_id: "t",
  status,
  path_match: status !== "failed",
  missing_nodes: [],
  unexpected_nodes: [],
  order_violations: [],
  slow_spans: [],
  error_spans: [],
  failed_assertions: [],
  inconclusive_assertions: [],
  reasons,
});

describe("combineOutcome", () => {
  it("passes only when the responses and the trace both pass", () => {
    expect(combineOutcome({ requestFailures: [], validation: verdict("passed"), runnerProblems: [] })).toEqual({ status: "passed", reasons: [] });
  });

  it("fails on a wrong response even when the trace passed, and on a failed trace", () => {
    expect(combineOutcome({ requestFailures: ["trigger a: expected status 201, got 500"], validation: verdict("passed"), runnerProblems: [] }).status).toBe("failed");
    expect(combineOutcome({ requestFailures: [], validation: verdict("failed"), runnerProblems: [] }).status).toBe("failed");
  });

  it("lets a failure outrank an inconclusive trace, keeping the reasons as notes", () => {
    expect(combineOutcome({ requestFailures: ["x"], validation: verdict("inconclusive", ["the trace never arrived"]), runnerProblems: [] })).toEqual({
      status: "failed",
      reasons: ["the trace never arrived"],
    });
    expect(combineOutcome({ requestFailures: ["x"], validation: null, runnerProblems: ["Flowprint could not be reached"] }).status).toBe("failed");
  });

  it("is inconclusive when the trace could not be judged or Flowprint was not there", () => {
    expect(combineOutcome({ requestFailures: [], validation: verdict("inconclusive", ["assertion `x` could not be evaluated"]), runnerProblems: [] })).toEqual({
      status: "inconclusive",
      reasons: ["assertion `x` could not be evaluated"],
    });
    expect(combineOutcome({ requestFailures: [], validation: null, runnerProblems: ["no validation before the timeout"] })).toEqual({
      status: "inconclusive",
      reasons: ["no validation before the timeout"],
    });
    expect(combineOutcome({ requestFailures: [], validation: verdict("passed"), runnerProblems: ["the trigger's response could not be recorded"] }).status).toBe("inconclusive");
    expect(combineOutcome({ requestFailures: [], validation: null, runnerProblems: [] }).reasons).toEqual(["Flowprint gave no verdict on the run's trace"]);
  });
});

describe("exitCodeOf", () => {
  it("is 0 for all passed, 1 for any failure or unloadable file, 3 for inconclusive without failures", () => {
    expect(exitCodeOf({ passed: 3, failed: 0, inconclusive: 0, errors: 0 })).toBe(0);
    expect(exitCodeOf({ passed: 0, failed: 0, inconclusive: 0, errors: 0 })).toBe(0);
    expect(exitCodeOf({ passed: 1, failed: 1, inconclusive: 1, errors: 0 })).toBe(1);
    expect(exitCodeOf({ passed: 1, failed: 0, inconclusive: 1, errors: 1 })).toBe(1);
    expect(exitCodeOf({ passed: 1, failed: 0, inconclusive: 2, errors: 0 })).toBe(3);
  });
});
