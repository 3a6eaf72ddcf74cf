// Trace search (GET .../telemetry/traces with filters, and later Jaeger's /api/traces): runs
// the plan lib/traces/trace-search-plan.ts makes, straight on the driver adapter (a page is a
// few statements; Prisma's row mapping is not needed for them).
import { planTraceSearch, roundSettles, searchPage, SEARCH_BUDGETS, settledMatches, type SearchOutcome, type ServiceScanRound, type TraceSearchBudget, type TraceSearchPlan } from "../traces/trace-search-plan";
import type { TraceSearchQuery } from "../traces/trace-search-query";
import type { SqlQueryable } from "@prisma/driver-adapter-utils";
import type { Store } from "./db";
import { driverQuery } from "./driver-sql";
import { STATUS_CODES } from "./span-rows";
import { traceSummaryView, type TraceSummaryRow, type TraceSummaryView } from "./trace-queries";
import { passingResourcesSql, SqlStatement, spanConditions, spansByTrace, traceHasSpan, traceRowConditions, TRACE_SUMMARY_COLUMNS, type PassingResources } from "./trace-search-sql";

export interface TraceSearchResultView {
  /** Newest first: what the list shows, and the duration scatter plots (start_time, duration_ms, has_error). */
  traces: TraceSummaryView[];
  /** Every trace matching, when counting them is cheap: no filter but the time range (or trace id). Null otherwise. */
  total: number | null;
  /** Another page of matches follows this one (ask with offset + limit). */
  has_more: boolean;
  /**
   * Set when the search spent its scan bound before it filled the page: every trace that started
   * at or after this time was examined, older ones were not. Ask again with `to` set to it to
   * search further back. Null when the page is full or the whole range was examined.
   */
  searched_back_to: string | null;
}

type TraceRow = TraceSummaryRow;

/** One search's fixed inputs, shared by its statements. */
interface Search {
  store: Store;
  db: SqlQueryable;
  workspaceId: string;
  plan: TraceSearchPlan;
  resources: PassingResources;
}

/** Traces of the workspace matching `query`, newest first (`budget`: the scan bounds, for tests). */
export async function searchTraces(store: Store, workspaceId: string, query: TraceSearchQuery, budget: TraceSearchBudget = SEARCH_BUDGETS[store.dialect]): Promise<TraceSearchResultView> {
  const plan = planTraceSearch(query, budget);
  const db = await store.driver();
  const resources = await Promise.all(
    (plan.span?.attributes ?? []).map(async (attribute) => {
      const sql = passingResourcesSql(store.dialect, workspaceId, attribute);
      return (await driverQuery(db, sql.text, sql.args)).map(([id]) => id as string);
    }),
  );
  const search: Search = { store, db, workspaceId, plan, resources };
  const outcome = await runPlan(search);
  const { page, hasMore, searchedBackToMs } = searchPage(plan, outcome);
  const [services, total] = await Promise.all([servicesByTrace(search, page.map((row) => row.traceId)), plan.countTotal ? countTraces(search) : Promise.resolve(null)]);
  return {
    traces: page.map((row) => traceSummaryView(row, services.get(row.traceId) ?? [])),
    total,
    has_more: hasMore,
    searched_back_to: searchedBackToMs === null ? null : new Date(searchedBackToMs).toISOString(),
  };
}

async function runPlan(search: Search): Promise<SearchOutcome<TraceRow>> {
  const { store, db, workspaceId, plan, resources } = search;
  const { drive } = plan;
  if (drive.kind === "trace-id") {
    const sql = new SqlStatement(store.dialect).add(`SELECT ${TRACE_SUMMARY_COLUMNS} FROM traces t WHERE t.workspace_id = `).value(workspaceId).add(" AND t.trace_id = ").value(drive.traceId);
    traceRowConditions(sql, plan, plan.fromNs);
    if (plan.span) traceHasSpan(sql, store.dialect, plan.span, resources, plan.toNs);
    return { matches: await traceRows(db, sql), floorNs: null };
  }
  if (drive.kind === "traces") {
    // Every trace qualifies: the database skips to the page (a deep page need not travel here).
    if (drive.budgets === null) return { matches: await traceWindow(search, plan.fromNs, plan.toNs, plan.limit + 1, plan.offset), floorNs: null, skipped: plan.offset };
    // Consecutive windows [floor, upper), newest first: each examines traces no earlier one did.
    const matches: TraceRow[] = [];
    let upper = plan.toNs;
    let floorNs: bigint | null = null;
    for (const budget of drive.budgets) {
      floorNs = await tracesFloor(search, budget);
      matches.push(...(await traceWindow(search, floorNs ?? plan.fromNs, upper, plan.need - matches.length)));
      if (roundSettles(plan, { matches, floorNs })) break;
      upper = floorNs!;
    }
    return { matches, floorNs };
  }
  // Consecutive windows of the service's spans, newest first. The traces a window's spans match
  // are kept across windows: a trace found by a late span may rank only once older windows
  // have been scanned (settledMatches).
  const found = new Map<string, TraceRow>();
  let upper = plan.toNs;
  let outcome: SearchOutcome<TraceRow> = { matches: [], floorNs: null };
  for (const round of drive.rounds) {
    const floorNs = await serviceSpansFloor(search, drive.service, round);
    for (const row of await serviceWindow(search, drive.service, floorNs ?? plan.fromNs, upper)) found.set(row.traceId, row);
    outcome = settledMatches(plan, found.values(), floorNs);
    if (roundSettles(plan, outcome)) break;
    upper = floorNs!;
  }
  return outcome;
}

/**
 * Traces with a span of the service in [low, upper) meeting the span conditions, and meeting
 * the trace conditions themselves, newest first, at most a page's worth: a trace beyond that
 * is outranked by as many of this window's own.
 */
async function serviceWindow({ store, db, workspaceId, plan, resources }: Search, service: string, low: bigint | undefined, upper: bigint | undefined): Promise<TraceRow[]> {
  const sql = new SqlStatement(store.dialect).add(`SELECT ${TRACE_SUMMARY_COLUMNS} FROM (SELECT DISTINCT s.trace_id FROM spans s WHERE s.workspace_id = `).value(workspaceId);
  sql.add(" AND s.service = ").value(service);
  if (low !== undefined) sql.add(" AND s.start_ns >= ").value(low, "bigint");
  if (upper !== undefined) sql.add(" AND s.start_ns < ").value(upper, "bigint");
  spanConditions(sql, store.dialect, plan.span!, resources, { skipService: true });
  // Each matching trace looked up by its key, rather than every trace of the workspace walked
  // and joined: SQLite takes the left side of a CROSS JOIN as the outer loop; PostgreSQL, which
  // would hash-join a seq scan of traces (100 ms at 168,000 traces, measured), loops over a
  // LATERAL subquery.
  if (store.dialect === "sqlite") sql.add(") m CROSS JOIN traces t WHERE t.workspace_id = ").value(workspaceId).add(" AND t.trace_id = m.trace_id");
  else sql.add(`) m CROSS JOIN LATERAL (SELECT ${TRACE_SUMMARY_COLUMNS} FROM traces t WHERE t.workspace_id = `).value(workspaceId).add(" AND t.trace_id = m.trace_id");
  traceRowConditions(sql, plan, plan.fromNs);
  // LIMIT 1 (a trace id is unique) keeps PostgreSQL from pulling the subquery up into a join.
  if (store.dialect === "postgresql") sql.add(" LIMIT 1) t");
  sql.add(` ORDER BY t.start_ns DESC, t.trace_id LIMIT ${plan.need}`);
  return traceRows(db, sql);
}

/** Traces of [low, upper) meeting the plan's conditions, newest first, at most `limit` after `offset`. */
async function traceWindow({ store, db, workspaceId, plan, resources }: Search, low: bigint | undefined, upper: bigint | undefined, limit: number, offset = 0): Promise<TraceRow[]> {
  const sql = new SqlStatement(store.dialect).add(`SELECT ${TRACE_SUMMARY_COLUMNS} FROM traces t WHERE t.workspace_id = `).value(workspaceId);
  traceRowConditions(sql, { ...plan, toNs: upper }, low);
  if (plan.span) traceHasSpan(sql, store.dialect, plan.span, resources, plan.toNs);
  sql.add(` ORDER BY t.start_ns DESC, t.trace_id LIMIT ${limit}${offset > 0 ? ` OFFSET ${offset}` : ""}`);
  return traceRows(db, sql);
}

/** The start of the `budget`-th newest trace of the range: where a bounded scan stops; null when the range holds fewer. */
async function tracesFloor({ store, db, workspaceId, plan }: Search, budget: number): Promise<bigint | null> {
  const sql = new SqlStatement(store.dialect).add("SELECT t.start_ns FROM traces t WHERE t.workspace_id = ").value(workspaceId);
  if (plan.fromNs !== undefined) sql.add(" AND t.start_ns >= ").value(plan.fromNs, "bigint");
  if (plan.toNs !== undefined) sql.add(" AND t.start_ns < ").value(plan.toNs, "bigint");
  sql.add(` ORDER BY t.start_ns DESC LIMIT 1 OFFSET ${budget - 1}`);
  const [row] = await driverQuery(db, sql.text, sql.args);
  return row ? BigInt(String(row[0])) : null;
}

/**
 * Where a service window may reach back to, from the index alone: the start of the service's
 * `entries`-th newest span of the range, or, when fewer rows may be read, of the `rowReads`-th
 * newest of those that pass operation and status, if that is more recent. Null: the range holds
 * fewer, the window reaches its start.
 */
async function serviceSpansFloor({ store, db, workspaceId, plan }: Search, service: string, round: ServiceScanRound): Promise<bigint | null> {
  const nth = async (low: bigint | undefined, count: number, indexConditions: boolean): Promise<bigint | null> => {
    const sql = new SqlStatement(store.dialect).add("SELECT s.start_ns FROM spans s WHERE s.workspace_id = ").value(workspaceId).add(" AND s.service = ").value(service);
    if (low !== undefined) sql.add(" AND s.start_ns >= ").value(low, "bigint");
    if (plan.toNs !== undefined) sql.add(" AND s.start_ns < ").value(plan.toNs, "bigint");
    if (indexConditions && plan.span?.operation !== undefined) sql.add(" AND s.name = ").value(plan.span.operation);
    if (indexConditions && plan.span?.status !== undefined) sql.add(" AND s.status_code = ").value(STATUS_CODES[plan.span.status], "int");
    sql.add(` ORDER BY s.start_ns DESC LIMIT 1 OFFSET ${count - 1}`);
    const [row] = await driverQuery(db, sql.text, sql.args);
    return row ? BigInt(String(row[0])) : null;
  };
  const byEntries = await nth(plan.fromNs, round.entries, false);
  if (round.rowReads === null || round.rowReads >= round.entries) return byEntries;
  // Counted within the entries' reach, so this scan of the index is bounded too.
  return (await nth(byEntries ?? plan.fromNs, round.rowReads, true)) ?? byEntries;
}

async function traceRows(db: SqlQueryable, sql: SqlStatement): Promise<TraceRow[]> {
  const rows = await driverQuery(db, sql.text, sql.args);
  return rows.map(([traceId, startNs, endNs, spanCount, errorCount, rootService, rootName, state, isTestGenerated]) => ({
    traceId: traceId as string,
    // 64-bit integers come as decimal text (or as numbers while they are small).
    startNs: BigInt(String(startNs)),
    endNs: BigInt(String(endNs)),
    spanCount: Number(spanCount),
    errorCount: Number(errorCount),
    rootService: rootService as string,
    rootName: rootName as string,
    state: state as string,
    // SQLite answers 0/1, PostgreSQL a boolean.
    isTestGenerated: isTestGenerated === true || isTestGenerated === 1,
  }));
}

async function countTraces({ store, db, workspaceId, plan }: Search): Promise<number> {
  const sql = new SqlStatement(store.dialect).add("SELECT count(*) FROM traces t WHERE t.workspace_id = ").value(workspaceId);
  if (plan.drive.kind === "trace-id") sql.add(" AND t.trace_id = ").value(plan.drive.traceId);
  traceRowConditions(sql, plan, plan.fromNs);
  const [[count]] = await driverQuery(db, sql.text, sql.args);
  return Number(count);
}

/** Each trace's services, by name. */
async function servicesByTrace({ store, db, workspaceId }: Search, traceIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (traceIds.length === 0) return out;
  const sql = new SqlStatement(store.dialect).add(`SELECT DISTINCT s.trace_id, s.service FROM ${spansByTrace(store.dialect)} WHERE s.workspace_id = `).value(workspaceId);
  sql.add(" AND s.trace_id IN (").values(traceIds).add(")");
  for (const [traceId, service] of await driverQuery(db, sql.text, sql.args)) {
    const list = out.get(traceId as string) ?? [];
    list.push(service as string);
    out.set(traceId as string, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}
