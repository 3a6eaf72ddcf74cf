// Where a failing trace's errors start. Errors propagate: a failed database call fails the
// handler that made it, which fails the gateway's request, so most error spans only pass on a
// callee's failure. An origin is a span whose failure is its own.
import { readTextAttribute } from "../traces/read-text-attribute";
import type { SpanTree, SpanTreeNode } from "../traces/span-tree";
import type { DiagnosisSpan } from "./diagnosis-span";

export interface ErrorOrigin {
  spanId: string;
  service: string;
  /** The span's name. */
  operation: string;
  /** The origin's own status message; for a masked timeout, that of the span that gave up. */
  statusMessage: string;
  /** Why this span is where the error starts. */
  reason: "leaf_error" | "own_message" | "timeout_masked";
  /** "cause": the trace's first failure; "consequence": a later independent failure (fallout). Exactly one cause when the list is non-empty, and it is first in the list. */
  role: "cause" | "consequence";
  startNs: bigint;
  durationNs: number;
  /** timeout_masked only: the error span that gave up waiting on this one. */
  maskedBySpanId?: string;
}

/** Share of the error span's window a descendant must have kept running for a masked timeout. */
const BUDGET_SHARE = 0.95;
const TIMEOUT_MESSAGE = /time[ds]?[\s_-]?out|deadline|cancel+ed|abandon/i;
const TIMEOUT_HTTP_STATUS = new Set(["408", "504"]);
// gRPC CANCELLED (1) and DEADLINE_EXCEEDED (4), by number and by name.
const TIMEOUT_GRPC_STATUS = new Set(["1", "4", "CANCELLED", "DEADLINE_EXCEEDED"]);

/**
 * The error origins of one trace, the cause first.
 *
 * Rules:
 * 1. leaf_error: an error span none of whose descendants errored.
 * 2. own_message: an error span whose status message is unrelated to the messages of all its
 *    nearest errored descendants (neither contains the other) failed in a way of its own; the
 *    descendants stay origins of their own. An empty message says nothing new, so a span with
 *    one (or with a descendant whose message is empty) passes the failure on.
 * 3. timeout_masked: an origin of rules 1-2 whose error reads as giving up (a message about a
 *    timeout, deadline or cancellation, HTTP 408/504, gRPC CANCELLED/DEADLINE_EXCEEDED, or no
 *    message and no status code at all) while a chain of non-error descendants kept running for at least 95% of
 *    its window did not fail: it ran out of time waiting. The origin moves to the deepest span
 *    of that chain, the one that used the whole budget, even though its status is not error.
 * 4. Roles: the cause is the origin that started first among those with no other origin
 *    beneath them (a span cannot have failed before the callee it was waiting on), ties going
 *    to the deeper span; every other origin is a consequence, listed by start time after it.
 */
export function findErrorOrigins<S extends DiagnosisSpan>(tree: SpanTree<S>): ErrorOrigin[] {
  const count = tree.nodes.length;
  const indexOf = new Map<SpanTreeNode<S>, number>();
  tree.nodes.forEach((node, index) => indexOf.set(node, index));

  // Nearest error ancestor of each span, in preorder (parents first): a failure's closest
  // wrapper. -1 when no ancestor errored.
  const errorAncestor = new Int32Array(count).fill(-1);
  const hasErrorBelow = new Uint8Array(count);
  const passedOn = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const { parent, attachment } = tree.nodes[i];
    // A span hung under the root for want of its parent has no known wrapper.
    if (parent === null || attachment !== "parent") continue;
    const p = indexOf.get(parent)!;
    errorAncestor[i] = isError(parent) ? p : errorAncestor[p];
    if (!isError(tree.nodes[i]) || errorAncestor[i] === -1) continue;
    const wrapper = errorAncestor[i];
    hasErrorBelow[wrapper] = 1;
    if (related(tree.nodes[wrapper].span.statusMessage, tree.nodes[i].span.statusMessage)) passedOn[wrapper] = 1;
  }

  const found: { node: SpanTreeNode<S>; reason: ErrorOrigin["reason"]; statusMessage: string; maskedBy?: string }[] = [];
  const originIds = new Set<string>();
  for (let i = 0; i < count; i++) {
    const node = tree.nodes[i];
    if (!isError(node) || (hasErrorBelow[i] && passedOn[i])) continue;
    const reason = hasErrorBelow[i] ? "own_message" : "leaf_error";
    const consumer = looksLikeGivingUp(node.span) ? budgetConsumer(node) : null;
    const origin = consumer ?? node;
    if (originIds.has(origin.span.spanId)) continue;
    originIds.add(origin.span.spanId);
    found.push(
      consumer === null
        ? { node, reason, statusMessage: node.span.statusMessage }
        : { node: consumer, reason: "timeout_masked", statusMessage: consumer.span.statusMessage || node.span.statusMessage, maskedBy: node.span.spanId },
    );
  }
  if (found.length === 0) return [];

  // An origin with another origin beneath it cannot be the first failure. Reverse preorder
  // visits children before parents.
  const originBelow = new Uint8Array(count);
  for (let i = count - 1; i > 0; i--) {
    const node = tree.nodes[i];
    if (originBelow[i] || originIds.has(node.span.spanId)) originBelow[indexOf.get(node.parent!)!] = 1;
  }
  const order = (a: (typeof found)[number], b: (typeof found)[number]) =>
    compareBigInt(a.node.span.startNs, b.node.span.startNs) || b.node.depth - a.node.depth || indexOf.get(a.node)! - indexOf.get(b.node)!;
  const cause = found.filter((f) => !originBelow[indexOf.get(f.node)!]).sort(order)[0];
  const rest = found.filter((f) => f !== cause).sort(order);

  return [cause, ...rest].map((f) => ({
    spanId: f.node.span.spanId,
    service: f.node.span.service,
    operation: f.node.span.name,
    statusMessage: f.statusMessage,
    reason: f.reason,
    role: f === cause ? "cause" : "consequence",
    startNs: f.node.span.startNs,
    durationNs: durationNs(f.node.span),
    ...(f.maskedBy === undefined ? {} : { maskedBySpanId: f.maskedBy }),
  }));
}

function isError(node: SpanTreeNode<DiagnosisSpan>): boolean {
  return node.span.status === "error";
}

/** One message repeats the other (wrapped, prefixed, or the same); an empty one says nothing new. */
function related(wrapper: string, inner: string): boolean {
  const outer = wrapper.trim();
  const below = inner.trim();
  return outer === "" || below === "" || outer.includes(below) || below.includes(outer);
}

/** The span's error reads as having stopped waiting rather than as a failure of its own. */
function looksLikeGivingUp(span: DiagnosisSpan): boolean {
  if (TIMEOUT_MESSAGE.test(span.statusMessage)) return true;
  // A recorded status code decides: a 500 without a message is a failure, a 504 is not.
  const http = readTextAttribute(span.attributes, ["http.response.status_code", "http.status_code"]);
  if (http !== undefined) return TIMEOUT_HTTP_STATUS.has(http);
  const grpc = readTextAttribute(span.attributes, ["rpc.grpc.status_code", "rpc.response.status_code"]);
  if (grpc !== undefined) return TIMEOUT_GRPC_STATUS.has(grpc.toUpperCase());
  return span.statusMessage.trim() === "";
}

/**
 * The deepest span of a chain of non-error descendants each of which ran for at least
 * BUDGET_SHARE of `giver`'s window (counting only the part inside it), or null when even its
 * longest-running child did not.
 */
function budgetConsumer<S extends DiagnosisSpan>(giver: SpanTreeNode<S>): SpanTreeNode<S> | null {
  const { startNs, endNs } = giver.span;
  const budget = Number(endNs - startNs);
  if (!(budget > 0)) return null;
  const inside = (span: DiagnosisSpan) => Math.max(0, Number((span.endNs < endNs ? span.endNs : endNs) - (span.startNs > startNs ? span.startNs : startNs)));
  let deepest: SpanTreeNode<S> | null = null;
  let at = giver;
  for (;;) {
    let best: SpanTreeNode<S> | null = null;
    for (const child of at.children) {
      if (child.attachment !== "parent" || isError(child)) continue;
      if (best === null || inside(child.span) > inside(best.span)) best = child;
    }
    if (best === null || inside(best.span) < BUDGET_SHARE * budget) return deepest;
    deepest = best;
    at = best;
  }
}

function durationNs(span: DiagnosisSpan): number {
  return span.endNs > span.startNs ? Number(span.endNs - span.startNs) : 0;
}

function compareBigInt(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
