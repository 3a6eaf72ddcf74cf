// Coverage marks of the service graph's nodes. An endpoint node is shared by every service
// serving that method and route (lib/graph), so it is covered when all of theirs are, partly
// when some are; a service likewise over the endpoints it serves. Nodes without endpoints
// (databases, topics, services without routes) get no mark: no test covers them directly.
import { nodeKey } from "../traces/node-key";
import type { EndpointCoverage } from "./compute-coverage";

export type CoverageMark = "covered" | "partial" | "uncovered";

export function markGraphCoverage(endpoints: readonly Pick<EndpointCoverage, "service" | "method" | "route" | "covered">[]): Map<string, CoverageMark> {
  const tallies = new Map<string, { covered: number; total: number }>();
  const count = (id: string, covered: boolean) => {
    const tally = tallies.get(id) ?? { covered: 0, total: 0 };
    tally.total++;
    if (covered) tally.covered++;
    tallies.set(id, tally);
  };
  for (const endpoint of endpoints) {
    count(nodeKey({ type: "api_endpoint", identifier: endpoint.method === null ? endpoint.route : `${endpoint.method} ${endpoint.route}` }), endpoint.covered);
    count(nodeKey({ type: "service", identifier: endpoint.service }), endpoint.covered);
  }
  const marks = new Map<string, CoverageMark>();
  for (const [id, { covered, total }] of tallies) marks.set(id, covered === total ? "covered" : covered === 0 ? "uncovered" : "partial");
  return marks;
}
