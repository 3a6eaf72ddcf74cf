// Flows and the trace completion bookkeeping behind them.
import { randomUUID } from "node:crypto";
import type { DiscoveryOutcome, DiscoverableSpan } from "../flows/discover-trace";
import {
  addContribution,
  deserializeFlowAggregate,
  emptyFlowAggregate,
  flowFigures,
  removeContribution,
  serializeFlowAggregate,
  type FlowAggregate,
  type FlowContribution,
} from "../flows/flow-aggregate";
import { emptyServiceGraph, mergeGraph, subtractGraph, summarizeGraph, type ServiceGraph } from "../graph";
import type { SpanKindNumber } from "../otlp/span";
import type { PrismaClient, Store } from "./db";
import { Prisma } from "./generated/sqlite/client";
import { sqlDialect } from "./sql-dialect";

export interface TraceRef {
  workspaceId: string;
  traceId: string;
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const STATUS = ["unset", "ok", "error"] as const;

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
  // Each placeholder is used once: SQLite's are positional.
  const pick =
    `SELECT workspace_id, trace_id FROM traces WHERE (state = 'open' AND last_seen_ms < ${d.param(3, "bigint")} ` +
    `AND last_seen_ms < ${d.param(4, "bigint")} - ${idle}) ` +
    `OR (state = 'processing' AND claimed_at_ms < ${d.param(5, "bigint")}) ORDER BY last_seen_ms LIMIT ${d.param(6, "int")}`;
  const sql =
    store.dialect === "postgresql"
      ? `UPDATE traces SET state = 'processing', claimed_by = $1, claimed_at_ms = $2::bigint WHERE (workspace_id, trace_id) IN (${pick} FOR UPDATE SKIP LOCKED) RETURNING workspace_id, trace_id`
      : `UPDATE traces SET state = 'processing', claimed_by = ?, claimed_at_ms = ? WHERE rowid IN (SELECT rowid FROM (${pick.replace("SELECT workspace_id, trace_id", "SELECT rowid")})) RETURNING workspace_id, trace_id`;
  const rows = await store.prisma.$queryRawUnsafe<{ workspace_id: string; trace_id: string }[]>(
    sql,
    options.instanceId,
    BigInt(options.nowMs),
    BigInt(options.nowMs - MIN_TRACE_IDLE_MS),
    BigInt(options.nowMs),
    BigInt(options.staleClaimBeforeMs),
    options.limit,
  );
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

/** Gives a claim back so the trace is tried again later (after a failure). */
export async function releaseClaim(store: Store, ref: TraceRef, instanceId: string): Promise<void> {
  await store.prisma.trace.updateMany({
    where: { workspaceId: ref.workspaceId, traceId: ref.traceId, state: "processing", claimedBy: instanceId },
    data: { state: "open" },
  });
}

export async function loadDiscoverableSpans(store: Store, ref: TraceRef): Promise<DiscoverableSpan[]> {
  const rows = await store.prisma.span.findMany({
    where: { workspaceId: ref.workspaceId, traceId: ref.traceId },
    select: {
      traceId: true,
      spanId: true,
      parentSpanId: true,
      service: true,
      name: true,
      kind: true,
      statusCode: true,
      startNs: true,
      endNs: true,
      attributes: true,
      isTestGenerated: true,
      isSynthetic: true,
    },
  });
  return rows.map((r) => ({
    traceId: r.traceId,
    spanId: r.spanId,
    parentSpanId: r.parentSpanId,
    service: r.service,
    name: r.name,
    kind: r.kind as SpanKindNumber,
    status: STATUS[r.statusCode] ?? "unset",
    startNs: r.startNs,
    endNs: r.endNs,
    attributes: (r.attributes ?? {}) as DiscoverableSpan["attributes"],
    isTestGenerated: r.isTestGenerated,
    isSynthetic: r.isSynthetic,
  }));
}

/**
 * Records a claimed trace's discovery: takes back what the trace contributed before (late spans
 * may have changed its path), adds the new contribution, marks the trace complete. Does
 * nothing when a late span reopened the trace meanwhile: the next claim sees every span.
 */
export async function applyDiscovery(
  store: Store,
  ref: TraceRef,
  instanceId: string,
  outcome: DiscoveryOutcome,
  graph: ServiceGraph | null = null,
): Promise<string | null> {
  return store.prisma.$transaction(
    async (tx) => {
      // A write first: on SQLite it takes the write lock before anything is read.
      const completed = await tx.trace.updateMany({
        where: { workspaceId: ref.workspaceId, traceId: ref.traceId, state: "processing", claimedBy: instanceId },
        data: { state: "complete" },
      });
      if (completed.count === 0) return null;

      const key = { workspaceId_traceId: { workspaceId: ref.workspaceId, traceId: ref.traceId } };
      const previous = await tx.traceFlow.findUnique({ where: key });
      if (previous) {
        await changeFlow(tx, store, previous.flowId, (flow) => removeContribution(flow, previous.contribution as unknown as FlowContribution));
        if (previous.graph) await changeGraph(tx, store, ref.workspaceId, (g) => subtractGraph(g, previous.graph as unknown as ServiceGraph));
        await tx.traceFlow.delete({ where: key });
      }
      if (outcome.kind !== "discovered") return null;
      if (graph) await changeGraph(tx, store, ref.workspaceId, (g) => mergeGraph(g, graph));

      const { discovery } = outcome;
      const flow = await tx.flow.upsert({
        where: {
          workspaceId_entryService_entryOperation_fingerprint: {
            workspaceId: ref.workspaceId,
            entryService: discovery.entry.service,
            entryOperation: discovery.entry.operation,
            fingerprint: discovery.fingerprint,
          },
        },
        create: {
          id: randomUUID(),
          workspaceId: ref.workspaceId,
          entryService: discovery.entry.service,
          entryOperation: discovery.entry.operation,
          fingerprint: discovery.fingerprint,
          name: discovery.flowName,
          path: discovery.path as never,
          ...storedAggregate(emptyFlowAggregate()),
        },
        update: {},
        select: { id: true },
      });
      const contribution: FlowContribution = { trace: discovery.trace, nodes: discovery.nodes, representative: discovery.representative };
      await changeFlow(tx, store, flow.id, (aggregate) => addContribution(aggregate, contribution));
      await tx.traceFlow.create({
        data: { workspaceId: ref.workspaceId, traceId: ref.traceId, flowId: flow.id, contribution: contribution as never, graph: (graph ?? Prisma.DbNull) as never },
      });
      return flow.id;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

function storedAggregate(aggregate: FlowAggregate) {
  const figures = flowFigures(aggregate);
  const serialized = serializeFlowAggregate(aggregate);
  return {
    occurrenceCount: figures.occurrenceCount,
    errorRate: figures.errorRate,
    avgDurationMs: figures.avgDurationMs,
    p95DurationMs: figures.p95DurationMs,
    riskScore: figures.riskScore,
    firstSeenMs: BigInt(figures.firstSeenMs),
    lastSeenMs: BigInt(figures.lastSeenMs),
    stats: serialized.stats as never,
    nodeStats: serialized.nodeStats as never,
    hourly: serialized.hourly as never,
    // Both generated clients share Prisma's runtime, so its DbNull serves either store.
    representative: (serialized.representative ?? Prisma.DbNull) as never,
    samples: serialized.samples as never,
  };
}

async function changeFlow(tx: Tx, store: Store, flowId: string, change: (flow: FlowAggregate) => FlowAggregate): Promise<void> {
  // Two instances may update one flow at once on PostgreSQL: lock its row first.
  if (store.dialect === "postgresql") await tx.$queryRawUnsafe("SELECT id FROM flows WHERE id = $1 FOR UPDATE", flowId);
  const row = await tx.flow.findUnique({ where: { id: flowId } });
  if (!row) return;
  const next = change(deserializeFlowAggregate(row));
  if (next.stats.occurrenceCount === 0) {
    await tx.flow.delete({ where: { id: flowId } });
    return;
  }
  const stored = storedAggregate(next);
  await tx.flow.update({ where: { id: flowId }, data: stored });
}

async function changeGraph(tx: Tx, store: Store, workspaceId: string, change: (graph: ServiceGraph) => ServiceGraph): Promise<void> {
  await tx.serviceGraph.upsert({
    where: { workspaceId },
    create: { workspaceId, graph: emptyServiceGraph() as never, updatedAtMs: BigInt(Date.now()) },
    update: {},
  });
  // Every completion of a workspace updates this one row: lock it on PostgreSQL.
  if (store.dialect === "postgresql") await tx.$queryRawUnsafe("SELECT workspace_id FROM service_graphs WHERE workspace_id = $1 FOR UPDATE", workspaceId);
  const row = await tx.serviceGraph.findUniqueOrThrow({ where: { workspaceId } });
  const next = change(row.graph as unknown as ServiceGraph);
  await tx.serviceGraph.update({ where: { workspaceId }, data: { graph: next as never, updatedAtMs: BigInt(Date.now()) } });
}

/** The workspace's service graph as the API returns it. */
export async function getServiceGraph(store: Store, workspaceId: string) {
  const row = await store.prisma.serviceGraph.findUnique({ where: { workspaceId } });
  return summarizeGraph(row ? (row.graph as unknown as ServiceGraph) : emptyServiceGraph());
}
