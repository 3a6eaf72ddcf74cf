// How a trace search reads the store: which index drives it, how far it may scan, and what
// its page says once the scan is done. Pure: the store executes the plan and reports back.
//
// Every search reads newest first through an index and stops at a bound, so its cost does not
// grow with the store:
// - a trace id: one primary-key lookup;
// - a service (with any other condition): that service's spans through the index
//   (workspace, service, start, name, status, trace id), which answers service, operation and
//   status without reading the span row; attributes and span durations read the rows of the
//   spans that passed. Scanned in consecutive windows, newest first, each reaching four times as
//   far back as the one before, until a page is certain or the budget is spent;
// - otherwise the traces by start (index (workspace, start)), each checked on its own row
//   (duration, error count) and, for span conditions without a service, on its spans through
//   the primary key (workspace, trace, span), until a page is found or the budget is spent.
// A search that spends its budget before filling its page says how far back it looked
// (`searchedBackToMs`): every trace that started at or after it was examined.
import type { AttributeFilter } from "./trace-search-attribute";
import { attributeValueJsonTexts } from "./trace-search-attribute";
import { hasSpanConditions, type SearchSpanStatus, type TraceSearchQuery } from "./trace-search-query";

export interface TraceSearchBudget {
  /** Traces examined on their own rows only (duration, errors). */
  traces: number;
  /** Traces examined together with their spans (span conditions without a service). */
  tracesWithSpans: number;
  /** A service's spans examined in the index alone (service, operation, status). */
  serviceSpans: number;
  /** A service's spans whose rows are read too (attributes, span duration). */
  serviceSpanRows: number;
  /** The first window's reach at least (then four times as far each); tests make it small. */
  firstWindow: number;
}

/**
 * Bounds of one search, per store. Measured with bench/trace-search-bench.ts on 2 busy cores, a
 * search that finds nothing and runs to its bound takes at the median, on SQLite at 5M spans:
 * 200,000 trace rows 85 ms; 10,000 traces with their spans 35-55 ms (more with attributes);
 * 100,000 index entries 25 ms; 20,000 span rows 25-60 ms (root spans with many attributes
 * dearest); p95s up to 120 ms. PostgreSQL (1M spans) took about twice as long for each, with
 * p95s above 200 ms: its bounds are lower.
 */
export const SEARCH_BUDGETS: Record<"sqlite" | "postgresql", TraceSearchBudget> = {
  sqlite: { traces: 200_000, tracesWithSpans: 10_000, serviceSpans: 100_000, serviceSpanRows: 20_000, firstWindow: 256 },
  postgresql: { traces: 120_000, tracesWithSpans: 6_000, serviceSpans: 60_000, serviceSpanRows: 12_000, firstWindow: 256 },
};

export interface AttributeMatch {
  key: string;
  op: AttributeFilter["op"];
  /** equals / not_equals: the stored values, as compact JSON text, that count as the filter's value. */
  jsonTexts: string[];
}

/** Span conditions with their values as the store compares them. */
export interface SpanMatch {
  service?: string;
  operation?: string;
  status?: SearchSpanStatus;
  attributes: AttributeMatch[];
  minDurationNs?: bigint;
  maxDurationNs?: bigint;
}

export type SearchDrive =
  | { kind: "trace-id"; traceId: string }
  /**
   * Traces by start, newest first, in consecutive windows: window i ends where window i-1 began
   * and reaches back to the `budgets[i]`-th newest trace. Null: every trace qualifies, the
   * first page is the answer.
   */
  | { kind: "traces"; budgets: number[] | null }
  /**
   * The service's spans by start, newest first, in consecutive windows: window i ends where
   * window i-1 began and reaches back as far as `rounds[i]` allows.
   */
  | { kind: "service-spans"; service: string; rounds: ServiceScanRound[] };

/** How far back a service window may reach, counted from the newest span of the range. */
export interface ServiceScanRound {
  /** Index entries of the service. */
  entries: number;
  /**
   * Span rows read: of the entries that pass the conditions the index answers (operation,
   * status), at most this many. Null: no more than `entries` (rows are not read, or every entry's is).
   */
  rowReads: number | null;
}

export interface TraceSearchPlan {
  drive: SearchDrive;
  /** Trace start bounds in ns: from inclusive, to exclusive. */
  fromNs?: bigint;
  toNs?: bigint;
  minDurationNs?: bigint;
  maxDurationNs?: bigint;
  /** A span of the trace must meet these; null: no span condition left to check on spans. */
  span: SpanMatch | null;
  /** Only traces with an error span: read from the trace row (status=error needs one). */
  errorsOnly: boolean;
  /** Matches wanted: the page, those skipped before it, and one more to tell if more follow. */
  need: number;
  offset: number;
  limit: number;
  /** Counting every match is cheap only when nothing but the time range (or id) selects. */
  countTotal: boolean;
}

const NS_PER_MS = 1_000_000n;
const msToNs = (ms: number): bigint => BigInt(Math.round(ms * 1_000_000));

/** `budget`: the bounds of its scans, SEARCH_BUDGETS for the store's kind (tests pass small ones). */
export function planTraceSearch(query: TraceSearchQuery, budget: TraceSearchBudget): TraceSearchPlan {
  const { span } = query;
  // A trace has an error span exactly when its error count is above zero: status=error alone
  // is answered by the trace row, and with other conditions that count still rules traces out.
  const errorsOnly = span.status === "error";
  const onlyErrors = errorsOnly && !hasSpanConditions({ ...span, status: undefined });
  const match: SpanMatch | null = hasSpanConditions(span) && !onlyErrors
    ? {
        ...(span.service !== undefined ? { service: span.service } : {}),
        ...(span.operation !== undefined ? { operation: span.operation } : {}),
        ...(span.status !== undefined ? { status: span.status } : {}),
        attributes: span.attributes.map((filter) => ({ key: filter.key, op: filter.op, jsonTexts: filter.op === "exists" ? [] : attributeValueJsonTexts(filter.value) })),
        ...(span.minDurationMs !== undefined ? { minDurationNs: msToNs(span.minDurationMs) } : {}),
        ...(span.maxDurationMs !== undefined ? { maxDurationNs: msToNs(span.maxDurationMs) } : {}),
      }
    : null;
  const need = query.offset + query.limit + 1;
  const traceFiltered = errorsOnly || query.minDurationMs !== undefined || query.maxDurationMs !== undefined;
  let drive: SearchDrive;
  if (query.traceId !== undefined) drive = { kind: "trace-id", traceId: query.traceId };
  else if (match?.service !== undefined) {
    // Attributes and span durations are in the span row; operation and status in the index, so
    // with them only the rows of the spans that pass are read, and the index may reach further.
    const readsRows = match.attributes.length > 0 || match.minDurationNs !== undefined || match.maxDurationNs !== undefined;
    const indexFilters = match.operation !== undefined || match.status !== undefined;
    const rounds = !readsRows
      ? growingBudgets(need, budget.serviceSpans, budget.firstWindow).map((entries) => ({ entries, rowReads: null }))
      : indexFilters
        ? growingBudgets(need, budget.serviceSpans, budget.firstWindow).map((entries) => ({ entries, rowReads: Math.min(entries, budget.serviceSpanRows) }))
        : growingBudgets(need, budget.serviceSpanRows, budget.firstWindow).map((entries) => ({ entries, rowReads: null }));
    drive = { kind: "service-spans", service: match.service, rounds };
  } else if (match !== null) drive = { kind: "traces", budgets: growingBudgets(need, budget.tracesWithSpans, budget.firstWindow) };
  else drive = { kind: "traces", budgets: traceFiltered ? growingBudgets(need, budget.traces, budget.firstWindow) : null };
  return {
    drive,
    ...(query.fromMs !== undefined ? { fromNs: BigInt(query.fromMs) * NS_PER_MS } : {}),
    ...(query.toMs !== undefined ? { toNs: BigInt(query.toMs) * NS_PER_MS } : {}),
    ...(query.minDurationMs !== undefined ? { minDurationNs: msToNs(query.minDurationMs) } : {}),
    ...(query.maxDurationMs !== undefined ? { maxDurationNs: msToNs(query.maxDurationMs) } : {}),
    span: match,
    errorsOnly,
    need,
    offset: query.offset,
    limit: query.limit,
    countTotal: match === null && !traceFiltered,
  };
}

/**
 * Where scan windows end: the first where a page would be found if a quarter of the candidates
 * matched, then four times as far each, up to the budget. Windows do not overlap; only finding
 * each window's start re-reads the index from the newest entry.
 */
function growingBudgets(need: number, max: number, first: number): number[] {
  const out: number[] = [];
  for (let budget = Math.max(first, need * 4); budget < max; budget *= 4) out.push(budget);
  out.push(max);
  return out;
}

export interface SearchOutcome<T> {
  /** Matches newest first, at most `need`, after the `skipped` the store passed over itself. */
  matches: T[];
  /** Matches the store skipped (SQL OFFSET) when it needed no scan bound; 0 otherwise. */
  skipped?: number;
  /** Where the last round's scan stopped (ns): traces starting before it were not examined. Null: the whole range was. */
  floorNs: bigint | null;
}

export interface SearchPage<T> {
  page: T[];
  hasMore: boolean;
  /** Set when the scan stopped at its bound before the page was full: the search reached back to this time (ms, rounded up). */
  searchedBackToMs: number | null;
}

/**
 * What the windows scanned so far have settled: the matches found, newest first, that started at
 * or after `floorNs`. A trace that started there has all its spans in the windows scanned, so
 * whether it matches is known; one that started earlier was found by a span in them, but other
 * traces that started between it and the floor may match by spans not scanned yet.
 */
export function settledMatches<T extends { traceId: string; startNs: bigint }>(plan: TraceSearchPlan, found: Iterable<T>, floorNs: bigint | null): SearchOutcome<T> {
  const matches = [...found]
    .filter((row) => floorNs === null || row.startNs >= floorNs)
    .sort((a, b) => (a.startNs !== b.startNs ? (a.startNs > b.startNs ? -1 : 1) : a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0))
    .slice(0, plan.need);
  return { matches, floorNs };
}

/** Whether a round's outcome settles the search (a full page, or nothing left to scan). */
export function roundSettles<T>(plan: TraceSearchPlan, outcome: SearchOutcome<T>): boolean {
  return outcome.matches.length >= plan.need || outcome.floorNs === null;
}

export function searchPage<T>(plan: TraceSearchPlan, outcome: SearchOutcome<T>): SearchPage<T> {
  const skipped = outcome.skipped ?? 0;
  const full = skipped + outcome.matches.length >= plan.need;
  // Rounded up: asking again with `to` set to it re-examines at most the last millisecond
  // instead of skipping part of it.
  const backTo = !full && outcome.floorNs !== null ? Number((outcome.floorNs + NS_PER_MS - 1n) / NS_PER_MS) : null;
  return {
    page: outcome.matches.slice(plan.offset - skipped, plan.offset - skipped + plan.limit),
    hasMore: full,
    searchedBackToMs: backTo,
  };
}
