// What an entity journey export reads: for each endpoint, the flow it starts (its most
// frequent variant) with that flow's per-node P95.
import type { EntryFlow } from "../export/build-entity-journey";
import { deserializeFlowAggregate } from "../flows/flow-aggregate";
import { summarizeNodeStats } from "../flows/node-stats";
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
    flows.set(endpoint.id, {
      id: row.id,
      path: row.path as unknown as PathNode[],
      nodeP95Ms: new Map(summarizeNodeStats(deserializeFlowAggregate(row).nodeStats).map((n) => [n.nodeKey, n.p95DurationMs])),
    });
  }
  return flows;
}
