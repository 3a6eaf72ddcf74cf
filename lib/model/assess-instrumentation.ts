// How well each service's instrumentation serves discovery, and what to fix first. A server
// span without `http.route` makes `/orders/1` and `/orders/2` different endpoints; a database
// span without a system or a client span naming no peer becomes an anonymous service node,
// and flows that differ only in such nodes are one flow split in two.
import { nodeKey } from "../traces/node-key";
import type { ModelFlow } from "./build-system-model";
import type { InstrumentationQuality } from "./model-types";
import type { ServiceGaps } from "./read-trace-exchanges";

export function assessInstrumentation(flows: readonly ModelFlow[], gaps: ReadonlyMap<string, ServiceGaps>): Map<string, InstrumentationQuality> {
  const split = flowsSplitByGaps(flows);
  const services = new Set([...gaps.keys(), ...flows.flatMap((f) => f.path.map((n) => n.service))]);
  const result = new Map<string, InstrumentationQuality>();
  for (const service of services) {
    const g = gaps.get(service) ?? { serverSpans: 0, serverSpansWithoutRoute: 0, databaseSpans: 0, databaseSpansWithoutSystem: 0, clientSpans: 0, clientSpansWithoutPeer: 0 };
    const advice: string[] = [];
    if (g.serverSpansWithoutRoute > 0) {
      advice.push(
        `${g.serverSpansWithoutRoute} of ${g.serverSpans} server spans have no http.route (or RPC method): set the route in the framework instrumentation so requests to /orders/1 and /orders/2 are one endpoint.`,
      );
    }
    if (g.databaseSpansWithoutSystem > 0) {
      advice.push(`${g.databaseSpansWithoutSystem} of ${g.databaseSpans} database spans name no db.system.name: without it a query is not seen as a database call.`);
    }
    if (g.clientSpansWithoutPeer > 0) {
      advice.push(`${g.clientSpansWithoutPeer} of ${g.clientSpans} outgoing calls name no peer (peer.service or server.address): set one so the callee gets a name, or instrument the callee.`);
    }
    // Variants that differ in a named dependency are real; only a service with gaps can be split by them.
    const hasGaps = g.serverSpansWithoutRoute + g.databaseSpansWithoutSystem + g.clientSpansWithoutPeer > 0;
    const splitFlows = hasGaps ? (split.get(service) ?? 0) : 0;
    if (splitFlows > 0) advice.push(`${splitFlows} flows of its entry points differ from another only in unnamed service nodes: fixing the gaps above merges them.`);
    result.set(service, { ...g, flowsSplitByGaps: splitFlows, advice });
  }
  return result;
}

/**
 * Per entry service: flows of one entry point whose paths are equal once anonymous `service`
 * nodes (what the gaps produce) are left out; each group of n such flows counts n - 1.
 */
function flowsSplitByGaps(flows: readonly ModelFlow[]): Map<string, number> {
  const groups = new Map<string, { service: string; keys: Set<string> }>();
  for (const flow of flows) {
    const rawKey = flow.path.map(nodeKey).join("→");
    const normalized = flow.path.filter((n) => n.type !== "service").map(nodeKey).join("→");
    const k = `${flow.entryService}\n${flow.entryOperation}\n${normalized}`;
    const group = groups.get(k) ?? { service: flow.entryService, keys: new Set() };
    group.keys.add(rawKey);
    groups.set(k, group);
  }
  const counts = new Map<string, number>();
  for (const group of groups.values()) if (group.keys.size > 1) counts.set(group.service, (counts.get(group.service) ?? 0) + group.keys.size - 1);
  return counts;
}
