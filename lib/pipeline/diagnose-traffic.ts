// Diagnosis of a flow or of an entry point (all its variants) over a time window: the store
// samples the traces, lib/diagnosis decides. The slow threshold is the scope's P95, from the
// flows' duration sketches merged.
import { diagnoseTraces, type Diagnosis } from "../diagnosis/diagnose-traces";
import { deserializeFlowStats, emptyFlowStats, flowP95DurationMs, mergeFlowStats } from "../flows/flow-stats";
import { buildSpanTree } from "../traces/build-span-tree";
import type { Store } from "../store/db";
import { diagnosisSampleSize, loadScopeFlowStats, sampleDiagnosisTraces, type SampledTrace } from "../store/diagnosis-queries";

export type DiagnosisScope = { flowId: string } | { entryService: string; entryOperation: string };

export interface DiagnosisRequest {
  fromMs: number;
  toMs: number;
  sampleSize: number;
}

/** The sample size a request asked for, else the workspace's diagnosis_sample_size. */
export async function resolveSampleSize(store: Store, workspaceId: string, requested: number | undefined): Promise<number> {
  return requested ?? (await diagnosisSampleSize(store, workspaceId));
}

/** null when the scope has no flows. */
export async function diagnoseTraffic(store: Store, workspaceId: string, scope: DiagnosisScope, request: DiagnosisRequest): Promise<Diagnosis | null> {
  const flows = await loadScopeFlowStats(store, workspaceId, scope);
  if (flows.length === 0) return null;
  const stats = flows.map((flow) => deserializeFlowStats(flow.stats)).reduce(mergeFlowStats, emptyFlowStats());
  const slowThresholdMs = flowP95DurationMs(stats);
  const sample = await sampleDiagnosisTraces(store, workspaceId, {
    flowIds: flows.map((flow) => flow.id),
    fromNs: BigInt(request.fromMs) * 1_000_000n,
    toNs: BigInt(request.toMs) * 1_000_000n,
    slowThresholdNs: BigInt(Math.round(slowThresholdMs * 1e6)),
    perSide: request.sampleSize,
  });
  // One tree per trace, shared by every side it was sampled on.
  const trees = new Map<string, ReturnType<typeof buildSpanTree<SampledTrace["spans"][number]>>>();
  const withTree = (traces: SampledTrace[]) =>
    traces.map((trace) => {
      let tree = trees.get(trace.traceId);
      if (!tree) trees.set(trace.traceId, (tree = buildSpanTree(trace.spans)));
      return { traceId: trace.traceId, tree, entryAttributes: trace.entryAttributes };
    });
  return diagnoseTraces({
    failing: withTree(sample.failing),
    passing: withTree(sample.passing),
    slow: withTree(sample.slow),
    fast: withTree(sample.fast),
    slowThresholdMs,
    totals: sample.totals,
  });
}
