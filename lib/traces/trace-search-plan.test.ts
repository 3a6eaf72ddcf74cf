import { describe, expect, it } from "vitest";
import { planTraceSearch, searchPage, SEARCH_BUDGETS, type TraceSearchPlan } from "./trace-search-plan";

const SEARCH_BUDGET = SEARCH_BUDGETS.sqlite;
import { parseTraceSearchQuery } from "./trace-search-query";

const plan = (query: string): TraceSearchPlan => planTraceSearch(parseTraceSearchQuery(new URLSearchParams(query)), SEARCH_BUDGET);

describe("planTraceSearch", () => {
  it("lists every trace without a bound when nothing filters, and counts them", () => {
    expect(plan("")).toMatchObject({ drive: { kind: "traces", budgets: null }, span: null, errorsOnly: false, need: 51, countTotal: true });
    expect(plan("from=1000&to=2000")).toMatchObject({ drive: { kind: "traces", budgets: null }, fromNs: 1_000_000_000n, toNs: 2_000_000_000n, countTotal: true });
  });

  it("answers status=error alone, and durations, from the trace row within the trace budget", () => {
    const errors = plan("status=error");
    expect(errors).toMatchObject({ span: null, errorsOnly: true, countTotal: false });
    expect(errors.drive).toEqual({ kind: "traces", budgets: [256, 1024, 4096, 16_384, 65_536, SEARCH_BUDGET.traces] });
    expect(plan("min_duration_ms=1.5&max_duration_ms=2")).toMatchObject({ minDurationNs: 1_500_000n, maxDurationNs: 2_000_000n, span: null, countTotal: false });
  });

  it("checks spans of traces by start when span conditions come without a service", () => {
    const p = plan("operation=GET /x&status=error&attr=tier:gold");
    expect(p.drive).toEqual({ kind: "traces", budgets: [256, 1024, 4096, SEARCH_BUDGET.tracesWithSpans] });
    // status=error with other conditions: the span must have failed, and the trace row rules out the rest first.
    expect(p).toMatchObject({ errorsOnly: true, span: { operation: "GET /x", status: "error", attributes: [{ key: "tier", op: "equals", jsonTexts: ['"gold"'] }] } });
    expect(plan("status=ok").span).toEqual({ status: "ok", attributes: [] });
  });

  it("scans a service's spans, further on the index alone than when span rows must be read", () => {
    const entries = (...list: number[]) => list.map((n) => ({ entries: n, rowReads: null }));
    expect(plan("service=orders&operation=SELECT&status=ok").drive).toEqual({ kind: "service-spans", service: "orders", rounds: entries(256, 1024, 4096, 16_384, 65_536, SEARCH_BUDGET.serviceSpans) });
    expect(plan("service=orders&attr=id exists").drive).toEqual({ kind: "service-spans", service: "orders", rounds: entries(256, 1024, 4096, 16_384, SEARCH_BUDGET.serviceSpanRows) });
    // Operation and status are read from the index: only the rows of the spans that pass count.
    expect(plan("service=orders&operation=SELECT&attr=id exists").drive).toEqual({
      kind: "service-spans",
      service: "orders",
      rounds: [256, 1024, 4096, 16_384, 65_536, SEARCH_BUDGET.serviceSpans].map((n) => ({ entries: n, rowReads: Math.min(n, SEARCH_BUDGET.serviceSpanRows) })),
    });
    // A bigger page starts with a bigger round.
    expect(plan("service=orders&limit=1000&offset=1000").drive).toMatchObject({ rounds: entries(8004, 32_016, SEARCH_BUDGET.serviceSpans) });
  });

  it("looks one trace up by id whatever else is asked", () => {
    expect(plan("trace_id=abcdef0123456789abcdef0123456789&service=orders&min_duration_ms=5")).toMatchObject({
      drive: { kind: "trace-id", traceId: "abcdef0123456789abcdef0123456789" },
      span: { service: "orders" },
      minDurationNs: 5_000_000n,
      countTotal: false,
    });
    expect(plan("trace_id=abcdef0123456789abcdef0123456789").countTotal).toBe(true);
  });

  it("takes the span durations Jaeger's API sets", () => {
    const p = planTraceSearch({ span: { service: "orders", attributes: [], minDurationMs: 100, maxDurationMs: 250.5 }, limit: 20, offset: 0 }, SEARCH_BUDGET);
    expect(p.span).toEqual({ service: "orders", attributes: [], minDurationNs: 100_000_000n, maxDurationNs: 250_500_000n });
    expect(p.drive).toMatchObject({ kind: "service-spans", rounds: [256, 1024, 4096, 16_384, SEARCH_BUDGET.serviceSpanRows].map((n) => ({ entries: n, rowReads: null })) });
  });
});

describe("searchPage", () => {
  const p = plan("limit=2&offset=1");
  it("cuts the page and says whether more follow", () => {
    expect(searchPage(p, { matches: [1, 2, 3, 4], floorNs: 5n })).toEqual({ page: [2, 3], hasMore: true, searchedBackToMs: null });
    expect(searchPage(p, { matches: [1, 2, 3], floorNs: null })).toEqual({ page: [2, 3], hasMore: false, searchedBackToMs: null });
  });

  it("counts the matches the store skipped itself", () => {
    expect(searchPage(p, { matches: [2, 3, 4], floorNs: null, skipped: 1 })).toEqual({ page: [2, 3], hasMore: true, searchedBackToMs: null });
    expect(searchPage(p, { matches: [2], floorNs: null, skipped: 1 })).toEqual({ page: [2], hasMore: false, searchedBackToMs: null });
    expect(searchPage(p, { matches: [], floorNs: null, skipped: 1 })).toEqual({ page: [], hasMore: false, searchedBackToMs: null });
  });

  it("says how far back a bounded scan reached, rounded up to the millisecond", () => {
    expect(searchPage(p, { matches: [1, 2], floorNs: 1_700_000_000_000_000_001n })).toEqual({ page: [2], hasMore: false, searchedBackToMs: 1_700_000_000_001 });
    expect(searchPage(p, { matches: [], floorNs: 1_700_000_000_000_000_000n }).searchedBackToMs).toBe(1_700_000_000_000);
  });
});
