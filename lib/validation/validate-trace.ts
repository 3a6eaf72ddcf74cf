// Three-layer validation of a test run's trace. Path: the expected nodes against the trace's
// path (missing, unexpected, and order violations by longest common subsequence). Performance:
// a node's span is slow past 1.5 × the P95 of the same node in the same flow (at least 5 ms), or past the
// workspace's default timeout when the flow has no figure for it; error spans are listed, and
// fail the run unless errors are the norm for that node (or, for spans that are no node, for
// the flow). Assertions: each
// trace_assert expression must be true; one that cannot be evaluated makes the run
// inconclusive, not failed.
import { diffPaths } from "../drift/diff-paths";
import { extractPathSteps } from "../flows/extract-path";
import { buildSpanTree } from "../traces/build-span-tree";
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import type { TraceSpan } from "../traces/trace-span";
import type { RunDiagnosis } from "./run-diagnosis";
import type { StepValidation } from "./validate-steps";

export const SLOW_FACTOR = 1.5;
/**
 * A budget allows at least this much over the P95: a run on a busy CI machine waits for a CPU
 * now and then, and 1.5 × a 10 ms endpoint would call every such wait a regression. Many SDKs
 * also record whole milliseconds. Regressions worth a failed test are larger.
 */
export const MIN_SPAN_SLACK_MS = 25;

/** A node's budget in a run: 1.5 × its P95 in the flow, and at least its P95 + MIN_SPAN_SLACK_MS. */
export function spanBudgetMs(p95Ms: number): number {
  return Math.max(p95Ms + MIN_SPAN_SLACK_MS, p95Ms * SLOW_FACTOR);
}
/** Errors are expected on a node that fails in at least this share of its flow's traces. */
export const EXPECTED_ERROR_RATE = 0.5;

export type ValidationStatus = "passed" | "failed" | "inconclusive";

export interface NodeBaseline {
  p95Ms: number;
  errorRate: number;
}

export interface AssertionResult {
  status: "passed" | "failed" | "inconclusive";
  detail?: string;
}

export interface ValidationInput {
  expectedNodes: readonly Pick<PathNode, "type" | "identifier">[];
  /** The system's spans of the run's trace (the runner's own spans left out). */
  spans: readonly (TraceSpan & { statusMessage?: string })[];
  /** By node key; absent when the flow has no figures (or the test names no flow). */
  baseline: ReadonlyMap<string, NodeBaseline>;
  /** Share of the flow's traces with an error span; 0 without a flow. */
  flowErrorRate: number;
  defaultTimeoutMs: number;
  assertions: readonly string[];
  evaluate: (expression: string) => AssertionResult;
  /** false: the whole trace's path is not compared (a journey's steps check their own parts). */
  checkPath?: boolean;
}

type Node = { type: string; identifier: string; service?: string };

export interface TraceValidation {
  status: ValidationStatus;
  path_match: boolean;
  missing_nodes: (Node & { index: number })[];
  unexpected_nodes: (Node & { index: number })[];
  order_violations: (Node & { expected_index: number; actual_index: number })[];
  slow_spans: { span_id: string; service: string; operation: string; node: string; duration_ms: number; budget_ms: number; p95_ms: number | null }[];
  error_spans: { span_id: string; service: string; operation: string; message: string; expected: boolean }[];
  failed_assertions: { expression: string; detail: string }[];
  inconclusive_assertions: { expression: string; reason: string }[];
  /** Why the run is inconclusive, when it is. */
  reasons: string[];
  /** Per request that named its own nodes (lib/validation/validate-steps.ts). */
  step_results?: StepValidation[];
  /** Why the run failed (lib/validation/diagnose-failed-run.ts); null or absent when it passed or nothing needs explaining. */
  diagnosis?: RunDiagnosis | null;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
const nodeOf = (n: Pick<PathNode, "type" | "identifier"> & { service?: string }): Node => ({ type: n.type, identifier: n.identifier, ...(n.service ? { service: n.service } : {}) });

export function validateTrace(input: ValidationInput): TraceValidation {
  if (input.spans.length === 0) {
    return {
      status: "inconclusive",
      path_match: false,
      missing_nodes: [],
      unexpected_nodes: [],
      order_violations: [],
      slow_spans: [],
      error_spans: [],
      failed_assertions: [],
      inconclusive_assertions: [],
      reasons: ["the trace never arrived: no span of the system carried the run's trace id"],
    };
  }
  const steps = extractPathSteps(buildSpanTree(input.spans));
  const actual = steps.map((s) => s.node);
  const diff = input.checkPath === false ? { added: [], removed: [], moved: [] } : diffPaths(input.expectedNodes, actual);

  const slow: TraceValidation["slow_spans"] = [];
  for (const { node, span } of steps) {
    const key = nodeKey(node);
    const p95 = input.baseline.get(key)?.p95Ms;
    const budget = p95 !== undefined ? spanBudgetMs(p95) : input.defaultTimeoutMs;
    const durationMs = Number(span.endNs - span.startNs) / 1e6;
    if (durationMs > budget) {
      slow.push({ span_id: span.spanId, service: span.service, operation: span.name, node: key, duration_ms: round(durationMs), budget_ms: round(budget), p95_ms: p95 === undefined ? null : round(p95) });
    }
  }

  const stepOfSpan = new Map(steps.map((s) => [s.span.spanId, nodeKey(s.node)]));
  const errors = input.spans
    .filter((s) => s.status === "error")
    .map((s) => {
      // A span that is a path node is judged by its node's error rate; any other span (a
      // client call, an internal step) by the flow's.
      const key = stepOfSpan.get(s.spanId);
      const rate = key !== undefined ? (input.baseline.get(key)?.errorRate ?? 0) : input.flowErrorRate;
      const expected = rate >= EXPECTED_ERROR_RATE;
      return { span_id: s.spanId, service: s.service, operation: s.name, message: s.statusMessage ?? "", expected };
    });

  const failedAssertions: TraceValidation["failed_assertions"] = [];
  const inconclusiveAssertions: TraceValidation["inconclusive_assertions"] = [];
  for (const expression of input.assertions) {
    const outcome = input.evaluate(expression);
    if (outcome.status === "failed") failedAssertions.push({ expression, detail: outcome.detail ?? "was false" });
    if (outcome.status === "inconclusive") inconclusiveAssertions.push({ expression, reason: outcome.detail ?? "could not be evaluated" });
  }

  const pathMatch = diff.added.length === 0 && diff.removed.length === 0 && diff.moved.length === 0;
  const failed = !pathMatch || slow.length > 0 || errors.some((e) => !e.expected) || failedAssertions.length > 0;
  const reasons = inconclusiveAssertions.map((a) => `assertion \`${a.expression}\` could not be evaluated: ${a.reason}`);
  return {
    status: failed ? "failed" : reasons.length > 0 ? "inconclusive" : "passed",
    path_match: pathMatch,
    missing_nodes: diff.removed.map((r) => ({ ...nodeOf(r.node), index: r.index })),
    unexpected_nodes: diff.added.map((a) => ({ ...nodeOf(a.node), index: a.index })),
    order_violations: diff.moved.map((m) => ({ ...nodeOf(m.node), expected_index: m.from, actual_index: m.to })),
    slow_spans: slow,
    error_spans: errors,
    failed_assertions: failedAssertions,
    inconclusive_assertions: inconclusiveAssertions,
    reasons,
  };
}
