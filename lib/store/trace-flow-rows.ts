// The trace → flow links a completion round reads, deletes and writes, as raw statements with
// the JSON columns serialized once here. Prisma's createMany and OR-of-keys filters spent ~0.7 ms
// of the server thread per trace building and nesting their arguments (cpu profile under
// sustained ingest: three quarters of a completion round), while the round held SQLite's write lock.
import type { Dialect } from "./db";
import type { Prisma } from "./generated/sqlite/client";
import { sqlDialect, type ColumnType } from "./sql-dialect";
import { traceIdsByWorkspace, type TraceRef } from "./flow-repository";
import { readJsonColumn } from "./driver-sql";
import { decodeGraph, encodeGraph, type CompactGraph, type ServiceGraph } from "../graph";

type Tx = Prisma.TransactionClient;

export interface TraceFlowRow {
  workspaceId: string;
  traceId: string;
  flowId: string;
  contribution: unknown;
  graph: ServiceGraph | null;
  entryAttributes: unknown | null;
}

const COLUMNS: [string, ColumnType][] = [
  ["workspace_id", "text"],
  ["trace_id", "text"],
  ["flow_id", "text"],
  ["contribution", "json"],
  ["graph", "json"],
  ["entry_attributes", "json"],
];

/** Rows per statement: well under both stores' limits on bound parameters. */
const CHUNK = 500;

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

const writeJson = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export async function readTraceFlows(tx: Tx, dialect: Dialect, refs: readonly TraceRef[]): Promise<TraceFlowRow[]> {
  const d = sqlDialect(dialect);
  const rows: TraceFlowRow[] = [];
  for (const [workspaceId, traceIds] of traceIdsByWorkspace(refs)) {
    for (const ids of chunks(traceIds)) {
      const found = await tx.$queryRawUnsafe<{ workspace_id: string; trace_id: string; flow_id: string; contribution: unknown; graph: unknown; entry_attributes: unknown }[]>(
        `SELECT workspace_id, trace_id, flow_id, contribution, graph, entry_attributes FROM trace_flows ` +
          `WHERE workspace_id = ${d.param(1)} AND trace_id IN (${ids.map((_, i) => d.param(i + 2)).join(", ")})`,
        workspaceId,
        ...ids,
      );
      for (const r of found) {
        rows.push({
          workspaceId: r.workspace_id,
          traceId: r.trace_id,
          flowId: r.flow_id,
          contribution: readJsonColumn(r.contribution),
          graph: r.graph === null ? null : decodeGraph(readJsonColumn(r.graph) as CompactGraph | ServiceGraph),
          entryAttributes: r.entry_attributes === null ? null : readJsonColumn(r.entry_attributes),
        });
      }
    }
  }
  return rows;
}

export async function deleteTraceFlows(tx: Tx, dialect: Dialect, refs: readonly TraceRef[]): Promise<void> {
  const d = sqlDialect(dialect);
  for (const [workspaceId, traceIds] of traceIdsByWorkspace(refs)) {
    for (const ids of chunks(traceIds)) {
      await tx.$executeRawUnsafe(
        `DELETE FROM trace_flows WHERE workspace_id = ${d.param(1)} AND trace_id IN (${ids.map((_, i) => d.param(i + 2)).join(", ")})`,
        workspaceId,
        ...ids,
      );
    }
  }
}

export async function insertTraceFlows(tx: Tx, dialect: Dialect, rows: readonly TraceFlowRow[]): Promise<void> {
  const d = sqlDialect(dialect);
  for (const chunk of chunks(rows)) {
    const values = chunk.map((_, row) => `(${COLUMNS.map(([, type], column) => d.param(row * COLUMNS.length + column + 1, type)).join(", ")})`);
    await tx.$executeRawUnsafe(
      `INSERT INTO trace_flows (${COLUMNS.map(([name]) => name).join(", ")}) VALUES ${values.join(", ")}`,
      ...chunk.flatMap((r) => [r.workspaceId, r.traceId, r.flowId, JSON.stringify(r.contribution), r.graph ? JSON.stringify(encodeGraph(r.graph)) : null, writeJson(r.entryAttributes)]),
    );
  }
}
