// Test coverage: which endpoints and flows a passing test run has exercised lately.
//
// A flow is covered when a run of a test exported from it passed within the window (the
// workspace's coverage_window_days back from now). An endpoint (an api_endpoint node of some
// flow's path, per service) is covered when at least one flow through it is. A failed run
// after a passing one does not uncover a flow: the pass still shows the path can be tested;
// the failure is what the flow's runs and run.failed report. The ratio is over endpoints,
// since they are what a system exposes and what several flows share.
import type { PathNode } from "../traces/path-node";

export const DAY_MS = 86_400_000;
/** The window of a workspace that has not set coverage_window_days (the schema's default). */
export const DEFAULT_COVERAGE_WINDOW_DAYS = 7;

export interface CoverageFlowInput {
  id: string;
  name: string;
  entryService: string;
  entryOperation: string;
  path: readonly PathNode[];
  riskScore: number;
  occurrenceCount: number;
  errorRate: number;
}

/**
 * A test run. `finishedAtMs` is when its result was decided; null while it runs. Any list
 * with the latest run of each (flow, status) gives the same answer as every run.
 */
export interface CoverageExecutionInput {
  flowId: string | null;
  status: string;
  finishedAtMs: number | null;
}

export interface EndpointCoverage {
  service: string;
  /** Null when the span recorded a route but no method. */
  method: string | null;
  route: string;
  /** The highest risk score of the flows through it. */
  risk: number;
  /** Flows through it, riskiest first. */
  flows: string[];
  lastRunAtMs: number | null;
  lastPassingRunAtMs: number | null;
  covered: boolean;
}

export interface FlowCoverage {
  id: string;
  name: string;
  entryService: string;
  entryOperation: string;
  risk: number;
  /** How many of the endpoints listed are on its path. */
  endpointCount: number;
  lastRunAtMs: number | null;
  lastPassingRunAtMs: number | null;
  covered: boolean;
}

export interface Coverage {
  endpoints: EndpointCoverage[];
  flows: FlowCoverage[];
  /** Endpoints covered and not; the ratio is covered / all endpoints, null without endpoints. */
  coveredCount: number;
  uncoveredCount: number;
  coverageRatio: number | null;
  coveredFlowCount: number;
}

/** `service` + method and route: the identity of an endpoint (two services may share a route). */
export function endpointCoverageKey(endpoint: Pick<EndpointCoverage, "service" | "method" | "route">): string {
  return `${endpoint.service}\n${endpoint.method === null ? "" : `${endpoint.method} `}${endpoint.route}`;
}

/** "GET /orders/:id" → GET and /orders/:id; a route typed without a method keeps method null. */
export function splitEndpointIdentifier(identifier: string): { method: string | null; route: string } {
  const match = /^([A-Z]+) (.+)$/.exec(identifier);
  return match ? { method: match[1], route: match[2] } : { method: null, route: identifier };
}

interface FlowRuns {
  lastRunAtMs: number | null;
  lastPassingRunAtMs: number | null;
}

const later = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

function runsByFlow(executions: readonly CoverageExecutionInput[]): Map<string, FlowRuns> {
  const byFlow = new Map<string, FlowRuns>();
  for (const run of executions) {
    // A run still waiting for its trace has no result yet; a run of no known flow covers nothing.
    if (run.flowId === null || run.finishedAtMs === null) continue;
    const runs = byFlow.get(run.flowId) ?? { lastRunAtMs: null, lastPassingRunAtMs: null };
    runs.lastRunAtMs = later(runs.lastRunAtMs, run.finishedAtMs);
    if (run.status === "passed") runs.lastPassingRunAtMs = later(runs.lastPassingRunAtMs, run.finishedAtMs);
    byFlow.set(run.flowId, runs);
  }
  return byFlow;
}

const byRiskThenName = <T extends { risk: number }>(name: (item: T) => string) => (a: T, b: T) => b.risk - a.risk || compareText(name(a), name(b));
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function computeCoverage(input: { flows: readonly CoverageFlowInput[]; executions: readonly CoverageExecutionInput[]; windowDays: number; nowMs: number }): Coverage {
  if (!(input.windowDays > 0)) throw new RangeError(`windowDays must be positive, got ${input.windowDays}`);
  // A run stamped after now (another instance's clock) is recent, not outside the window.
  const sinceMs = input.nowMs - input.windowDays * DAY_MS;
  const isCovered = (lastPassingRunAtMs: number | null) => lastPassingRunAtMs !== null && lastPassingRunAtMs >= sinceMs;
  const runs = runsByFlow(input.executions);

  const flows: FlowCoverage[] = [];
  const endpoints = new Map<string, EndpointCoverage>();
  for (const flow of input.flows) {
    const flowRuns = runs.get(flow.id) ?? { lastRunAtMs: null, lastPassingRunAtMs: null };
    const covered = isCovered(flowRuns.lastPassingRunAtMs);
    const seen = new Set<string>();
    for (const node of flow.path) {
      if (node.type !== "api_endpoint") continue;
      const endpoint = { service: node.service, ...splitEndpointIdentifier(node.identifier) };
      const key = endpointCoverageKey(endpoint);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = endpoints.get(key);
      if (entry === undefined) {
        endpoints.set(key, { ...endpoint, risk: flow.riskScore, flows: [flow.id], ...flowRuns, covered });
        continue;
      }
      entry.risk = Math.max(entry.risk, flow.riskScore);
      entry.flows.push(flow.id);
      entry.lastRunAtMs = later(entry.lastRunAtMs, flowRuns.lastRunAtMs);
      entry.lastPassingRunAtMs = later(entry.lastPassingRunAtMs, flowRuns.lastPassingRunAtMs);
      entry.covered ||= covered;
    }
    flows.push({ id: flow.id, name: flow.name, entryService: flow.entryService, entryOperation: flow.entryOperation, risk: flow.riskScore, endpointCount: seen.size, ...flowRuns, covered });
  }

  flows.sort(byRiskThenName<FlowCoverage>((f) => `${f.name}\n${f.id}`));
  const flowOrder = new Map(flows.map((f, i) => [f.id, i]));
  const endpointList = [...endpoints.values()].sort(byRiskThenName<EndpointCoverage>((e) => `${e.method === null ? "" : `${e.method} `}${e.route}\n${e.service}`));
  for (const endpoint of endpointList) endpoint.flows.sort((a, b) => flowOrder.get(a)! - flowOrder.get(b)!);
  const coveredCount = endpointList.filter((e) => e.covered).length;
  return {
    endpoints: endpointList,
    flows,
    coveredCount,
    uncoveredCount: endpointList.length - coveredCount,
    coverageRatio: endpointList.length === 0 ? null : coveredCount / endpointList.length,
    coveredFlowCount: flows.filter((f) => f.covered).length,
  };
}
