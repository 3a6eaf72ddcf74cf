// What the system model is built from: each flow with its node statistics and the spans of
// its representative and most recent sample traces (retention may have deleted some).
import { deserializeFlowAggregate } from "../flows/flow-aggregate";
import type { ModelFlow, ModelInput } from "../model/build-system-model";
import type { PathNode } from "../traces/path-node";
import type { Store } from "./db";
import { loadTraceSpans } from "./load-trace-spans";

/** Changes whenever a flow is added, removed or sees another trace: the cached model is out of date. */
export async function readFlowsVersion(store: Store, workspaceId: string): Promise<string> {
  const result = await store.prisma.flow.aggregate({ where: { workspaceId }, _count: { _all: true }, _max: { lastSeenMs: true }, _sum: { occurrenceCount: true } });
  return `${result._count._all}:${result._max.lastSeenMs ?? 0}:${result._sum.occurrenceCount ?? 0}`;
}

export async function loadModelInput(store: Store, workspaceId: string, tracesPerFlow: number, nowMs: number): Promise<ModelInput> {
  const rows = await store.prisma.flow.findMany({
    where: { workspaceId },
    select: { id: true, name: true, entryService: true, entryOperation: true, path: true, stats: true, nodeStats: true, hourly: true, representative: true, samples: true },
    orderBy: { id: "asc" },
  });
  const flows: ModelFlow[] = rows.map((row) => {
    const aggregate = deserializeFlowAggregate(row);
    const ids = [aggregate.representative?.traceId, ...aggregate.samples.map((s) => s.traceId)].filter((id): id is string => typeof id === "string");
    return {
      id: row.id,
      name: row.name,
      entryService: row.entryService,
      entryOperation: row.entryOperation,
      path: row.path as unknown as PathNode[],
      nodeStats: aggregate.nodeStats,
      traceIds: [...new Set(ids)].slice(0, tracesPerFlow),
    };
  });
  const traces = await loadTraceSpans(store, workspaceId, flows.flatMap((f) => f.traceIds));
  return { flows, traces, generatedAtMs: nowMs };
}
