// Validating a test run: when its trace is ready (complete after the idle window, every
// expected node seen, or the run's deadline passed), its spans go through the three layers of
// lib/validation against the baseline of the flow the test came from.
import { summarizeNodeStats } from "../flows/node-stats";
import { deserializeFlowAggregate } from "../flows/flow-aggregate";
import type { Store } from "../store/db";
import { entryPointExplanations } from "../store/drift-queries";
import { getExecution, saveValidation, type ExecutionRow } from "../store/execution-repository";
import { findFlowRow, loadRunSpans, testGeneratedSpansNamed, traceState, workspaceDefaultTimeoutMs } from "../store/run-validation-queries";
import { buildTraceContext, evaluateAssertion, type TraceContextSpanInput } from "../trace-assert";
import { extractPath } from "../flows/extract-path";
import { buildSpanTree } from "../traces/build-span-tree";
import { nodeKey } from "../traces/node-key";
import { STEP_ID_ATTRIBUTE } from "../otlp/classify-traffic";
import { diagnoseFailedRun } from "../validation/diagnose-failed-run";
import { splitSpansByStep, validateSteps, type StepExpectation } from "../validation/validate-steps";
import { validateTrace, type NodeBaseline, type TraceValidation } from "../validation/validate-trace";
import { announceFailedRun } from "./announce-webhook-events";

export interface ExecutionExpectation {
  nodes: { type: string; identifier: string }[];
  trace_assert: string[];
  timeout_ms: number;
  steps?: StepExpectation[];
}

/** The runner's step spans of a run: which step each request went out under. */
async function loadStepSpans(store: Store, workspaceId: string, traceId: string): Promise<Map<string, string>> {
  const rows = await testGeneratedSpansNamed(store, workspaceId, traceId, "flowprint.step ");
  return new Map(rows.map((r): [string, string] => [r.spanId, String(r.attributes?.[STEP_ID_ATTRIBUTE] ?? "")]).filter(([, id]) => id !== ""));
}

export type ExecutionValidation = { done: true; result: TraceValidation } | { done: false; waitingFor: string };

interface FlowBaseline {
  nodes: Map<string, NodeBaseline>;
  errorRate: number;
  /** The flow's entry point, whose variant explanations may say why the run went another way. */
  entry: { service: string; operation: string } | null;
}

async function flowBaseline(store: Store, workspaceId: string, flowId: string | null): Promise<FlowBaseline> {
  const row = flowId ? await findFlowRow(store, workspaceId, flowId) : null;
  if (!row) return { nodes: new Map(), errorRate: 0, entry: null };
  // Test runs never join flows (their traces are test-generated), so the run's own trace is
  // already left out of these figures.
  const nodes = new Map(summarizeNodeStats(deserializeFlowAggregate(row).nodeStats).map((n) => [n.nodeKey, { p95Ms: n.p95DurationMs, errorRate: n.errorRate }]));
  return { nodes, errorRate: row.errorRate, entry: { service: row.entryService, operation: row.entryOperation } };
}

/**
 * Validates the run when its trace is ready and stores the result (the first result stands).
 * `traceComplete` skips reading the trace's state when the caller just completed it.
 */
export async function validateExecution(store: Store, execution: ExecutionRow, nowMs = Date.now(), traceComplete = false): Promise<ExecutionValidation> {
  if (execution.status !== "running" && execution.result) return { done: true, result: execution.result as unknown as TraceValidation };
  const expected = execution.expected as unknown as ExecutionExpectation;
  const spans = await loadRunSpans(store, execution.workspaceId, execution.traceId);
  const complete = traceComplete || (await traceState(store, execution.workspaceId, execution.traceId)) === "complete";
  const tree = spans.length > 0 ? buildSpanTree(spans) : null;
  const seen = new Set(tree ? extractPath(tree).map(nodeKey) : []);
  const allSeen = spans.length > 0 && expected.nodes.length > 0 && expected.nodes.every((n) => seen.has(`${n.type}:${n.identifier}`));
  const timedOut = nowMs >= Number(execution.deadlineMs);
  // The runner's own span can complete a trace before the system's exporters have flushed
  // theirs: a trace without a span of the system waits for one until the deadline.
  if (spans.length === 0 && !timedOut) return { done: false, waitingFor: "the trace's first span from the system" };
  if (!complete && !allSeen && !timedOut) return { done: false, waitingFor: "the trace to complete" };

  const baseline = await flowBaseline(store, execution.workspaceId, execution.flowId);
  const defaultTimeoutMs = await workspaceDefaultTimeoutMs(store, execution.workspaceId);
  const context = buildTraceContext(spans);
  const result = validateTrace({
    expectedNodes: expected.nodes as { type: "service"; identifier: string }[],
    spans,
    baseline: baseline.nodes,
    flowErrorRate: baseline.errorRate,
    defaultTimeoutMs: defaultTimeoutMs ?? 30_000,
    assertions: expected.trace_assert,
    // Steps that name their own nodes are the path check when the test names none for the whole trace.
    checkPath: !(expected.steps && expected.steps.length > 0 && expected.nodes.length === 0),
    evaluate: (expression) => {
      const outcome = evaluateAssertion(expression, context);
      if (outcome.status === "passed") return { status: "passed" };
      if (outcome.status === "failed") return { status: "failed", detail: outcome.detail };
      return { status: "inconclusive", detail: outcome.reason };
    },
  });
  let spansByStep: Map<string, TraceContextSpanInput[]> | undefined;
  if (expected.steps && expected.steps.length > 0) {
    spansByStep = splitSpansByStep(spans, await loadStepSpans(store, execution.workspaceId, execution.traceId));
    const steps = validateSteps(expected.steps, spansByStep);
    result.step_results = steps;
    if (steps.some((s) => s.status === "failed")) {
      result.status = "failed";
      result.path_match = false;
    } else if (steps.some((s) => s.status === "inconclusive") && result.status === "passed") {
      result.status = "inconclusive";
      result.reasons.push(...steps.filter((s) => s.reason).map((s) => s.reason!));
    }
  }
  if (timedOut && !complete && !allSeen && spans.length > 0) {
    result.reasons.push(`the trace was still incomplete when the run's ${expected.timeout_ms} ms timeout passed`);
    if (result.status === "passed") result.status = "inconclusive";
  }
  // Without a flow (a test that names none), the trace's own entry span names the entry point.
  const entry = baseline.entry ?? (tree?.root ? { service: tree.root.span.service, operation: tree.root.span.name } : null);
  const pathDiverged = result.missing_nodes.length + result.unexpected_nodes.length > 0;
  const explanations = result.status !== "passed" && pathDiverged && entry ? await entryPointExplanations(store, execution.workspaceId, entry.service, entry.operation) : [];
  result.diagnosis = diagnoseFailedRun({ validation: result, expectedNodes: expected.nodes as StepExpectation["nodes"], spans, explanations, steps: expected.steps, spansByStep });
  // The run that stores the result announces it: a result is stored once, however many ask.
  if (await saveValidation(store, execution.id, result, nowMs)) {
    await announceFailedRun(store, { id: execution.id, workspaceId: execution.workspaceId, testName: execution.testName, flowId: execution.flowId, traceId: execution.traceId }, result);
  }
  const stored = await getExecution(store, execution.workspaceId, execution.id);
  return { done: true, result: (stored?.result ?? result) as unknown as TraceValidation };
}
