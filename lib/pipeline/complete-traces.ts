// Trace completion: a trace is complete when no span has arrived for its workspace's
// trace_idle_ms; its spans then go through discovery and its flow's statistics and its
// workspace's service graph are updated. A round's traces are recorded in one transaction.
import { errorFields, logger } from "../http/logger";
import { discoverTrace, type DiscoveryOutcome } from "../flows/discover-trace";
import { extractTraceGraph } from "../graph";
import { sweepDrift } from "./sweep-drift";
import { runningExecutionsOfTraces } from "../store/execution-repository";
import { validateExecution } from "./validate-execution";
import { announceOpenedDrift } from "./announce-webhook-events";
import { applyDiscoveries, completionKey, type TraceCompletion } from "../store/apply-discoveries";
import type { Store } from "../store/db";
import {
  claimIdleTraces,
  claimTrace,
  loadDiscoverableSpans,
  loadResourceAttributes,
  releaseOthersClaims,
  releaseClaim,
  renewClaims,
  type StoredDiscoverableSpan,
  type TraceRef,
} from "../store/flow-repository";
import { workspacesWhere } from "../store/workspace-repository";
import { extractLlmCall } from "../genai/extract-llm-call";
import type { LlmCall } from "../genai/llm-call";
import type { Span } from "../otlp/span";
import { flattenEntryAttributes } from "../drift/entry-attributes";
import { buildSpanTree } from "../traces/build-span-tree";

export interface CompletionOptions {
  instanceId: string;
  /** A claim not renewed for this long was left by an instance that died: take it over. */
  staleClaimMs: number;
  /** How often the loop renews this instance's claims (well under staleClaimMs). */
  heartbeatMs?: number;
  /** Gives other instances' claims back when the loop starts: SQLite's file belongs to this one process. */
  releaseClaimsAtStart?: boolean;
  /** Traces per round. */
  batch: number;
  /** Traces per round at most while there is a backlog (rounds double up to it); `batch` when unset. */
  maxBatch?: number;
  /** How often the drift sweep also looks for missing variants and refreshes explanations. */
  thoroughDriftSweepMs?: number;
  /** Runs a write transaction with the database to itself: on SQLite, with the span writer held. */
  exclusive?: Exclusive;
  /** Told after each round how many traces it completed and how long it took (for /metrics). */
  onRound?: (traces: number, durationMs: number) => void;
}

export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;
const direct: Exclusive = (work) => work();

const DISCOVERY_OFF: DiscoveryOutcome = { kind: "skipped", reason: "discovery_off" };

/** The trace's LLM calls; a test run's own calls would skew production usage and cost. */
function indexedLlmCalls(spans: readonly StoredDiscoverableSpan[]): LlmCall[] {
  const calls: LlmCall[] = [];
  for (const span of spans) {
    if (span.isTestGenerated) continue;
    const call = extractLlmCall(span as unknown as Span);
    if (call) calls.push(call);
  }
  return calls;
}

/**
 * Traces whose spans are in memory at once. Only a trace's completion (a few kB) outlives its
 * chunk: a round of 4,000 traces loaded at once took the thread's heap to 570 MiB.
 */
const DISCOVERY_CHUNK = 500;

/** Loads the traces' spans and discovers them, building each trace's span tree once. */
async function discoverChunk(store: Store, refs: TraceRef[], quiet: ReadonlySet<string>): Promise<TraceCompletion[]> {
  // Loaded for every trace: LLM calls are indexed whether or not discovery is on.
  const spansByTrace = await loadDiscoverableSpans(store, refs);
  const discovered = refs.map((ref) => {
    const spans = spansByTrace.get(completionKey(ref.workspaceId, ref.traceId)) ?? [];
    const llmCalls = indexedLlmCalls(spans);
    if (quiet.has(ref.workspaceId)) return { ref, outcome: DISCOVERY_OFF, tree: null, llmCalls };
    const tree = spans.length > 0 ? buildSpanTree(spans) : undefined;
    const outcome = discoverTrace(spans, tree);
    return { ref, outcome, tree: outcome.kind === "discovered" ? tree! : null, llmCalls };
  });
  const resources = await loadResourceAttributes(
    store,
    discovered.flatMap((d) => (d.tree?.root ? [d.tree.root.span.resourceId] : [])),
  );
  return discovered.map(({ ref, outcome, tree, llmCalls }) => {
    const root = tree?.root?.span;
    return {
      ref,
      outcome,
      llmCalls,
      // The graph takes the same traces discovery does (no test runs, no synthetic entry points).
      graph: tree ? extractTraceGraph(tree) : null,
      entryAttributes: root ? flattenEntryAttributes(root.attributes, resources.get(root.resourceId)) : null,
    };
  });
}

interface Completed {
  /** Each trace's flow id (null: no flow), by completionKey. */
  flows: Map<string, string | null>;
  /** The next round's traces, when it was asked to claim them. */
  next: TraceRef[];
}

/**
 * Discovers and records claimed traces. `thenClaim` claims the next round's traces in the same
 * exclusive section as this round's writes: on SQLite each section waits for the span writer's
 * transaction in flight, and that wait, twice per round, was most of a round under sustained
 * ingest (npm run bench: 78 of 100 s).
 */
async function completeClaimed(
  store: Store,
  refs: TraceRef[],
  instanceId: string,
  exclusive: Exclusive = direct,
  thenClaim?: () => Promise<TraceRef[]>,
): Promise<Completed> {
  try {
    const quiet = await workspacesWhere(
      store,
      refs.map((r) => r.workspaceId),
      "autoDiscovery",
      false,
    );
    const completions: TraceCompletion[] = [];
    for (let i = 0; i < refs.length; i += DISCOVERY_CHUNK) completions.push(...(await discoverChunk(store, refs.slice(i, i + DISCOVERY_CHUNK), quiet)));
    const completed = await exclusive(async () => {
      const flows = await applyDiscoveries(store, completions, instanceId);
      return { flows, next: thenClaim ? await thenClaim() : [] };
    });
    // Must not throw now: the next round's traces are claimed, and only a round releases them.
    await validateCompletedRuns(
      store,
      completions.filter((c) => c.outcome.kind === "skipped" && c.outcome.reason === "test_generated").map((c) => c.ref),
    ).catch((error) => logger.error(errorFields(error), "validating completed test runs failed"));
    return completed;
  } catch (error) {
    await exclusive(async () => {
      for (const ref of refs) await releaseClaim(store, ref, instanceId).catch(() => undefined);
    });
    throw error;
  }
}

/** Test runs whose trace just completed are validated now, in workspaces with auto_validation. */
async function validateCompletedRuns(store: Store, refs: TraceRef[]): Promise<void> {
  if (refs.length === 0) return;
  const executions = await runningExecutionsOfTraces(store, refs);
  if (executions.length === 0) return;
  const auto = await workspacesWhere(
    store,
    executions.map((e) => e.workspaceId),
    "autoValidation",
    true,
  );
  for (const execution of executions) {
    if (!auto.has(execution.workspaceId)) continue;
    await validateExecution(store, execution, Date.now(), true).catch((error) => logger.error({ execution_id: execution.id, ...errorFields(error) }, "validating a test run failed"));
  }
}

function claimRound(store: Store, options: CompletionOptions, limit: number, nowMs = Date.now()): Promise<TraceRef[]> {
  return claimIdleTraces(store, { instanceId: options.instanceId, nowMs, staleClaimBeforeMs: nowMs - options.staleClaimMs, limit });
}

/** One round: claims idle traces and completes them. Returns how many it claimed. */
export async function completeIdleTraces(store: Store, options: CompletionOptions, nowMs = Date.now()): Promise<number> {
  const exclusive = options.exclusive ?? direct;
  const claimed = await exclusive(() => claimRound(store, options, options.batch, nowMs));
  if (claimed.length === 0) return 0;
  try {
    await completeClaimed(store, claimed, options.instanceId, exclusive);
  } catch (error) {
    logger.error({ traces: claimed.length, ...errorFields(error) }, "completing traces failed; they will be retried");
  }
  return claimed.length;
}

/** Completes one trace now (forced completion, used by the test runner). */
export async function completeTraceNow(store: Store, ref: TraceRef, instanceId: string): Promise<{ found: boolean; flowId: string | null }> {
  if (!(await claimTrace(store, ref, instanceId, Date.now()))) return { found: false, flowId: null };
  const { flows } = await completeClaimed(store, [ref], instanceId);
  return { found: true, flowId: flows.get(completionKey(ref.workspaceId, ref.traceId)) ?? null };
}

/**
 * Rounds until no trace is left idle. A full round means a backlog: the next one is claimed with
 * this one's writes and takes twice as many traces, up to maxBatch, so the exclusive sections,
 * and their waits, get fewer per trace as the backlog grows.
 */
async function completeBacklog(store: Store, options: CompletionOptions, stopped: () => boolean): Promise<void> {
  const exclusive = options.exclusive ?? direct;
  let limit = options.batch;
  let claimed = await exclusive(() => claimRound(store, options, limit));
  while (claimed.length > 0) {
    const backlog = claimed.length >= limit && !stopped();
    limit = backlog ? Math.min(limit * 2, options.maxBatch ?? options.batch) : options.batch;
    const round = claimed;
    const started = performance.now();
    claimed = (await completeClaimed(store, round, options.instanceId, exclusive, backlog ? () => claimRound(store, options, limit) : undefined)).next;
    options.onRound?.(round.length, performance.now() - started);
  }
}

/** Runs rounds until stopped; a round starts when the previous one ended, so rounds never overlap. */
export function startCompletionLoop(store: Store, options: CompletionOptions, intervalMs = 1_000): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastThoroughMs = 0;
  let released = !options.releaseClaimsAtStart;
  // Renewed on a timer, not per round: a round can outlast the lease on a large backlog.
  const heartbeat = options.heartbeatMs
    ? setInterval(() => {
        (options.exclusive ?? direct)(() => renewClaims(store, options.instanceId, Date.now())).catch((error) =>
          logger.error(errorFields(error), "renewing trace claims failed"),
        );
      }, options.heartbeatMs).unref()
    : undefined;
  const round = async () => {
    if (stopped) return;
    if (!released) {
      try {
        const count = await (options.exclusive ?? direct)(() => releaseOthersClaims(store, options.instanceId));
        if (count > 0) logger.info({ traces: count }, "traces an earlier process had claimed are open again");
        released = true;
      } catch (error) {
        logger.error(errorFields(error), "releasing an earlier process's trace claims failed");
      }
    }
    try {
      await completeBacklog(store, options, () => stopped);
    } catch (error) {
      logger.error(errorFields(error), "trace completion round failed; its traces will be retried");
    }
    try {
      const thorough = Date.now() - lastThoroughMs >= (options.thoroughDriftSweepMs ?? 5_000);
      if (!stopped) await announceOpenedDrift(store, (await sweepDrift(store, { thorough })).opened);
      if (thorough) lastThoroughMs = Date.now();
    } catch (error) {
      logger.error(errorFields(error), "drift sweep failed");
    }
    if (!stopped) timer = setTimeout(round, intervalMs).unref();
  };
  timer = setTimeout(round, intervalMs).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(heartbeat);
  };
}
