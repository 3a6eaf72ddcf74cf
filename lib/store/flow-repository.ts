// Trace completion bookkeeping: claims, span loading, the service graph read.
import type { DiscoverableSpan } from "../flows/discover-trace";
import { aggregateServiceGraph, emptyServiceGraph, summarizeGraph, type GraphSummary, type ServiceGraph, type ServiceViewGraph } from "../graph";
import type { Attributes, SpanEvent, SpanKindNumber } from "../otlp/span";
import type { Store } from "./db";
import { driverQuery, readJsonColumn } from "./driver-sql";
import { sqlDialect } from "./sql-dialect";

export interface TraceRef {
  workspaceId: string;
  traceId: string;
}

const STATUS = ["unset", "ok", "error"] as const;

/** Trace ids by workspace, so each statement filters one workspace by a list of ids. */
export function traceIdsByWorkspace(refs: readonly TraceRef[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ref of refs) {
    const ids = out.get(ref.workspaceId);
    if (ids) ids.push(ref.traceId);
    else out.set(ref.workspaceId, [ref.traceId]);
  }
  return out;
}

/** The shortest trace_idle_ms a workspace may set; lets the claim query use its index. */
export const MIN_TRACE_IDLE_MS = 100;

/**
 * Claims traces idle for their workspace's trace_idle_ms (and claims left behind by an
 * instance that died, older than `staleClaimBeforeMs`) for this instance. On PostgreSQL SKIP
 * LOCKED lets several instances claim side by side, each trace by exactly one.
 */
export async function claimIdleTraces(
  store: Store,
  options: { instanceId: string; nowMs: number; staleClaimBeforeMs: number; limit: number },
): Promise<TraceRef[]> {
  const d = sqlDialect(store.dialect);
  // Spans can be stored before their workspace row exists; those wait the default window.
  const idle = `COALESCE((SELECT w.trace_idle_ms FROM workspaces w WHERE w.id = traces.workspace_id), 10000)`;
  // Two statements, not one with OR, so each is a range of the (state, last_seen_ms) index:
  // an OR made every round scan the whole traces table. Each placeholder is used once
  // (SQLite's are positional).
  const idleOpen =
    `state = 'open' AND last_seen_ms < ${d.param(3, "bigint")} AND last_seen_ms < ${d.param(4, "bigint")} - ${idle} ` +
    `ORDER BY last_seen_ms LIMIT ${d.param(5, "int")}`;
  const staleClaims = `state = 'processing' AND claimed_at_ms < ${d.param(3, "bigint")} LIMIT ${d.param(4, "int")}`;
  const claim = (where: string) =>
    store.dialect === "postgresql"
      ? `UPDATE traces SET state = 'processing', claimed_by = $1, claimed_at_ms = $2::bigint WHERE (workspace_id, trace_id) IN ` +
        `(SELECT workspace_id, trace_id FROM traces WHERE ${where} FOR UPDATE SKIP LOCKED) RETURNING workspace_id, trace_id`
      : `UPDATE traces SET state = 'processing', claimed_by = ?, claimed_at_ms = ? WHERE rowid IN (SELECT rowid FROM traces WHERE ${where}) RETURNING workspace_id, trace_id`;
  type Row = { workspace_id: string; trace_id: string };
  const stale = await store.prisma.$queryRawUnsafe<Row[]>(claim(staleClaims), options.instanceId, BigInt(options.nowMs), BigInt(options.staleClaimBeforeMs), options.limit);
  const rows =
    stale.length >= options.limit
      ? stale
      : [
          ...stale,
          ...(await store.prisma.$queryRawUnsafe<Row[]>(
            claim(idleOpen),
            options.instanceId,
            BigInt(options.nowMs),
            BigInt(options.nowMs - MIN_TRACE_IDLE_MS),
            BigInt(options.nowMs),
            options.limit - stale.length,
          )),
        ];
  return rows.map((r) => ({ workspaceId: r.workspace_id, traceId: r.trace_id }));
}

/** Claims one trace now, whatever its idle time (forced completion); false when unknown. */
export async function claimTrace(store: Store, ref: TraceRef, instanceId: string, nowMs: number): Promise<boolean> {
  const result = await store.prisma.trace.updateMany({
    where: { workspaceId: ref.workspaceId, traceId: ref.traceId },
    data: { state: "processing", claimedBy: instanceId, claimedAtMs: BigInt(nowMs) },
  });
  return result.count > 0;
}

/** Renews this instance's claims, so other instances do not take them over while it lives. */
export async function renewClaims(store: Store, instanceId: string, nowMs: number): Promise<number> {
  const result = await store.prisma.trace.updateMany({ where: { state: "processing", claimedBy: instanceId }, data: { claimedAtMs: BigInt(nowMs) } });
  return result.count;
}

/**
 * Other instances' claims back to open: at start on SQLite, whose one file has one server, any
 * claim but this process's own (a forced completion may already hold one) is a dead process's.
 */
export async function releaseOthersClaims(store: Store, instanceId: string): Promise<number> {
  const result = await store.prisma.trace.updateMany({ where: { state: "processing", claimedBy: { not: instanceId } }, data: { state: "open" } });
  return result.count;
}

/** Gives a claim back so the trace is tried again later (after a failure). */
export async function releaseClaim(store: Store, ref: TraceRef, instanceId: string): Promise<void> {
  await store.prisma.trace.updateMany({
    where: { workspaceId: ref.workspaceId, traceId: ref.traceId, state: "processing", claimedBy: instanceId },
    data: { state: "open" },
  });
}

/** The spans of several traces, by `workspaceId\u0000traceId`, in one query per workspace. */
export type StoredDiscoverableSpan = DiscoverableSpan & { resourceId: string; statusMessage: string; events: SpanEvent[] };

interface StoredEvent {
  time_ns: string;
  name: string;
  attributes: Attributes;
  dropped_attributes_count?: number;
}

/** Events as span-rows.ts stores them, back in the decoded shape. */
export function readStoredEvents(json: unknown): SpanEvent[] {
  if (!Array.isArray(json) || json.length === 0) return [];
  return (json as StoredEvent[]).map((e) => ({ timeNs: BigInt(e.time_ns), name: e.name, attributes: e.attributes ?? {}, droppedAttributesCount: e.dropped_attributes_count ?? 0 }));
}

const DISCOVERABLE_COLUMNS =
  "trace_id, span_id, parent_span_id, service, name, kind, status_code, status_message, start_ns, end_ns, attributes, events, is_test_generated, is_synthetic, resource_id";
/** Trace ids per statement: well under both stores' limits on bound parameters. */
const LOAD_CHUNK = 500;

/**
 * On the driver adapter, not Prisma's findMany: decoding its rows cost ~0.1 ms of the server
 * thread per 8-span trace under sustained ingest (cpu profile). Both drivers return bigints and
 * JSON columns as text.
 */
export async function loadDiscoverableSpans(store: Store, refs: TraceRef[]): Promise<Map<string, StoredDiscoverableSpan[]>> {
  const d = sqlDialect(store.dialect);
  const out = new Map<string, StoredDiscoverableSpan[]>(refs.map((r) => [`${r.workspaceId}\u0000${r.traceId}`, []]));
  const driver = await store.driver();
  for (const [workspaceId, traceIds] of traceIdsByWorkspace(refs)) {
    for (let i = 0; i < traceIds.length; i += LOAD_CHUNK) {
      const ids = traceIds.slice(i, i + LOAD_CHUNK);
      const rows = await driverQuery(
        driver,
        `SELECT ${DISCOVERABLE_COLUMNS} FROM spans WHERE workspace_id = ${d.param(1)} AND trace_id IN (${ids.map((_, j) => d.param(j + 2)).join(", ")})`,
        [workspaceId, ...ids],
      );
      for (const r of rows) {
        out.get(`${workspaceId}\u0000${r[0] as string}`)?.push({
          traceId: r[0] as string,
          spanId: r[1] as string,
          parentSpanId: r[2] as string,
          service: r[3] as string,
          name: r[4] as string,
          kind: Number(r[5]) as SpanKindNumber,
          status: STATUS[Number(r[6])] ?? "unset",
          statusMessage: r[7] as string,
          startNs: BigInt(r[8] as string),
          endNs: BigInt(r[9] as string),
          attributes: (readJsonColumn(r[10]) ?? {}) as DiscoverableSpan["attributes"],
          events: readStoredEvents(readJsonColumn(r[11])),
          isTestGenerated: Boolean(r[12]),
          isSynthetic: Boolean(r[13]),
          resourceId: r[14] as string,
        });
      }
    }
  }
  return out;
}


/** The workspace's service graph as the API returns it, in the service or the endpoint view. */
export async function getServiceGraph(store: Store, workspaceId: string, view: "endpoint"): Promise<GraphSummary>;
export async function getServiceGraph(store: Store, workspaceId: string, view: "service"): Promise<ServiceViewGraph>;
export async function getServiceGraph(store: Store, workspaceId: string, view: "service" | "endpoint"): Promise<GraphSummary | ServiceViewGraph>;
export async function getServiceGraph(store: Store, workspaceId: string, view: "service" | "endpoint"): Promise<GraphSummary | ServiceViewGraph> {
  const row = await store.prisma.serviceGraph.findUnique({ where: { workspaceId } });
  const graph = row ? (row.graph as unknown as ServiceGraph) : emptyServiceGraph();
  return view === "service" ? aggregateServiceGraph(graph) : summarizeGraph(graph);
}

/** Resource attributes by resource id, for the entry spans of a round. */
export async function loadResourceAttributes(store: Store, resourceIds: string[]): Promise<Map<string, Attributes>> {
  if (resourceIds.length === 0) return new Map();
  const rows = await store.prisma.resource.findMany({ where: { id: { in: [...new Set(resourceIds)] } }, select: { id: true, attributes: true } });
  return new Map(rows.map((r) => [r.id, (r.attributes ?? {}) as Attributes]));
}
