// Trace completion: a trace is complete when no span has arrived for its workspace's
// trace_idle_ms; its spans then go through discovery and its flow's statistics are updated.
import { discoverTrace } from "../flows/discover-trace";
import { extractTraceGraph } from "../graph";
import { buildSpanTree } from "../traces/build-span-tree";
import type { Store } from "../store/db";
import { applyDiscovery, claimIdleTraces, claimTrace, loadDiscoverableSpans, releaseClaim, type TraceRef } from "../store/flow-repository";

export interface CompletionOptions {
  instanceId: string;
  /** A claim older than this was left by an instance that died: take it over. */
  staleClaimMs: number;
  /** Traces per round. */
  batch: number;
}

/** Completes one claimed trace; returns the id of the flow it joined, or null. */
export async function completeClaimedTrace(store: Store, ref: TraceRef, instanceId: string): Promise<string | null> {
  try {
    const workspace = await store.prisma.workspace.findUnique({ where: { id: ref.workspaceId }, select: { autoDiscovery: true } });
    if (workspace?.autoDiscovery === false) return await applyDiscovery(store, ref, instanceId, { kind: "skipped", reason: "discovery_off" });
    const spans = await loadDiscoverableSpans(store, ref);
    const outcome = discoverTrace(spans);
    // The graph takes the same traces discovery does (no test runs, no synthetic entry points).
    const graph = outcome.kind === "discovered" ? extractTraceGraph(buildSpanTree(spans)) : null;
    return await applyDiscovery(store, ref, instanceId, outcome, graph);
  } catch (error) {
    await releaseClaim(store, ref, instanceId).catch(() => undefined);
    throw error;
  }
}

/** One round: claims idle traces and completes them. Returns how many it completed. */
export async function completeIdleTraces(store: Store, options: CompletionOptions, nowMs = Date.now()): Promise<number> {
  const claimed = await claimIdleTraces(store, {
    instanceId: options.instanceId,
    nowMs,
    staleClaimBeforeMs: nowMs - options.staleClaimMs,
    limit: options.batch,
  });
  let completed = 0;
  for (const ref of claimed) {
    try {
      await completeClaimedTrace(store, ref, options.instanceId);
      completed++;
    } catch (error) {
      console.error(`[flowprint] completing trace ${ref.traceId} failed; it will be retried`, error);
    }
  }
  return completed;
}

/** Completes one trace now (forced completion, used by the test runner). */
export async function completeTraceNow(store: Store, ref: TraceRef, instanceId: string): Promise<{ found: boolean; flowId: string | null }> {
  if (!(await claimTrace(store, ref, instanceId, Date.now()))) return { found: false, flowId: null };
  return { found: true, flowId: await completeClaimedTrace(store, ref, instanceId) };
}

/** Runs rounds until stopped; a round starts when the previous one ended, so rounds never overlap. */
export function startCompletionLoop(store: Store, options: CompletionOptions, intervalMs = 1_000): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    if (stopped) return;
    try {
      // Keep going without a pause while there is a backlog.
      while (!stopped && (await completeIdleTraces(store, options)) >= options.batch);
    } catch (error) {
      console.error("[flowprint] trace completion round failed", error);
    }
    if (!stopped) timer = setTimeout(round, intervalMs).unref();
  };
  timer = setTimeout(round, intervalMs).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
