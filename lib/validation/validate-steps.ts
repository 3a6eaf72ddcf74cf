// Per-step validation of a test whose requests each name the nodes they must produce (an
// entity journey: create, read, update, delete). The runner sends each such request under a
// span of its own (`flowprint.step <id>`), so the system's spans below it are that step's part
// of the trace, checked against that step's nodes; retries collapsing one path would
// otherwise hide a second read behind the first.
import { diffPaths } from "../drift/diff-paths";
import { extractPath } from "../flows/extract-path";
import { buildSpanTree } from "../traces/build-span-tree";
import type { PathNode } from "../traces/path-node";
import type { TraceSpan } from "../traces/trace-span";

export interface StepExpectation {
  id: string;
  nodes: readonly (Pick<PathNode, "type" | "identifier"> & { service?: string })[];
}

type Node = { type: string; identifier: string; service?: string };

export interface StepValidation {
  id: string;
  status: "passed" | "failed" | "inconclusive";
  path_match: boolean;
  missing_nodes: (Node & { index: number })[];
  unexpected_nodes: (Node & { index: number })[];
  order_violations: (Node & { expected_index: number; actual_index: number })[];
  reason?: string;
}

/** Each system span's step: the step span it descends from, by walking up parent links. */
export function splitSpansByStep<S extends TraceSpan>(spans: readonly S[], stepOfSpanId: ReadonlyMap<string, string>): Map<string, S[]> {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const memo = new Map<string, string | null>();
  const stepOf = (span: S): string | null => {
    const chain: string[] = [];
    let current: S | undefined = span;
    let step: string | null = null;
    // Iterative and loop-safe: traces are untrusted input.
    while (current && !chain.includes(current.spanId)) {
      if (memo.has(current.spanId)) {
        step = memo.get(current.spanId)!;
        break;
      }
      chain.push(current.spanId);
      const direct = stepOfSpanId.get(current.parentSpanId);
      if (direct !== undefined) {
        step = direct;
        break;
      }
      current = byId.get(current.parentSpanId);
    }
    for (const id of chain) memo.set(id, step);
    return step;
  };
  const result = new Map<string, S[]>();
  for (const span of spans) {
    const step = stepOf(span);
    if (step === null) continue;
    const list = result.get(step) ?? [];
    list.push(span);
    result.set(step, list);
  }
  return result;
}

const nodeOf = (n: Node): Node => ({ type: n.type, identifier: n.identifier, ...(n.service ? { service: n.service } : {}) });

export function validateSteps(steps: readonly StepExpectation[], spansByStep: ReadonlyMap<string, readonly TraceSpan[]>): StepValidation[] {
  return steps.map((step) => {
    const spans = spansByStep.get(step.id) ?? [];
    if (spans.length === 0) {
      return { id: step.id, status: "inconclusive", path_match: false, missing_nodes: [], unexpected_nodes: [], order_violations: [], reason: `no span of the system arrived under step ${step.id}` };
    }
    const diff = diffPaths(step.nodes, extractPath(buildSpanTree(spans)));
    const match = diff.added.length === 0 && diff.removed.length === 0 && diff.moved.length === 0;
    return {
      id: step.id,
      status: match ? "passed" : "failed",
      path_match: match,
      missing_nodes: diff.removed.map((r) => ({ ...nodeOf(r.node), index: r.index })),
      unexpected_nodes: diff.added.map((a) => ({ ...nodeOf(a.node), index: a.index })),
      order_violations: diff.moved.map((m) => ({ ...nodeOf(m.node), expected_index: m.from, actual_index: m.to })),
    };
  });
}
