// What the trace search bar offers to pick from (Jaeger's /api/services and
// /api/services/:service/operations): the services of any span, not only roots, and the
// operations of one service. Both read only the index (workspace, service, start, name, ...).
import type { Store } from "./db";
import { driverQuery } from "./driver-sql";
import { SqlStatement } from "./trace-search-sql";

/** More services than a bar can list; a bound on the walk below. */
export const MAX_SEARCH_SERVICES = 1000;
/** A service's operations are those of its newest spans, this many of them. */
export const OPERATIONS_FROM_NEWEST_SPANS = 50_000;

/**
 * Every service with spans in the workspace (at most MAX_SEARCH_SERVICES), by name. One index probe per service (the next
 * name after the last one found) instead of a walk over every span: a loose index scan,
 * written as a recursive query because neither SQLite without statistics nor PostgreSQL
 * skips through an index on its own for DISTINCT.
 */
export async function listSearchServices(store: Store, workspaceId: string): Promise<string[]> {
  const sql = new SqlStatement(store.dialect)
    .add("WITH RECURSIVE found(name, n) AS (SELECT (SELECT min(s.service) FROM spans s WHERE s.workspace_id = ")
    .value(workspaceId)
    .add("), 1 UNION ALL SELECT (SELECT min(s.service) FROM spans s WHERE s.workspace_id = ")
    .value(workspaceId)
    .add(` AND s.service > found.name), found.n + 1 FROM found WHERE found.name IS NOT NULL AND found.n < ${MAX_SEARCH_SERVICES}) `)
    .add("SELECT name FROM found WHERE name IS NOT NULL");
  return byName((await driverQuery(await store.driver(), sql.text, sql.args)).map(([name]) => name as string));
}

/**
 * The operations (span names) of `service` among its newest OPERATIONS_FROM_NEWEST_SPANS spans,
 * by name. Bounded rather than complete: a service's every span would be a walk over millions
 * of index entries; an operation not seen lately can still be typed.
 */
export async function listSearchOperations(store: Store, workspaceId: string, service: string): Promise<string[]> {
  const sql = new SqlStatement(store.dialect)
    .add("SELECT DISTINCT recent.name FROM (SELECT s.name FROM spans s WHERE s.workspace_id = ")
    .value(workspaceId)
    .add(" AND s.service = ")
    .value(service)
    .add(` ORDER BY s.start_ns DESC LIMIT ${OPERATIONS_FROM_NEWEST_SPANS}) recent`);
  return byName((await driverQuery(await store.driver(), sql.text, sql.args)).map(([name]) => name as string));
}

/** In code-unit order on both stores (PostgreSQL's ORDER BY follows the database's collation). */
function byName(names: string[]): string[] {
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
