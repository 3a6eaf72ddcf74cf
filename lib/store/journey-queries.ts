// What an entity journey export reads: for each endpoint, the flow it starts (its most
// frequent variant) with that flow's per-node P95 and the request its representative trace
// recorded.
import type { EntryFlow } from "../export/build-entity-journey";
import { deserializeFlowAggregate } from "../flows/flow-aggregate";
import { summarizeNodeStats } from "../flows/node-stats";
import { readEntryRequest } from "../export/read-entry-request";
import type { Attributes } from "../otlp/span";
import type { PathNode } from "../traces/path-node";
import type { Store } from "./db";

export async function loadEntryFlows(store: Store, workspaceId: string, endpoints: readonly { id: string; service: string; method: string; route: string }[]): Promise<Map<string, EntryFlow>> {
  if (endpoints.length === 0) return new Map();
  const rows = await store.prisma.flow.findMany({
    where: { workspaceId, OR: endpoints.map((e) => ({ entryService: e.service, entryOperation: `${e.method} ${e.route}` })) },
    orderBy: [{ occurrenceCount: "desc" }, { id: "asc" }],
  });
  const flows = new Map<string, EntryFlow>();
  for (const endpoint of endpoints) {
    const row = rows.find((r) => r.entryService === endpoint.service && r.entryOperation === `${endpoint.method} ${endpoint.route}`);
    if (!row) continue;
    const aggregate = deserializeFlowAggregate(row);
    flows.set(endpoint.id, {
      id: row.id,
      path: row.path as unknown as PathNode[],
      nodeP95Ms: new Map(summarizeNodeStats(aggregate.nodeStats).map((n) => [n.nodeKey, n.p95DurationMs])),
      request: await representativeRequest(store, workspaceId, aggregate.representative?.traceId ?? null),
    });
  }
  return flows;
}

async function representativeRequest(store: Store, workspaceId: string, traceId: string | null): Promise<{ body: unknown; headers: Record<string, string> } | null> {
  if (!traceId) return null;
  const trace = await store.prisma.trace.findUnique({ where: { workspaceId_traceId: { workspaceId, traceId } }, select: { rootSpanId: true } });
  if (!trace?.rootSpanId) return null;
  const root = await store.prisma.span.findUnique({ where: { workspaceId_traceId_spanId: { workspaceId, traceId, spanId: trace.rootSpanId } }, select: { name: true, attributes: true } });
  const request = root ? readEntryRequest((root.attributes ?? {}) as Attributes, root.name) : null;
  return request ? { body: request.body, headers: request.headers } : null;
}
