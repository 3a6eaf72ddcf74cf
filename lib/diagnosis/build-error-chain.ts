// The way an error travelled: from the span where it started up through every caller to the
// root, so a reader sees which requests failed because of it.
import type { SpanStatus } from "../otlp/span";
import type { SpanTree } from "../traces/span-tree";
import type { DiagnosisSpan } from "./diagnosis-span";

export interface ErrorChainLink {
  spanId: string;
  service: string;
  /** The span's name. */
  operation: string;
  status: SpanStatus;
  statusMessage: string;
}

/**
 * The spans from `originSpanId` up to the tree's root, origin first. Spans hung under the root
 * for want of their parent reach the root through that link, as the tree shows them. Empty for
 * an id the tree does not hold.
 */
export function buildErrorChain<S extends DiagnosisSpan>(tree: SpanTree<S>, originSpanId: string): ErrorChainLink[] {
  const links: ErrorChainLink[] = [];
  for (let node = tree.byId.get(originSpanId) ?? null; node !== null; node = node.parent) {
    const { spanId, service, name, status, statusMessage } = node.span;
    links.push({ spanId, service, operation: name, status, statusMessage });
  }
  return links;
}
