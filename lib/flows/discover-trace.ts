// One completed trace → everything flow discovery records about it: its entry point, path,
// fingerprint, and the observations its flow's statistics add (and remove again exactly, when
// late spans move the trace to another flow).
import { buildSpanTree } from "../traces/build-span-tree";
import type { SpanTree } from "../traces/span-tree";
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import type { TraceSpan } from "../traces/trace-span";
import { erroredNodeKeys } from "./attribute-errors";
import { computeFingerprint } from "./compute-fingerprint";
import { extractPathSteps } from "./extract-path";
import { findEntryPoint, type EntryPoint } from "./find-entry-point";
import type { TraceObservation } from "./flow-stats";
import { formatFlowName } from "./format-flow-name";
import type { NodeObservation } from "./node-stats";
import type { RepresentativeCandidate } from "./pick-representative";

export interface DiscoverableSpan extends TraceSpan {
  isTestGenerated: boolean;
  isSynthetic: boolean;
}

export interface TraceDiscovery {
  entry: EntryPoint;
  flowName: string;
  path: PathNode[];
  fingerprint: string;
  trace: TraceObservation;
  nodes: NodeObservation[];
  representative: RepresentativeCandidate;
}

export type DiscoveryOutcome =
  | { kind: "discovered"; discovery: TraceDiscovery }
  // Test runs replay known flows and must not count as production traffic; health checks and
  // bots hit trivial endpoints often enough to outrank every real flow; discovery_off is a
  // workspace whose settings turned discovery off.
  | { kind: "skipped"; reason: "empty" | "test_generated" | "synthetic" | "discovery_off" };

const nsToMs = (ns: bigint) => Number(ns) / 1e6;

/** `tree`: the spans' tree, when the caller has built it already. */
export function discoverTrace<S extends DiscoverableSpan>(spans: readonly S[], built?: SpanTree<S>): DiscoveryOutcome {
  if (spans.length === 0) return { kind: "skipped", reason: "empty" };
  if (spans.some((s) => s.isTestGenerated)) return { kind: "skipped", reason: "test_generated" };
  const tree = built ?? buildSpanTree(spans);
  const root = tree.root!;
  if (root.span.isSynthetic) return { kind: "skipped", reason: "synthetic" };

  const entry = findEntryPoint(tree)!;
  const steps = extractPathSteps(tree);
  const path = steps.map((step) => step.node);
  const erroredNodes = erroredNodeKeys(tree);
  let minStartNs = root.span.startNs;
  let maxEndNs = root.span.endNs;
  let hasError = false;
  for (const span of spans) {
    if (span.startNs < minStartNs) minStartNs = span.startNs;
    if (span.endNs > maxEndNs) maxEndNs = span.endNs;
    if (span.status === "error") hasError = true;
  }
  // The root span's duration is the request's; without the root, the trace's wall time.
  const durationNs = tree.rootMissing ? maxEndNs - minStartNs : root.span.endNs - root.span.startNs;
  const durationMs = Math.max(0, nsToMs(durationNs));
  const atMs = Math.floor(nsToMs(tree.rootMissing ? minStartNs : root.span.startNs));
  return {
    kind: "discovered",
    discovery: {
      entry,
      flowName: formatFlowName(entry),
      path,
      fingerprint: computeFingerprint(path),
      trace: { durationMs, hasError, atMs },
      // Duration is the node's first span's; errors are those of every span the node stands
      // for (retries, and calls its callee reports), so the path shows where the trace failed.
      nodes: steps.map(({ node, span }) => ({
        nodeKey: nodeKey(node),
        durationMs: Math.max(0, nsToMs(span.endNs - span.startNs)),
        hasError: erroredNodes.has(nodeKey(node)),
      })),
      representative: { traceId: root.span.traceId, durationMs, hasError, atMs },
    },
  };
}
