// Why a test run failed, from its trace and its validation's findings: the first place the
// trace left the flow's path (and whether the request's attributes explain it), where its
// errors started and the callers they failed on the way to the root, and what inside each slow
// node took the time. Null when the run passed or nothing in the findings needs explaining.
import { buildErrorChain } from "../diagnosis/build-error-chain";
import { computeSelfTimesNs } from "../diagnosis/compute-self-times";
import type { DiagnosisSpan } from "../diagnosis/diagnosis-span";
import { findErrorOrigins } from "../diagnosis/find-error-origins";
import type { VariantExplanation } from "../drift/explain-variants";
import type { Attributes } from "../otlp/span";
import { buildSpanTree } from "../traces/build-span-tree";
import type { PathNode } from "../traces/path-node";
import type { SpanTree, SpanTreeNode } from "../traces/span-tree";
import type { TraceSpan } from "../traces/trace-span";
import { findFirstDivergence } from "./find-first-divergence";
import type { RunDiagnosis, RunErrorChain, SlowNode, SlowNodeChild } from "./run-diagnosis";
import type { TraceValidation } from "./validate-trace";
import type { StepExpectation } from "./validate-steps";

type RunSpan = TraceSpan & { statusMessage?: string; resourceAttributes?: Attributes };
type Span = DiagnosisSpan & { resourceAttributes?: Attributes };

export interface DiagnoseRunInput {
  validation: TraceValidation;
  expectedNodes: readonly (Pick<PathNode, "type" | "identifier"> & { service?: string })[];
  /** The system's spans of the run's trace (the runner's own left out). */
  spans: readonly RunSpan[];
  /** The variant explanations of the trace's entry point (lib/drift/explain-variants). */
  explanations: readonly VariantExplanation[];
  /** A journey's steps and each step's spans, when the test checks steps on their own. */
  steps?: readonly StepExpectation[];
  spansByStep?: ReadonlyMap<string, readonly RunSpan[]>;
}

/** A deep trace has a long way to its root; the origin's nearest callers and the root say enough. */
export const MAX_CHAIN_LINKS = 32;

const ms = (ns: number) => Math.round(ns / 1e3) / 1e3;
const withMessage = (spans: readonly RunSpan[]): Span[] => spans.map((s) => ({ ...s, statusMessage: s.statusMessage ?? "" }));

export function diagnoseFailedRun(input: DiagnoseRunInput): RunDiagnosis | null {
  const v = input.validation;
  if (v.status === "passed" || input.spans.length === 0) return null;
  const tree = buildSpanTree(withMessage(input.spans));
  const diagnosis: RunDiagnosis = {
    first_divergence: firstDivergence(input, tree),
    error_chain: v.error_spans.some((e) => !e.expected) ? errorChain(tree) : null,
    slow_nodes: slowNodes(v, tree),
  };
  return diagnosis.first_divergence || diagnosis.error_chain || diagnosis.slow_nodes.length > 0 ? diagnosis : null;
}

function firstDivergence(input: DiagnoseRunInput, tree: SpanTree<Span>) {
  const v = input.validation;
  if (v.missing_nodes.length + v.unexpected_nodes.length + v.order_violations.length > 0) {
    return findFirstDivergence({ expectedNodes: input.expectedNodes, tree, explanations: input.explanations });
  }
  // A journey's steps: the first step whose part of the trace left its nodes. Explanations are
  // the whole trace's entry point's, not a step's.
  const failed = (v.step_results ?? []).find((s) => s.status === "failed");
  const step = failed && input.steps?.find((s) => s.id === failed.id);
  const spans = failed && input.spansByStep?.get(failed.id);
  if (!step || !spans || spans.length === 0) return null;
  return findFirstDivergence({ expectedNodes: step.nodes, tree: buildSpanTree(withMessage(spans)), explanations: [], stepId: step.id });
}

function errorChain(tree: SpanTree<Span>): RunErrorChain | null {
  const cause = findErrorOrigins(tree).find((o) => o.role === "cause");
  if (!cause) return null;
  // A call whose callee reports its own span is that callee's request, not a caller of its own.
  const callers = buildErrorChain(tree, cause.spanId)
    .slice(1)
    .filter((link) => tree.byId.get(link.spanId)?.pathNode !== null || tree.byId.get(link.spanId) === tree.root);
  const kept = callers.length > MAX_CHAIN_LINKS ? [...callers.slice(0, MAX_CHAIN_LINKS - 1), callers[callers.length - 1]] : callers;
  return {
    origin: { span_id: cause.spanId, service: cause.service, operation: cause.operation, status_message: cause.statusMessage, reason: cause.reason },
    links: kept.map((l) => ({ span_id: l.spanId, service: l.service, operation: l.operation, status_message: l.statusMessage })),
  };
}

function slowNodes(v: TraceValidation, tree: SpanTree<Span>): SlowNode[] {
  if (v.slow_spans.length === 0) return [];
  const selfTimes = computeSelfTimesNs(tree);
  return v.slow_spans.map((s) => {
    const node = tree.byId.get(s.span_id);
    return {
      node: s.node,
      span_id: s.span_id,
      duration_ms: s.duration_ms,
      baseline_p95_ms: s.p95_ms,
      budget_ms: s.budget_ms,
      child: node ? tookTheTime(node, selfTimes) : null,
    };
  });
}

/** Down the longest child (clipped to its parent's window) while it ran longer than its parent's own time. */
function tookTheTime(slow: SpanTreeNode<Span>, selfTimes: ReadonlyMap<string, number>): SlowNodeChild {
  let at = slow;
  for (;;) {
    let longest: SpanTreeNode<Span> | null = null;
    let longestNs = 0;
    for (const child of at.children) {
      const ns = clippedNs(child.span, at.span);
      if (ns > longestNs) {
        longest = child;
        longestNs = ns;
      }
    }
    if (longest === null || longestNs <= (selfTimes.get(at.span.spanId) ?? 0)) break;
    at = longest;
  }
  const { spanId, service, name, startNs, endNs } = at.span;
  return { span_id: spanId, service, operation: name, self_time_ms: ms(selfTimes.get(spanId) ?? 0), duration_ms: ms(endNs > startNs ? Number(endNs - startNs) : 0) };
}

function clippedNs(span: TraceSpan, within: TraceSpan): number {
  const from = span.startNs > within.startNs ? span.startNs : within.startNs;
  const to = span.endNs < within.endNs ? span.endNs : within.endNs;
  return to > from ? Number(to - from) : 0;
}
