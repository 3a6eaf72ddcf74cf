// Records a round of claimed traces' discoveries in one transaction. Per trace it takes back
// what the trace contributed before (late spans may have changed its path) and adds the new
// contribution, to its flow and to its workspace's service graph. One transaction per round,
// not per trace: on SQLite every transaction of the server thread's connection competes with
// the ingest writer thread for the one write lock, and per-trace transactions starved ingestion
// (npm run bench: 2,300 spans/s while discovery ran).
import { randomUUID } from "node:crypto";
import type { DiscoveryOutcome, TraceDiscovery } from "../flows/discover-trace";
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
import { emptyServiceGraph, mergeGraphs, subtractGraph, type ServiceGraph } from "../graph";
import type { LlmCall } from "../genai/llm-call";
import type { Store } from "./db";
import { replaceLlmCalls } from "./llm-call-rows";
import type { TraceRef } from "./flow-repository";
import { Prisma } from "./generated/sqlite/client";
import { recordEntryPointTraffic, type EntryTrafficChange } from "./record-entry-point-traffic";
import { sqlDialect } from "./sql-dialect";
import { deleteTraceFlows, insertTraceFlows, readTraceFlows, type TraceFlowRow } from "./trace-flow-rows";

export interface TraceCompletion {
  ref: TraceRef;
  outcome: DiscoveryOutcome;
  /** The trace's service graph; null when the trace is not discovered. */
  graph: ServiceGraph | null;
  /** The entry span's and its resource's attributes (lib/drift/entry-attributes); null when not discovered. */
  entryAttributes?: Record<string, string> | null;
  /** The trace's LLM calls (lib/genai), indexed whether or not the trace is discovered. */
  llmCalls?: readonly LlmCall[];
}

const traceKey = (workspaceId: string, traceId: string) => `${workspaceId}\u0000${traceId}`;
const flowKey = (workspaceId: string, d: TraceDiscovery) => `${workspaceId}\u0000${d.entry.service}\u0000${d.entry.operation}\u0000${d.fingerprint}`;

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

/**
 * Applies the completions whose traces this instance still holds (a late span may have
 * reopened one meanwhile: it is left for the next claim). Returns each trace's flow id, or null.
 */
export async function applyDiscoveries(store: Store, completions: TraceCompletion[], instanceId: string): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (completions.length === 0) return result;
  const d = sqlDialect(store.dialect);
  const traceIds = [...new Set(completions.map((c) => c.ref.traceId))];

  await store.prisma.$transaction(
    async (tx) => {
      // A write first: on SQLite it takes the write lock before anything is read.
      const completedRows = await tx.$queryRawUnsafe<{ workspace_id: string; trace_id: string }[]>(
        `UPDATE traces SET state = 'complete' WHERE state = 'processing' AND claimed_by = ${d.param(1)} AND trace_id IN (${traceIds.map((_, i) => d.param(i + 2)).join(", ")}) RETURNING workspace_id, trace_id`,
        instanceId,
        ...traceIds,
      );
      const completed = new Set(completedRows.map((r) => traceKey(r.workspace_id, r.trace_id)));
      const mine = completions.filter((c) => completed.has(traceKey(c.ref.workspaceId, c.ref.traceId)));
      if (mine.length === 0) return;
      await replaceLlmCalls(tx, mine);

      const previous = await readTraceFlows(tx, store.dialect, mine.map((c) => c.ref));

      // Flows this round touches: where traces were, and where they go (created when new).
      const newFlowIds = new Map<string, string>();
      for (const c of mine) {
        if (c.outcome.kind !== "discovered") continue;
        const key = flowKey(c.ref.workspaceId, c.outcome.discovery);
        if (newFlowIds.has(key)) continue;
        const { discovery } = c.outcome;
        const flow = await tx.flow.upsert({
          where: {
            workspaceId_entryService_entryOperation_fingerprint: {
              workspaceId: c.ref.workspaceId,
              entryService: discovery.entry.service,
              entryOperation: discovery.entry.operation,
              fingerprint: discovery.fingerprint,
            },
          },
          create: {
            id: randomUUID(),
            workspaceId: c.ref.workspaceId,
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
        newFlowIds.set(key, flow.id);
      }
      const flowIds = [...new Set([...previous.map((p) => p.flowId), ...newFlowIds.values()])].sort();
      // Several instances may update one flow at once on PostgreSQL: lock the rows, in id order.
      if (store.dialect === "postgresql" && flowIds.length > 0) {
        await tx.$queryRawUnsafe(`SELECT id FROM flows WHERE id IN (${flowIds.map((_, i) => `$${i + 1}`).join(", ")}) ORDER BY id FOR UPDATE`, ...flowIds);
      }
      const rows = await tx.flow.findMany({ where: { id: { in: flowIds } } });
      const aggregates = new Map(rows.map((row) => [row.id, deserializeFlowAggregate(row)]));
      const graphs = new Map<string, { subtract: ServiceGraph[]; merge: ServiceGraph[] }>();
      const graphOf = (workspaceId: string) => {
        let entry = graphs.get(workspaceId);
        if (!entry) graphs.set(workspaceId, (entry = { subtract: [], merge: [] }));
        return entry;
      };

      for (const p of previous) {
        const aggregate = aggregates.get(p.flowId);
        if (aggregate) aggregates.set(p.flowId, removeContribution(aggregate, p.contribution as unknown as FlowContribution));
        if (p.graph) graphOf(p.workspaceId).subtract.push(p.graph);
      }
      const links: TraceFlowRow[] = [];
      for (const c of mine) {
        result.set(traceKey(c.ref.workspaceId, c.ref.traceId), null);
        if (c.outcome.kind !== "discovered") continue;
        const flowId = newFlowIds.get(flowKey(c.ref.workspaceId, c.outcome.discovery))!;
        const { discovery } = c.outcome;
        const contribution: FlowContribution = { trace: discovery.trace, nodes: discovery.nodes, representative: discovery.representative };
        aggregates.set(flowId, addContribution(aggregates.get(flowId) ?? emptyFlowAggregate(), contribution));
        if (c.graph) graphOf(c.ref.workspaceId).merge.push(c.graph);
        links.push({
          workspaceId: c.ref.workspaceId,
          traceId: c.ref.traceId,
          flowId,
          contribution,
          graph: c.graph,
          entryAttributes: c.entryAttributes ?? null,
        });
        result.set(traceKey(c.ref.workspaceId, c.ref.traceId), flowId);
      }

      const rowById = new Map(rows.map((row) => [row.id, row]));
      const traffic: EntryTrafficChange = { added: [], removed: [], emptied: [] };
      for (const p of previous) {
        const row = rowById.get(p.flowId);
        if (row) traffic.removed.push({ workspaceId: row.workspaceId, entryService: row.entryService, entryOperation: row.entryOperation });
      }
      for (const c of mine) {
        if (c.outcome.kind !== "discovered") continue;
        const { discovery } = c.outcome;
        traffic.added.push({
          workspaceId: c.ref.workspaceId,
          entryService: discovery.entry.service,
          entryOperation: discovery.entry.operation,
          fingerprint: discovery.fingerprint,
          path: discovery.path,
          traceMs: discovery.trace.atMs,
        });
      }
      for (const [flowId, aggregate] of aggregates) {
        if (aggregate.stats.occurrenceCount === 0) {
          const row = rowById.get(flowId);
          if (row) traffic.emptied.push({ workspaceId: row.workspaceId, entryService: row.entryService, entryOperation: row.entryOperation, fingerprint: row.fingerprint });
          await tx.flow.delete({ where: { id: flowId } });
        } else await tx.flow.update({ where: { id: flowId }, data: storedAggregate(aggregate) });
      }
      await recordEntryPointTraffic(tx, store.dialect, traffic, Date.now());
      await deleteTraceFlows(tx, store.dialect, previous);
      await insertTraceFlows(tx, store.dialect, links);
      for (const [workspaceId, change] of graphs) {
        await tx.serviceGraph.upsert({ where: { workspaceId }, create: { workspaceId, graph: emptyServiceGraph() as never, updatedAtMs: BigInt(Date.now()) }, update: {} });
        // Every round of a workspace updates this one row: lock it on PostgreSQL.
        if (store.dialect === "postgresql") await tx.$queryRawUnsafe("SELECT workspace_id FROM service_graphs WHERE workspace_id = $1 FOR UPDATE", workspaceId);
        const row = await tx.serviceGraph.findUniqueOrThrow({ where: { workspaceId } });
        let graph = row.graph as unknown as ServiceGraph;
        for (const g of change.subtract) graph = subtractGraph(graph, g);
        // One merge of the whole round: merging trace by trace rebuilt and sorted the
        // workspace's graph once per trace.
        if (change.merge.length > 0) graph = mergeGraphs([graph, ...change.merge]);
        await tx.serviceGraph.update({ where: { workspaceId }, data: { graph: graph as never, updatedAtMs: BigInt(Date.now()) } });
      }
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  return result;
}

export { traceKey as completionKey };
