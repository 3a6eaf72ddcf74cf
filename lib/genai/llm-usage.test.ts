import { describe, expect, it } from "vitest";
import type { LlmCall } from "./llm-call";
import { summarizeLlmUsage } from "./llm-usage";
import { withPriceOverrides } from "./price-table";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);

let nextId = 0;
function llmCall(overrides: Partial<LlmCall> = {}): LlmCall {
  nextId += 1;
  return {
    traceId: `trace${nextId}`,
    spanId: `span${nextId}`,
    service: "support-api",
    name: "chat gpt-4o",
    operation: "chat",
    model: "gpt-4o",
    provider: "openai",
    startMs: T0,
    durationMs: 1000,
    isError: false,
    errorType: "",
    inputTokens: 1000,
    outputTokens: 100,
    input: [],
    output: [],
    convention: null,
    ...overrides,
  };
}

/** Within the sketch's 1% relative accuracy. */
function expectNear(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * 0.01);
}

describe("summarizeLlmUsage per model", () => {
  it("counts calls, errors, tokens, cost and latency", () => {
    const calls = [
      ...Array.from({ length: 19 }, (_, i) => llmCall({ startMs: T0 + i * 1000, durationMs: 100 * (i + 1) })),
      llmCall({ startMs: T0 + 19_000, durationMs: 10_000, isError: true, errorType: "RateLimitError" }),
      llmCall({ model: "claude-3-5-sonnet-20241022", provider: "anthropic", inputTokens: 2000, outputTokens: 500, durationMs: 3000 }),
    ];
    const summary = summarizeLlmUsage(calls, { bucketMs: HOUR, nowMs: T0 + HOUR });
    expect(summary.models.map((m) => m.model)).toEqual(["gpt-4o", "claude-3-5-sonnet-20241022"]);
    const gpt = summary.models[0];
    expect(gpt).toMatchObject({
      provider: "openai",
      calls: 20,
      errors: 1,
      errorRate: 0.05,
      inputTokens: 20_000,
      outputTokens: 2_000,
      unpricedCalls: 0,
      noTokenCalls: 0,
    });
    // 20 calls x (1000 x 2.5 + 100 x 10) / 1e6
    expect(gpt.costUsd).toBeCloseTo(0.07, 10);
    // Durations 100..1900 and 10000: DDSketch ranks floor(q x 19).
    expectNear(gpt.p50Ms, 1000);
    expectNear(gpt.p95Ms, 1900);
    const claude = summary.models[1];
    expect(claude).toMatchObject({ provider: "anthropic", calls: 1, errors: 0, errorRate: 0 });
    expect(claude.costUsd).toBeCloseTo((2000 * 3 + 500 * 15) / 1e6, 12);
    expectNear(claude.p50Ms, 3000);
    expect(summary.totals).toMatchObject({ calls: 21, errors: 1, inputTokens: 22_000, outputTokens: 2_500, unpricedCalls: 0 });
    expect(summary.totals.costUsd).toBeCloseTo(0.07 + 0.0135, 10);
  });

  it("shows cost unknown for models without a price and counts unpriced calls", () => {
    const summary = summarizeLlmUsage(
      [
        llmCall({ model: "my-finetune" }),
        llmCall({ model: "my-finetune" }),
        llmCall({ model: "gpt-4o", outputTokens: null }),
        llmCall({ model: "gpt-4o" }),
      ],
      { bucketMs: HOUR, nowMs: T0 },
    );
    const finetune = summary.models.find((m) => m.model === "my-finetune");
    expect(finetune).toMatchObject({ calls: 2, costUsd: null, unpricedCalls: 2, inputTokens: 2000, outputTokens: 200 });
    const gpt = summary.models.find((m) => m.model === "gpt-4o");
    expect(gpt).toMatchObject({ calls: 2, unpricedCalls: 1, outputTokens: 100 });
    expect(gpt?.costUsd).toBeCloseTo(0.0035, 12);
    expect(summary.totals).toMatchObject({ unpricedCalls: 3 });
  });

  it("tells calls that recorded no tokens (a refused call) from calls it has no price for", () => {
    const summary = summarizeLlmUsage(
      [
        llmCall({ model: "gpt-4o-mini", isError: true, errorType: "429", inputTokens: null, outputTokens: null }),
        llmCall({ model: "gpt-4o-mini" }),
        llmCall({ model: "my-finetune" }),
        llmCall({ model: "my-finetune", inputTokens: null, outputTokens: null }),
      ],
      { bucketMs: HOUR, nowMs: T0 },
    );
    const mini = summary.models.find((m) => m.model === "gpt-4o-mini");
    expect(mini).toMatchObject({ calls: 2, unpricedCalls: 1, noTokenCalls: 1 });
    expect(mini?.costUsd).not.toBeNull();
    expect(summary.models.find((m) => m.model === "my-finetune")).toMatchObject({ calls: 2, costUsd: null, unpricedCalls: 2, noTokenCalls: 1 });
    expect(summary.totals).toMatchObject({ unpricedCalls: 3, noTokenCalls: 2 });
    expect(summary.series.find((b) => b.model === "gpt-4o-mini")).toMatchObject({ unpricedCalls: 1, noTokenCalls: 1 });
  });

  it("uses the prices it is given", () => {
    const prices = withPriceOverrides({ "my-finetune": { input_per_million: 10, output_per_million: 10 } });
    const summary = summarizeLlmUsage([llmCall({ model: "my-finetune" })], { bucketMs: HOUR, nowMs: T0, prices });
    expect(summary.models[0].costUsd).toBeCloseTo(0.011, 12);
  });

  it("groups calls without a model under the empty model name", () => {
    const summary = summarizeLlmUsage([llmCall({ model: "", provider: "" })], { bucketMs: HOUR, nowMs: T0 });
    expect(summary.models[0]).toMatchObject({ model: "", provider: "", calls: 1, costUsd: null, unpricedCalls: 1 });
  });

  it("summarises nothing without calls", () => {
    const summary = summarizeLlmUsage([], { bucketMs: HOUR, nowMs: T0 });
    expect(summary).toMatchObject({
      window: { startMs: T0, endMs: T0, hours: 1 },
      models: [],
      series: [],
      slowestOperations: [],
      topErrors: [],
      warnings: [],
    });
    expect(summary.totals).toMatchObject({ calls: 0, errorRate: 0, costUsd: null, p50Ms: 0, p95Ms: 0 });
  });
});

describe("summarizeLlmUsage window and series", () => {
  it("buckets by model at epoch-aligned starts", () => {
    const bucketMs = 15 * 60_000;
    const summary = summarizeLlmUsage(
      [
        llmCall({ startMs: T0 + 1000, durationMs: 200 }),
        llmCall({ startMs: T0 + 14 * 60_000, durationMs: 400, isError: true }),
        llmCall({ startMs: T0 + 16 * 60_000, durationMs: 800 }),
        llmCall({ startMs: T0 + 2000, model: "gpt-4o-mini" }),
      ],
      { bucketMs, nowMs: T0 + HOUR },
    );
    expect(summary.series.map((b) => [b.startMs - T0, b.model, b.calls, b.errors, b.errorRate])).toEqual([
      [0, "gpt-4o", 2, 1, 0.5],
      [0, "gpt-4o-mini", 1, 0, 0],
      [bucketMs, "gpt-4o", 1, 0, 0],
    ]);
    expect(summary.series[0]).toMatchObject({ inputTokens: 2000, outputTokens: 200 });
    expect(summary.series[0].costUsd).toBeCloseTo(0.007, 12);
    expectNear(summary.series[0].p50Ms, 200);
    expectNear(summary.series[0].p95Ms, 200);
    expectNear(summary.series[2].p95Ms, 800);
  });

  it("keeps to the window and reports its length", () => {
    const calls = [
      llmCall({ startMs: T0 - 1 }),
      llmCall({ startMs: T0 }),
      llmCall({ startMs: T0 + 3 * HOUR }),
      llmCall({ startMs: T0 + 3 * HOUR + 1 }),
    ];
    const summary = summarizeLlmUsage(calls, { bucketMs: HOUR, sinceMs: T0, nowMs: T0 + 3 * HOUR });
    expect(summary.totals.calls).toBe(2);
    expect(summary.window).toEqual({ startMs: T0, endMs: T0 + 3 * HOUR, hours: 3 });
    const open = summarizeLlmUsage(calls, { bucketMs: HOUR, nowMs: T0 + 3 * HOUR });
    expect(open.totals.calls).toBe(3);
    expect(open.window.startMs).toBe(T0 - 1);
  });

  it("refuses impossible options", () => {
    expect(() => summarizeLlmUsage([], { bucketMs: 0, nowMs: T0 })).toThrow(RangeError);
    expect(() => summarizeLlmUsage([], { bucketMs: HOUR, nowMs: Number.NaN })).toThrow(RangeError);
    expect(() => summarizeLlmUsage([], { bucketMs: HOUR, nowMs: T0, sinceMs: T0 + 1 })).toThrow(RangeError);
  });
});

describe("summarizeLlmUsage rankings", () => {
  it("lists the ten slowest operations by p95", () => {
    const calls: LlmCall[] = [];
    for (let op = 0; op < 12; op++) {
      for (let i = 0; i < 5; i++) calls.push(llmCall({ name: `op${op}`, durationMs: (op + 1) * 100 + i }));
    }
    calls.push(llmCall({ name: "op0", service: "billing", durationMs: 50_000 }));
    const summary = summarizeLlmUsage(calls, { bucketMs: HOUR, nowMs: T0 });
    expect(summary.slowestOperations).toHaveLength(10);
    expect(summary.slowestOperations[0]).toMatchObject({ service: "billing", name: "op0", count: 1, maxMs: 50_000 });
    expect(summary.slowestOperations.slice(1).map((op) => op.name)).toEqual(
      ["op11", "op10", "op9", "op8", "op7", "op6", "op5", "op4", "op3"],
    );
    const op11 = summary.slowestOperations[1];
    expect(op11).toMatchObject({ service: "support-api", model: "gpt-4o", count: 5, maxMs: 1204 });
    expectNear(op11.p95Ms, 1203);
    const slowest = calls.find((c) => c.name === "op11" && c.durationMs === 1204);
    expect(op11.slowest).toEqual({ traceId: slowest?.traceId, spanId: slowest?.spanId });
  });

  it("lists the most frequent error types per model", () => {
    const latest = llmCall({ isError: true, errorType: "RateLimitError", startMs: T0 + 50 });
    const summary = summarizeLlmUsage(
      [
        llmCall({ isError: true, errorType: "RateLimitError", startMs: T0 + 10 }),
        latest,
        llmCall({ isError: true, errorType: "RateLimitError", startMs: T0 + 20 }),
        llmCall({ isError: true, errorType: "Timeout", startMs: T0 + 5 }),
        llmCall({ isError: true, errorType: "RateLimitError", model: "claude-3-haiku", startMs: T0 + 1 }),
        llmCall({ isError: false, errorType: "" }),
      ],
      { bucketMs: HOUR, nowMs: T0 + HOUR },
    );
    expect(summary.topErrors).toEqual([
      { model: "gpt-4o", errorType: "RateLimitError", count: 3, lastSeenMs: T0 + 50, latest: { traceId: latest.traceId, spanId: latest.spanId } },
      expect.objectContaining({ model: "gpt-4o", errorType: "Timeout", count: 1 }),
      expect.objectContaining({ model: "claude-3-haiku", errorType: "RateLimitError", count: 1 }),
    ]);
  });
});

describe("summarizeLlmUsage thresholds", () => {
  it("warns per model on error rate and p95 latency", () => {
    const calls = [
      ...Array.from({ length: 9 }, () => llmCall({ durationMs: 9000 })),
      llmCall({ durationMs: 9000, isError: true, errorType: "Timeout" }),
      ...Array.from({ length: 10 }, () => llmCall({ model: "gpt-4o-mini", durationMs: 500 })),
    ];
    const summary = summarizeLlmUsage(calls, {
      bucketMs: HOUR,
      nowMs: T0 + HOUR,
      thresholds: { error_rate: 0.05, latency_p95_ms: 5000 },
    });
    expect(summary.warnings).toHaveLength(2);
    expect(summary.warnings[0]).toEqual({
      model: "gpt-4o",
      metric: "error_rate",
      value: 0.1,
      threshold: 0.05,
      message: "gpt-4o: error rate 10% (1 of 10 calls) is above the 5% threshold",
    });
    expect(summary.warnings[1]).toMatchObject({ model: "gpt-4o", metric: "latency_p95_ms", threshold: 5000 });
    expect(summary.warnings[1].message).toMatch(/^gpt-4o: p95 latency \d+ ms is above the 5000 ms threshold$/);
  });

  it("warns on cost per hour over the window", () => {
    // 10 calls of 1M input tokens on gpt-4o = $25 over a 5-hour window = $5/hour.
    const calls = Array.from({ length: 10 }, (_, i) =>
      llmCall({ startMs: T0 + i * 30 * 60_000, inputTokens: 1_000_000, outputTokens: 0 }),
    );
    const summary = summarizeLlmUsage(calls, {
      bucketMs: HOUR,
      sinceMs: T0,
      nowMs: T0 + 5 * HOUR,
      thresholds: { cost_per_hour_usd: 4 },
    });
    expect(summary.warnings).toEqual([
      {
        model: "gpt-4o",
        metric: "cost_per_hour_usd",
        value: 5,
        threshold: 4,
        message: "gpt-4o: $5.00 per hour over the last 5 h is above the $4.00 per hour threshold",
      },
    ]);
  });

  it("warns on the worst hour when the average stays under", () => {
    // $25 in the first hour of a 10-hour window: $2.50/hour on average, $25 at peak.
    const calls = Array.from({ length: 10 }, (_, i) =>
      llmCall({ startMs: T0 + i * 60_000, inputTokens: 1_000_000, outputTokens: 0 }),
    );
    calls.push(llmCall({ startMs: T0 + 5 * HOUR, model: "my-finetune" }));
    const summary = summarizeLlmUsage(calls, {
      bucketMs: HOUR,
      sinceMs: T0,
      nowMs: T0 + 10 * HOUR,
      thresholds: { cost_per_hour_usd: 10 },
    });
    expect(summary.warnings).toEqual([
      {
        model: "gpt-4o",
        metric: "cost_peak_hour_usd",
        value: 25,
        threshold: 10,
        hourStartMs: T0,
        message: "gpt-4o: $25.00 in the hour from 2026-01-15 10:00 UTC is above the $10.00 per hour threshold",
      },
    ]);
  });

  it("says when a cost is a lower bound", () => {
    const calls = [
      llmCall({ inputTokens: 1_000_000, outputTokens: 0 }),
      llmCall({ inputTokens: null }),
    ];
    const summary = summarizeLlmUsage(calls, { bucketMs: HOUR, nowMs: T0, thresholds: { cost_per_hour_usd: 1 } });
    expect(summary.warnings[0].message).toBe(
      "gpt-4o: $2.50 per hour over the last 1 h (at least: 1 calls could not be priced) is above the $1.00 per hour threshold",
    );
  });

  it("raises nothing under the thresholds", () => {
    const summary = summarizeLlmUsage([llmCall(), llmCall({ model: "my-finetune" })], {
      bucketMs: HOUR,
      nowMs: T0,
      thresholds: { error_rate: 0, latency_p95_ms: 2000, cost_per_hour_usd: 1 },
    });
    expect(summary.warnings).toEqual([]);
  });
});
