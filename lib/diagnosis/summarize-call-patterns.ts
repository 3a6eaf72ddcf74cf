// N+1 calls and avoidable serial calls across sampled traces: each trace's patterns
// (findCallPatterns) grouped by kind, caller and repeated operation, with how often they occur
// and what they typically cost.
import type { SpanTree } from "../traces/span-tree";
import { median } from "./attribute-latency";
import type { DiagnosisSpan } from "./diagnosis-span";
import { findCallPatterns, type CallPattern } from "./find-call-patterns";

export interface PatternGroup {
  kind: CallPattern["kind"];
  service: string;
  operation: string;
  /** The span the calls hang under, as `service operation`. */
  caller: string;
  /** Sampled traces with the pattern. */
  traces: number;
  /** traces / sampled traces (0..1). */
  share: number;
  medianCalls: number;
  /** What running the calls in parallel would save, per trace (median). */
  medianCostMs: number;
  exampleTraceId: string;
  exampleParentSpanId: string;
}

export function summarizeCallPatterns<S extends DiagnosisSpan>(
  traces: readonly { traceId: string; tree: SpanTree<S> }[],
  options: { limit?: number } = {},
): PatternGroup[] {
  const groups = new Map<string, { group: PatternGroup; calls: number[]; costs: number[]; order: number }>();
  for (const trace of traces) {
    const seen = new Set<string>();
    for (const pattern of findCallPatterns(trace.tree)) {
      const parent = trace.tree.byId.get(pattern.parentSpanId)?.span;
      const caller = parent ? `${parent.service} ${parent.name}` : "";
      const key = [pattern.kind, pattern.service, pattern.operation, caller].join("\u0000");
      if (seen.has(key)) continue;
      seen.add(key);
      let entry = groups.get(key);
      if (!entry) {
        entry = {
          group: {
            kind: pattern.kind,
            service: pattern.service,
            operation: pattern.operation,
            caller,
            traces: 0,
            share: 0,
            medianCalls: 0,
            medianCostMs: 0,
            exampleTraceId: trace.traceId,
            exampleParentSpanId: pattern.parentSpanId,
          },
          calls: [],
          costs: [],
          order: groups.size,
        };
        groups.set(key, entry);
      }
      entry.group.traces++;
      entry.calls.push(pattern.count);
      entry.costs.push(pattern.costNs / 1e6);
    }
  }
  const total = traces.length;
  return [...groups.values()]
    .map(({ group, calls, costs, order }) => ({
      order,
      group: { ...group, share: total === 0 ? 0 : group.traces / total, medianCalls: median(calls), medianCostMs: median(costs) },
    }))
    .sort((a, b) => kindRank(a.group.kind) - kindRank(b.group.kind) || b.group.traces * b.group.medianCostMs - a.group.traces * a.group.medianCostMs || a.order - b.order)
    .slice(0, options.limit ?? 10)
    .map(({ group }) => group);
}

function kindRank(kind: CallPattern["kind"]): number {
  return kind === "n_plus_one" ? 0 : 1;
}
