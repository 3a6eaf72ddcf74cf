// Where the errors of many failing traces start, and how they travel up: each trace's origins
// (findErrorOrigins) grouped by service, operation and status message, with the share of failing
// traces each group caused; and per cause, its most common chain up to the root.
import type { SpanTree } from "../traces/span-tree";
import { buildErrorChain } from "./build-error-chain";
import type { DiagnosisSpan } from "./diagnosis-span";
import { findErrorOrigins, type ErrorOrigin } from "./find-error-origins";

export interface OriginGroup {
  service: string;
  operation: string;
  /** The message as the first example trace had it; the group is the message with numbers and ids masked. */
  statusMessage: string;
  reason: ErrorOrigin["reason"];
  role: ErrorOrigin["role"];
  /** A consequence that is a caller of the cause, failing with a message of its own: it passed the failure on. */
  wrapsCause: boolean;
  /** Sampled failing traces with an origin in this group (in this role). */
  traces: number;
  /** traces / sampled failing traces (0..1). */
  share: number;
  exampleTraceIds: string[];
  /** The origin span in each example trace, in the same order. */
  exampleSpanIds: string[];
}

export interface ChainStep {
  service: string;
  operation: string;
  status: DiagnosisSpan["status"];
  statusMessage: string;
}

export interface ChainGroup {
  /** The cause group the chain starts from: `service`, `operation` and masked message as in OriginGroup. */
  origin: { service: string; operation: string; statusMessage: string };
  /** From the origin up to the root. */
  steps: ChainStep[];
  traces: number;
  exampleTraceId: string;
}

export interface ErrorOriginSummary {
  origins: OriginGroup[];
  chains: ChainGroup[];
}

export interface FailingTrace<S extends DiagnosisSpan = DiagnosisSpan> {
  readonly traceId: string;
  readonly tree: SpanTree<S>;
}

/** Numbers, hex ids and UUIDs vary between requests that failed for the same reason. */
export function maskMessage(message: string): string {
  return message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
    .replace(/\b[0-9a-f]{12,}\b/gi, "<id>")
    .replace(/\d+(\.\d+)?/g, "#");
}

export function summarizeErrorOrigins<S extends DiagnosisSpan>(
  failing: readonly FailingTrace<S>[],
  options: { limit?: number; examples?: number } = {},
): ErrorOriginSummary {
  const limit = options.limit ?? 10;
  const examples = options.examples ?? 3;
  const groups = new Map<string, OriginGroup>();
  const chains = new Map<string, ChainGroup>();
  for (const trace of failing) {
    const seenInTrace = new Set<string>();
    const origins = findErrorOrigins(trace.tree);
    const callersOfCause = ancestorIds(trace.tree, origins.find((origin) => origin.role === "cause")?.spanId);
    for (const origin of origins) {
      const masked = maskMessage(origin.statusMessage);
      const wrapsCause = origin.role === "consequence" && callersOfCause.has(origin.spanId);
      const groupKey = [origin.role, wrapsCause, origin.service, origin.operation, masked].join("\u0000");
      if (seenInTrace.has(groupKey)) continue;
      seenInTrace.add(groupKey);
      let group = groups.get(groupKey);
      if (!group) {
        group = {
          service: origin.service,
          operation: origin.operation,
          statusMessage: origin.statusMessage,
          reason: origin.reason,
          role: origin.role,
          wrapsCause,
          traces: 0,
          share: 0,
          exampleTraceIds: [],
          exampleSpanIds: [],
        };
        groups.set(groupKey, group);
      }
      group.traces++;
      if (group.exampleTraceIds.length < examples) {
        group.exampleTraceIds.push(trace.traceId);
        group.exampleSpanIds.push(origin.spanId);
      }
      if (origin.role !== "cause") continue;
      const steps = buildErrorChain(trace.tree, origin.spanId).map((link) => ({
        service: link.service,
        operation: link.operation,
        status: link.status,
        statusMessage: link.statusMessage,
      }));
      const chainKey = [origin.service, origin.operation, masked, ...steps.map((s) => `${s.service}\u0001${s.operation}\u0001${s.status}`)].join("\u0000");
      const chain = chains.get(chainKey);
      if (chain) chain.traces++;
      else
        chains.set(chainKey, {
          origin: { service: origin.service, operation: origin.operation, statusMessage: masked },
          steps,
          traces: 1,
          exampleTraceId: trace.traceId,
        });
    }
  }
  const total = failing.length;
  // Array.prototype.sort is stable, so equal groups keep the order they were first seen in.
  const origins = [...groups.values()]
    .sort((a, b) => roleRank(a.role) - roleRank(b.role) || b.traces - a.traces)
    .slice(0, limit)
    .map((group) => ({ ...group, share: total === 0 ? 0 : group.traces / total }));
  const chainList = [...chains.values()].sort((a, b) => b.traces - a.traces).slice(0, limit);
  return { origins, chains: chainList };
}

function ancestorIds<S extends DiagnosisSpan>(tree: SpanTree<S>, spanId: string | undefined): Set<string> {
  const ids = new Set<string>();
  for (let node = spanId === undefined ? undefined : tree.byId.get(spanId)?.parent; node; node = node.parent) ids.add(node.span.spanId);
  return ids;
}

function roleRank(role: ErrorOrigin["role"]): number {
  return role === "cause" ? 0 : 1;
}
