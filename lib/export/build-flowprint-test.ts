// A discovered flow → a runnable Flowprint test: the entry request as recorded by the flow's
// representative trace (path parameters as variables), the response status seen in
// production, and the trace the run must produce: the flow's path in order with per-node
// budgets of 1.5 × the node's P95, and trace_assert expressions. A journey trace (its root a
// client that sent several requests) becomes a trigger and chained steps instead.
import type { Attributes } from "../otlp/span";
import type { PathNode } from "../traces/path-node";
import { nodeKey } from "../traces/node-key";
import type { FlowprintRequest, FlowprintTest } from "./flowprint-test.schema";
import { readEntryRequest } from "./read-entry-request";
import { EXPECTED_ERROR_RATE, spanBudgetMs } from "../validation/validate-trace";
import { templateUrl } from "./template-url";
import { chainRequests } from "./chain-requests";
import type { RecordedCall } from "./read-journey-calls";
import { stepId } from "./step-id";
import { databaseWriteAssertions, type RecordedSpan } from "./assert-database-writes";

/**
 * The whole trace's wall time also covers asynchronous work after the response (consumers of
 * published messages), which the flow's P95 (the root span's) does not: its budget is looser.
 */
export function traceBudgetMs(flowP95Ms: number): number {
  return Math.max(1_000, Math.ceil(flowP95Ms * 3));
}

export interface ExportableFlow {
  id: string;
  name: string;
  entryService: string;
  entryOperation: string;
  fingerprint: string;
  path: readonly PathNode[];
  occurrenceCount: number;
  riskScore: number;
  /** Share of the flow's traces with an error span. */
  errorRate: number;
  p95DurationMs: number;
  /** P95 per path node, by node key. */
  nodeP95Ms: ReadonlyMap<string, number>;
}

export interface RepresentativeEntry {
  traceId: string;
  spanName: string;
  attributes: Attributes;
  /** The requests of a journey trace (its root is a client, not a server), in order. */
  journey?: readonly RecordedCall[] | null;
  /** The trace's spans in start order: the database writes among them become assertions. */
  spans?: readonly RecordedSpan[];
}

export interface ExportOptions {
  /** The workspace's default_timeout_ms. */
  timeoutMs: number;
  /** Expressions appended to trace_assert (what sets a variant apart, lib/export/build-variant-tests). */
  extraAssertions?: readonly string[];
}

/**
 * base_url of a file whose trace did not record where its request went: the run needs
 * `--base-url`. A recorded origin equal to it reads as unrecorded, which only costs a flag.
 */
export const STAND_IN_BASE_URL = "http://localhost:8080";

const round = (ms: number) => Math.round(ms * 1000) / 1000;

function triggerOf(flow: ExportableFlow, entry: RepresentativeEntry | null): { trigger: FlowprintRequest; variables: Record<string, string> } {
  const recorded = entry ? readEntryRequest(entry.attributes, entry.spanName) : readEntryRequest({}, flow.entryOperation);
  // An entry point that is not an HTTP request (a consumer, a job) has nothing to replay: the
  // operation name is kept so the file says what to trigger.
  const request = recorded ?? { method: "POST", route: "/", path: null, query: null, origin: null, headers: {}, body: undefined, status: null };
  const { url, variables } = templateUrl(request.route, request.path, request.query);
  const trigger: FlowprintRequest = {
    id: stepId(flow.entryOperation),
    name: flow.entryOperation,
    method: request.method as FlowprintRequest["method"],
    url,
    ...(Object.keys(request.headers).length > 0 ? { headers: request.headers } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(request.status !== null ? { expect: { status: request.status } } : {}),
  };
  return { trigger, variables: { base_url: request.origin ?? STAND_IN_BASE_URL, ...variables } };
}

export function buildFlowprintTest(flow: ExportableFlow, entry: RepresentativeEntry | null, options: ExportOptions): FlowprintTest {
  const journey = entry?.journey && entry.journey.length > 0 ? entry.journey : null;
  let trigger: FlowprintRequest;
  let steps: FlowprintRequest[] = [];
  let variables: Record<string, string>;
  let path = flow.path;
  let assertedService = flow.entryService;
  if (journey) {
    // The runner plays the journey's client: its requests carry the run's trace, and the
    // client's own spans (the page, the app) are not part of what the system must do.
    const chained = chainRequests(journey);
    [trigger, ...steps] = chained.requests;
    variables = chained.variables;
    path = flow.path.filter((node) => node.service !== flow.entryService);
    assertedService = journey[0].calleeService ?? path[0]?.service ?? flow.entryService;
  } else {
    ({ trigger, variables } = triggerOf(flow, entry));
  }
  const nodes = path.map((node) => {
    const p95 = flow.nodeP95Ms.get(nodeKey(node));
    return {
      type: node.type,
      identifier: node.identifier,
      service: node.service,
      ...(p95 !== undefined && p95 > 0 ? { p95_ms: round(p95), max_duration_ms: round(spanBudgetMs(p95)) } : {}),
    };
  });
  const traceAssert = [`trace.span('${assertedService.replace(/'/g, "\\'")}') != nil`];
  // A flow that usually fails (an out-of-stock order) is expected to fail again.
  if (flow.errorRate < EXPECTED_ERROR_RATE) traceAssert.push("trace.spans | filter(.status == 'error') | len == 0");
  traceAssert.push(`trace.duration_ms < ${traceBudgetMs(flow.p95DurationMs)}`);
  traceAssert.push(...databaseWriteAssertions(path, entry?.spans ?? []), ...(options.extraAssertions ?? []));
  return {
    version: 1,
    name: flow.name,
    description: `Auto-discovered flow (seen ${flow.occurrenceCount} times, risk score ${round2(flow.riskScore)})`,
    discovered_from: {
      flow_id: flow.id,
      fingerprint: flow.fingerprint,
      sample_trace_id: entry?.traceId ?? null,
      occurrence_count: flow.occurrenceCount,
    },
    variables,
    setup: [],
    trigger,
    steps,
    expect_trace: { timeout_ms: options.timeoutMs, nodes, trace_assert: traceAssert },
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
