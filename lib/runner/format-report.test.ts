import { describe, expect, it } from "vitest";
import { ANSI, PLAIN, countResults, failureLines, formatFileError, formatSummary, formatTestRun } from "./format-report";
import { diagnosedRun, failedRun, inconclusiveRun, passedRun } from "./sample-runs.fixture";

describe("formatTestRun", () => {
  it("shows a passed run with its marker, duration and ids", () => {
    expect(formatTestRun(passedRun)).toBe(
      "✓ orders → POST /orders passed in 1.23 s\n  tests/orders.yaml  execution 3c9f3f4e-5d55-4c1e-9d37-0d4c2c1c9a10  trace 0af7651916cd43dd8448eb211c80319c",
    );
  });

  it("lists everything that made a run fail, in the trace's words", () => {
    expect(formatTestRun(failedRun).split("\n")).toEqual([
      '✗ payments → POST /pay <"&"> failed in 2.50 s',
      "  tests/pay.yaml  execution 9b1d7e2a-1111-4c1e-9d37-0d4c2c1c9a10  trace 4bf92f3577b34da6a3ce929d0e0e4736",
      "  - trigger post_pay: expected status 201, got 500",
      "  - missing node: database payments (service payments), expected at position 2",
      "  - unexpected node: api_endpoint GET /retry (service payments) at position 3",
      "  - out of order: topic paid expected at position 3, seen at 4",
      '  - slow span: service:stripe (payments "charge") took 812 ms, budget 300 ms (P95 200 ms)',
      '  - error span: payments "POST /pay": card declined',
      "  - assertion failed: trace.duration_ms < 1000 (trace.duration_ms was 1500)",
    ]);
  });

  it("says why a run failed before the findings: first divergence, where the error started, what took a slow node's time", () => {
    expect(formatTestRun(diagnosedRun).split("\n")).toEqual([
      "✗ POST /api/v1/orders (gold customer) failed in 2.50 s",
      "  tests/orders-gold.yaml  execution 9b1d7e2a-1111-4c1e-9d37-0d4c2c1c9a10  trace 4bf92f3577b34da6a3ce929d0e0e4736",
      "  first divergence: POST /loyalty/points (loyalty) was not called after POST /orders (orders); this request had customer.tier = standard, and POST /loyalty/points is only called when customer.tier = gold",
      '  error: starts at products GET /products/:id "supplier feed for machines timed out" → orders POST /orders → api-gateway POST /api/v1/orders',
      "  slow: database:orders took 812 ms (P95 120 ms, budget 180 ms); INSERT orders itself took 790 ms",
      "  - missing node: api_endpoint POST /loyalty/points (service loyalty), expected at position 5",
      '  - slow span: database:orders (orders "INSERT orders") took 812 ms, budget 180 ms (P95 120 ms)',
      '  - error span: products "GET /products/:id": supplier feed for machines timed out',
    ]);
    expect(formatTestRun(diagnosedRun, ANSI)).toContain("\u001b[1mfirst divergence:\u001b[22m POST /loyalty/points");
  });

  it("leaves out error spans that are the norm for their node", () => {
    expect(failureLines(failedRun).join("\n")).not.toContain("cache miss");
  });

  it("gives the reasons of an inconclusive run, and notes them next to a failure", () => {
    expect(formatTestRun(inconclusiveRun).split("\n").slice(0, 1)).toEqual(["? shipping → POST /ship inconclusive in 31.00 s"]);
    expect(formatTestRun(inconclusiveRun)).toContain("\n  - the trace never arrived: no span of the system carried the run's trace id");
    expect(formatTestRun({ ...failedRun, reasons: ["Flowprint could not be reached"] })).toMatch(/\n {2}note: Flowprint could not be reached$/);
  });

  it("colors only when asked", () => {
    expect(formatTestRun(passedRun, PLAIN)).not.toContain("\u001b[");
    expect(formatTestRun(passedRun, ANSI)).toContain("\u001b[32m✓\u001b[39m");
    expect(formatTestRun(failedRun, ANSI)).toContain("\u001b[31m✗\u001b[39m");
  });

  it("shows a run that never got an execution without ids", () => {
    expect(formatTestRun({ ...inconclusiveRun, executionId: null, traceId: null, validation: null, reasons: ["step b: unknown variable {{x}}"] }).split("\n")[1]).toBe("  tests/ship.yaml");
  });
});

describe("formatFileError", () => {
  it("indents the file's problems under it", () => {
    expect(formatFileError({ file: "bad.yaml", message: "bad.yaml:3:5: trigger.method: Invalid option\nbad.yaml:9:1: name: required" })).toBe(
      "✗ bad.yaml could not be loaded\n  bad.yaml:3:5: trigger.method: Invalid option\n  bad.yaml:9:1: name: required",
    );
  });
});

describe("summary", () => {
  it("counts each outcome and files that were not loaded", () => {
    const counts = countResults([
      { kind: "run", run: passedRun },
      { kind: "run", run: passedRun },
      { kind: "run", run: failedRun },
      { kind: "run", run: inconclusiveRun },
      { kind: "error", error: { file: "x.yaml", message: "x" } },
    ]);
    expect(counts).toEqual({ passed: 2, failed: 1, inconclusive: 1, errors: 1 });
    expect(formatSummary(counts)).toBe("2 passed, 1 failed, 1 inconclusive, 1 file not loaded");
    expect(formatSummary({ passed: 3, failed: 1, inconclusive: 0, errors: 0 })).toBe("3 passed, 1 failed, 0 inconclusive");
  });
});
