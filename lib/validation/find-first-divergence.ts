// Where a run's trace first went another way than the flow it was exported from, and whether
// the request itself explains it: a variant explanation of the entry point ("`loyalty` is called
// only when `customer.tier = gold`") set against the attribute this request had.
import type { VariantExplanation } from "../drift/explain-variants";
import { diffPaths } from "../drift/diff-paths";
import { flattenEntryAttributes } from "../drift/entry-attributes";
import { extractPathSteps } from "../flows/extract-path";
import type { Attributes } from "../otlp/span";
import { SpanKind } from "../otlp/span";
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import type { SpanTree, SpanTreeNode } from "../traces/span-tree";
import type { TraceSpan } from "../traces/trace-span";
import type { DiagnosisNode, DiagnosisSpanRef, FirstDivergence } from "./run-diagnosis";

type Expected = Pick<PathNode, "type" | "identifier"> & { service?: string };
type Step<S extends TraceSpan> = { node: PathNode; span: S };

export interface DivergenceInput<S extends TraceSpan & { resourceAttributes?: Attributes }> {
  expectedNodes: readonly Expected[];
  tree: SpanTree<S>;
  /** The entry point's variant explanations; empty when it has none (or they do not apply). */
  explanations: readonly VariantExplanation[];
  stepId?: string;
}

const nodeOf = (n: Expected | PathNode): DiagnosisNode => ({ type: n.type, identifier: n.identifier, ...(n.service ? { service: n.service } : {}) });
const spanRef = (span: TraceSpan): DiagnosisSpanRef => ({ span_id: span.spanId, service: span.service, operation: span.name });

/** A node as a sentence names it: its identifier in backticks, its kind and service when they add something. */
export function nodeLabel(node: DiagnosisNode): string {
  const kind = node.type === "database" || node.type === "topic" ? `${node.type} ` : "";
  const service = node.service && node.service !== node.identifier ? ` (${node.service})` : "";
  return `${kind}\`${node.identifier}\`${service}`;
}

/** Null when the trace's path follows the expected one. */
export function findFirstDivergence<S extends TraceSpan & { resourceAttributes?: Attributes }>(input: DivergenceInput<S>): FirstDivergence | null {
  const steps: Step<S>[] = extractPathSteps(input.tree);
  const rows = diffPaths(input.expectedNodes, steps.map((s) => s.node)).rows;
  const first = rows.findIndex((r) => r.kind !== "same");
  if (first === -1) return null;
  const row = rows[first];
  const previous = first > 0 ? rows[first - 1] : null;
  const after = previous ? steps[previous.currentIndex!] : null;
  // The expected node that did happen next, past this gap.
  const nextSame = rows.slice(first).find((r) => r.kind === "same");
  const next = nextSame ? steps[nextSame.currentIndex!] : null;
  const root = input.tree.root;
  const requestAttributes = root ? flattenEntryAttributes(root.span.attributes, root.span.resourceAttributes) : {};

  let kind: FirstDivergence["kind"];
  let expected: DiagnosisNode | null;
  let unexpected: DiagnosisNode | null = null;
  let divergedAt: TraceSpan | null;
  if (row.kind === "removed") {
    kind = "missing";
    expected = nodeOf(row.node as Expected);
    // The trace may have gone elsewhere at the same place: the first node added in this gap.
    const gap = rows.slice(first, nextSame ? rows.indexOf(nextSame) : rows.length);
    const instead = gap.find((r) => r.kind === "added");
    if (instead) {
      const step = steps[instead.currentIndex!];
      unexpected = nodeOf(step.node);
      divergedAt = step.span;
    } else {
      divergedAt = missingCaller(input.tree, after, next);
    }
  } else {
    const step = steps[row.currentIndex!];
    kind = row.kind === "added" ? "unexpected" : "out_of_order";
    expected = row.kind === "added" ? (next ? nodeOf(next.node) : null) : nodeOf(step.node);
    if (row.kind === "added") unexpected = nodeOf(step.node);
    divergedAt = step.span;
  }

  const afterNode = after ? nodeOf(after.node) : null;
  const subject = kind === "unexpected" ? unexpected! : expected!;
  const reading = readExplanation(kind, subject, requestAttributes, input.explanations);
  const where = afterNode ? ` after ${nodeLabel(afterNode)}` : kind === "missing" ? "" : " at the start of the trace";
  const core = `${nodeLabel(subject)} ${kind === "missing" ? "was not called" : kind === "unexpected" ? "was called" : "was called out of order"}${where}`;
  const tail =
    kind === "missing"
      ? unexpected
        ? `; ${nodeLabel(unexpected)} was called instead`
        : ""
      : kind === "unexpected"
        ? `; the test does not expect it${expected ? ` (it expects ${nodeLabel(expected)} next)` : ""}`
        : `; the test expects it at position ${row.previousIndex! + 1}`;
  return {
    kind,
    ...(input.stepId !== undefined ? { step_id: input.stepId } : {}),
    expected_node: expected,
    unexpected_node: unexpected,
    after_node: afterNode,
    diverged_at: divergedAt ? spanRef(divergedAt) : null,
    request_attributes: requestAttributes,
    explanation: reading ? `${reading.lead}${reading.joiner}${reading.clause}` : null,
    summary: `${core}${reading ? `${reading.joiner}${reading.clause}` : ""}${tail}`,
  };
}

/**
 * The span that should have made a missing call. The missing node sat between the last expected
 * node that happened and the next one, so its caller is an ancestor of the first (or the first
 * itself) and, when the next one is its sibling, their common ancestor. A call span (client,
 * producer) is the caller's request, not the caller: its parent is.
 */
function missingCaller<S extends TraceSpan>(tree: SpanTree<S>, after: Step<S> | null, next: Step<S> | null): S | null {
  if (!after) return tree.root?.span ?? null;
  let caller: SpanTreeNode<S> | undefined = tree.byId.get(after.span.spanId);
  if (!caller) return after.span;
  if (next) {
    const ancestors = new Set<SpanTreeNode<S>>();
    for (let n: SpanTreeNode<S> | null = caller; n; n = n.parent) ancestors.add(n);
    let common: SpanTreeNode<S> | null = tree.byId.get(next.span.spanId) ?? null;
    while (common && !ancestors.has(common)) common = common.parent;
    if (common) caller = common;
  }
  if ((caller.span.kind === SpanKind.CLIENT || caller.span.kind === SpanKind.PRODUCER) && caller.parent) caller = caller.parent;
  return caller.span;
}

interface Reading {
  /** The finding alone, as the explanation's subject: "`loyalty` was not called". */
  lead: string;
  /** "; " when the request explains the finding, " although " when it does not. */
  joiner: string;
  clause: string;
}

/**
 * What the variant explanations say about `node` for this request. "called" statements say the
 * node is on the path exactly when key = value (both precision and recall were high); "skipped"
 * ones that it is off the path when key = value. The request's own value then either explains
 * the finding or shows that something else changed.
 */
function readExplanation(kind: FirstDivergence["kind"], node: DiagnosisNode, attributes: Record<string, string>, explanations: readonly VariantExplanation[]): Reading | null {
  if (kind === "out_of_order") return null;
  const key = nodeKey(node as Pick<PathNode, "type" | "identifier">);
  const about = explanations.filter((e) => nodeKey(e.node) === key);
  const called = about.find((e) => e.effect === "called");
  const skipped = about.find((e) => e.effect === "skipped" && attributes[e.attribute] === e.value);
  const name = `\`${node.identifier}\``;
  const had = (attribute: string) => (Object.hasOwn(attributes, attribute) ? `this request had \`${attribute} = ${attributes[attribute]}\`` : `this request had no \`${attribute}\``);
  const condition = (e: VariantExplanation) => `\`${e.attribute} = ${e.value}\``;
  if (kind === "missing") {
    const lead = `${name} was not called`;
    // An explanation the request fits comes first; one it contradicts says the system changed.
    if (called && attributes[called.attribute] !== called.value) return { lead, joiner: "; ", clause: `${had(called.attribute)}, and ${name} is only called when ${condition(called)}` };
    if (skipped) return { lead, joiner: "; ", clause: `${had(skipped.attribute)}, and ${name} is skipped when ${condition(skipped)}` };
    if (!called) return null;
    return { lead, joiner: " although ", clause: `${had(called.attribute)}; in the traffic the flow was learned from, ${name} is called when ${condition(called)}` };
  }
  const lead = `${name} was called`;
  if (called) {
    if (attributes[called.attribute] === called.value) return { lead, joiner: "; ", clause: `${had(called.attribute)}, and ${name} is only called when ${condition(called)}` };
    return { lead, joiner: " although ", clause: `${had(called.attribute)}; in the traffic the flow was learned from, ${name} is only called when ${condition(called)}` };
  }
  if (skipped) return { lead, joiner: " although ", clause: `${had(skipped.attribute)}; in the traffic the flow was learned from, ${name} is skipped when ${condition(skipped)}` };
  return null;
}
