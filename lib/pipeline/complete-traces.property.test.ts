// Late and split traces, property-based: spans of a trace may arrive in any order, split across
// any number of requests, replayed, some after the trace was completed; the flows must end up
// exactly as if every trace had been sent whole. Runs on SQLite, and on PostgreSQL when
// TEST_DATABASE_URL is set.
//
// Each run uses two workspaces of one store: REFERENCE gets every trace whole (one appendSpans
// call per trace, then one completion round), SPLIT gets the same traces shuffled, cut into
// chunks, interleaved across traces, some chunks replayed, with completion rounds and forced
// completions in between (so traces complete early with a partial path and later chunks
// arrive late), then a final completion round. Both are also checked against a pure model: the
// whole traces' discoverTrace outcomes folded with addContribution, and their service graphs
// merged (the workspace graph is kept by the same completions and must obey the same rule).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { discoverTrace, type TraceDiscovery } from "../flows/discover-trace";
import type { DurationSketch } from "../flows/duration-sketch";
import { addContribution, deserializeFlowAggregate, emptyFlowAggregate, flowFigures, type FlowAggregate, type FlowContribution } from "../flows/flow-aggregate";
import { HOUR_MS } from "../flows/hourly-buckets";
import { decodeGraph, extractTraceGraph, mergeGraphs, type CompactGraph, type ServiceGraph } from "../graph";
import { MAX_SAMPLE_TRACES } from "../flows/pick-representative";
import type { Span } from "../otlp/span";
import { makeSpan } from "../otlp/testing/make-span";
import { appendSpans } from "../store/append-spans";
import type { Store } from "../store/db";
import { TEST_STORES, type OpenedStore } from "../store/testing/test-stores";
import { buildSpanTree } from "../traces/build-span-tree";
import { forestShapeArbitrary, materializeSpans, spanIdsArbitrary, type SpanShape } from "../traces/testing/arbitrary-trace";
import { completeIdleTraces, completeTraceNow, type CompletionOptions } from "./complete-traces";

const REFERENCE = "prop-reference";
const SPLIT = "prop-split";
const INSTANCE = "property-test";
/** The workspaces' trace_idle_ms (their default): how long a trace waits for more spans. */
const IDLE_MS = 10_000;
/** receivedAtMs of the first request: a logical clock that the schedule advances. */
const CLOCK_START_MS = 1_800_000_000_000;
/** A completion round this late finds every trace idle. */
const FAR_FUTURE_MS = CLOCK_START_MS + 1_000_000_000;
/** Span times: traces start within a few hours of this, so flows get several hourly buckets. */
const SPAN_EPOCH_MS = 1_767_225_600_000;
const MAX_SPANS = 12;
const MAX_TRACES = 6;
/**
 * A passing property takes seconds; this bounds shrinking a failure (every shrink step replays
 * a run against the database), which then reports the smallest counterexample found so far.
 */
const SHRINK_TIME_LIMIT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// What a run generates.

/**
 * One trace and how its spans travel. Per-position arrays are MAX_SPANS long and read only as
 * far as the trace needs, so every field shrinks on its own.
 */
interface TracePlan {
  /** Which of the run's tree templates the trace follows (modulo their number). */
  template: number;
  ids: string[];
  hour: number;
  offsetMs: number;
  /** Added to each span's end: durations from 1 ns to seconds, not only whole milliseconds. */
  extraNs: bigint[];
  /** Span i has error status whatever its template says. */
  errors: boolean[];
  /** synthetic: the parentless spans are health checks; test: the last span is the test runner's. */
  mode: "plain" | "synthetic" | "test";
  /** Sort keys that shuffle the spans. */
  orderKeys: number[];
  /** Cut the shuffled spans into chunks after position i. */
  cuts: boolean[];
  /** Where chunk j goes in the global request order (all traces' chunks interleave). */
  chunkKeys: number[];
  /** Chunk j is sent a second time at this position (an exporter retrying the request). */
  replayKeys: (number | null)[];
  /** Chunk j carries one of its spans twice in the same request. */
  repeatInside: boolean[];
}

type Action = { kind: "none" } | { kind: "round"; batch: number } | { kind: "force"; trace: number };

/** What happens after the n-th chunk event. */
interface Step {
  /** Send the next chunk in the same request (only when no action comes between). */
  join: boolean;
  advanceMs: number;
  action: Action;
}

interface RunPlan {
  /**
   * Random trees from the shared generator: several services, HTTP routes, databases, topics,
   * producer and client spans (with peer.service / server.address), errors, several roots,
   * orphans whose parent never arrives, equal start times. Traces share a few templates so that
   * flows hold several traces: taking a trace out of a flow that keeps others is the case
   * where a wrong removal stays visible (an emptied flow is deleted whatever its contents).
   */
  templates: SpanShape[][];
  traces: TracePlan[];
  steps: Step[];
}

const fixed = <T>(arbitrary: fc.Arbitrary<T>) => fc.array(arbitrary, { minLength: MAX_SPANS, maxLength: MAX_SPANS });

const templateArbitrary: fc.Arbitrary<SpanShape[]> = forestShapeArbitrary
  .filter((shapes) => shapes.length >= 2)
  .map((shapes) => shapes.slice(0, MAX_SPANS));

const tracePlanArbitrary: fc.Arbitrary<TracePlan> = fc.record({
  template: fc.nat(),
  // Two more than spans: materializeSpans names the never-arriving parents with the last two.
  ids: spanIdsArbitrary(MAX_SPANS + 2),
  hour: fc.integer({ min: 0, max: 3 }),
  offsetMs: fc.integer({ min: 0, max: HOUR_MS - 1 }),
  extraNs: fixed(fc.constantFrom(0n, 0n, 0n, 1n, 999n, 250_000n, 1_234_567n, 2_500_000_000n)),
  errors: fixed(fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })),
  mode: fc.constantFrom<TracePlan["mode"]>("plain", "plain", "plain", "plain", "plain", "synthetic", "test"),
  orderKeys: fixed(fc.nat({ max: 1000 })),
  cuts: fixed(fc.boolean()),
  chunkKeys: fixed(fc.nat({ max: 1000 })),
  replayKeys: fixed(fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat({ max: 1000 }) })),
  repeatInside: fixed(fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })),
});

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  join: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  // Below, around and beyond the idle window, so rounds complete some traces and not others.
  advanceMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: IDLE_MS }), fc.integer({ min: IDLE_MS + 1, max: 3 * IDLE_MS })),
  action: fc.oneof(
    { weight: 3, arbitrary: fc.constant<Action>({ kind: "none" }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("round" as const), batch: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("force" as const), trace: fc.nat() }) },
  ),
});

const runPlanArbitrary: fc.Arbitrary<RunPlan> = fc.record({
  templates: fc.array(templateArbitrary, { minLength: 1, maxLength: 3 }),
  traces: fc.array(tracePlanArbitrary, { minLength: 2, maxLength: MAX_TRACES }),
  steps: fc.array(stepArbitrary, { maxLength: 80, size: "medium" }),
});

// ---------------------------------------------------------------------------------------------
// From plans to spans and requests.

function traceIdOf(index: number): string {
  return (index + 1).toString(16).padStart(32, "0");
}

function shapesOf(run: RunPlan, plan: TracePlan): SpanShape[] {
  return run.templates[plan.template % run.templates.length];
}

function spansOf(run: RunPlan, index: number, workspaceId: string): Span[] {
  const plan = run.traces[index];
  const shapes = shapesOf(run, plan);
  const baseNs = BigInt(SPAN_EPOCH_MS + plan.hour * HOUR_MS + plan.offsetMs) * 1_000_000n;
  return materializeSpans(shapes, plan.ids).map((span, i) =>
    makeSpan({
      ...span,
      workspaceId,
      traceId: traceIdOf(index),
      startNs: baseNs + span.startNs,
      endNs: baseNs + span.endNs + plan.extraNs[i],
      status: plan.errors[i] ? "error" : span.status,
      isSynthetic: plan.mode === "synthetic" && span.parentSpanId === "",
      isTestGenerated: plan.mode === "test" && i === shapes.length - 1,
    }),
  );
}

function chunksOf(plan: TracePlan, spans: Span[]): Span[][] {
  const order = spans.map((_, i) => i).sort((a, b) => plan.orderKeys[a] - plan.orderKeys[b] || a - b);
  const chunks: Span[][] = [];
  let current: Span[] = [];
  order.forEach((spanIndex, position) => {
    current.push(spans[spanIndex]);
    if (plan.cuts[position] && position < order.length - 1) {
      chunks.push(current);
      current = [];
    }
  });
  chunks.push(current);
  return chunks.map((chunk, j) => (plan.repeatInside[j] ? [...chunk, { ...chunk[0] }] : chunk));
}

interface ChunkEvent {
  key: number;
  trace: number;
  chunk: number;
  replay: boolean;
  spans: Span[];
}

/** Every chunk (and replayed chunk) of every trace in one global request order. */
function chunkEvents(plan: RunPlan, workspaceId: string): ChunkEvent[] {
  const events: ChunkEvent[] = [];
  plan.traces.forEach((tracePlan, trace) => {
    chunksOf(tracePlan, spansOf(plan, trace, workspaceId)).forEach((spans, chunk) => {
      events.push({ key: tracePlan.chunkKeys[chunk], trace, chunk, replay: false, spans });
      const replayKey = tracePlan.replayKeys[chunk];
      // A replay is an exact copy sent again, possibly after the trace completed.
      if (replayKey !== null) events.push({ key: replayKey, trace, chunk, replay: true, spans: spans.map((s) => ({ ...s })) });
    });
  });
  return events.sort((a, b) => a.key - b.key || a.trace - b.trace || a.chunk - b.chunk || Number(a.replay) - Number(b.replay));
}

// ---------------------------------------------------------------------------------------------
// Driving a store.

function roundOptions(batch: number): CompletionOptions {
  return { instanceId: INSTANCE, staleClaimMs: 60_000, batch };
}

async function completeEverything(store: Store): Promise<void> {
  for (let round = 0; round < 10; round++) {
    if ((await completeIdleTraces(store, roundOptions(100), FAR_FUTURE_MS)) === 0) return;
  }
}

async function sendWhole(store: Store, plan: RunPlan): Promise<void> {
  for (let trace = 0; trace < plan.traces.length; trace++) {
    await appendSpans(store, spansOf(plan, trace, REFERENCE), CLOCK_START_MS);
  }
  await completeEverything(store);
}

/** What the split runs went through, so a generator that stopped exercising late spans shows. */
interface Coverage {
  runs: number;
  /** Completions of a trace while some of its spans had not arrived yet. */
  partialCompletions: number;
  /** A completion that moved a trace's contribution to another flow, or out of every flow. */
  moves: number;
  /** Appends whose spans were all stored already. */
  pureReplays: number;
}

/** The SPLIT traces' current flows (traceId -> flow key), and how many spans each has stored. */
async function splitState(store: Store): Promise<{ flows: Map<string, string>; spans: Map<string, number> }> {
  const [links, traces] = await Promise.all([
    store.prisma.traceFlow.findMany({ where: { workspaceId: SPLIT } }),
    store.prisma.trace.findMany({ where: { workspaceId: SPLIT }, select: { traceId: true, spanCount: true } }),
  ]);
  const flows = await store.prisma.flow.findMany({ where: { id: { in: links.map((l) => l.flowId) } } });
  const keyOf = new Map(flows.map((f) => [f.id, flowKey(f.entryService, f.entryOperation, f.fingerprint)]));
  return {
    flows: new Map(links.map((l) => [l.traceId, keyOf.get(l.flowId) ?? "?"])),
    spans: new Map(traces.map((t) => [t.traceId, t.spanCount])),
  };
}

/** `forceEach`: complete every trace a request touched right after it, the most moves possible. */
async function sendSplit(store: Store, plan: RunPlan, forceEach: boolean, coverage: Coverage): Promise<void> {
  const events = chunkEvents(plan, SPLIT);
  const totalSpans = new Map(plan.traces.map((t, i) => [traceIdOf(i), shapesOf(plan, t).length]));
  let before = await splitState(store);
  const observe = async () => {
    const after = await splitState(store);
    for (const traceId of totalSpans.keys()) {
      const was = before.flows.get(traceId);
      const is = after.flows.get(traceId);
      if (was !== is && is !== undefined && (after.spans.get(traceId) ?? 0) < totalSpans.get(traceId)!) coverage.partialCompletions++;
      if (was !== undefined && was !== is) coverage.moves++;
    }
    before = after;
  };
  coverage.runs++;
  let clockMs = CLOCK_START_MS;
  let pending: Span[] = [];
  for (let i = 0; i < events.length; i++) {
    pending.push(...events[i].spans);
    const step = plan.steps[i] ?? { join: false, advanceMs: 0, action: { kind: "none" } };
    if (step.join && step.action.kind === "none" && i < events.length - 1) continue;
    if ((await appendSpans(store, pending, clockMs)).inserted === 0) coverage.pureReplays++;
    const touched = [...new Set(pending.map((s) => s.traceId))];
    pending = [];
    clockMs += step.advanceMs;
    if (forceEach) {
      for (const traceId of touched) await completeTraceNow(store, { workspaceId: SPLIT, traceId }, INSTANCE);
    }
    if (step.action.kind === "round") await completeIdleTraces(store, roundOptions(step.action.batch), clockMs);
    if (step.action.kind === "force") {
      const traceId = traceIdOf(step.action.trace % plan.traces.length);
      await completeTraceNow(store, { workspaceId: SPLIT, traceId }, INSTANCE);
    }
    if (forceEach || step.action.kind !== "none") await observe();
  }
  await completeEverything(store);
  await observe();
}

// ---------------------------------------------------------------------------------------------
// What is compared.

const flowKey = (entryService: string, entryOperation: string, fingerprint: string) => `${entryService} | ${entryOperation} | ${fingerprint}`;

function sketchView(sketch: DurationSketch) {
  return { count: sketch.count, zeroCount: sketch.zeroCount, bins: [...sketch.bins].sort(([a], [b]) => a - b) };
}

/**
 * The parts of an aggregate specified to be exact after any sequence of adds and removes:
 * counts, error counts, the microsecond duration sum, every duration sketch (flow, nodes,
 * hours) and the samples. Left out, and checked separately:
 * - stats.firstSeenAtMs / lastSeenAtMs: flow-stats.ts says removal does not narrow the seen
 *   bounds (the time of the latest remaining trace is not kept), so a flow a trace passed
 *   through keeps that trace's time. They must still contain the reference bounds.
 * - representative: flow-aggregate.ts drops it when its trace leaves ("the runner-up is not
 *   kept"), and considerRepresentative judges each candidate against the median of the moment,
 *   so it depends on completion order even without late spans. It must still be null or the
 *   current contribution of a trace that is in the flow.
 * Samples are exact here because a run has at most MAX_TRACES traces, fewer than the
 * MAX_SAMPLE_TRACES a flow keeps: no sample is ever pushed out, so removing one leaves the
 * same list as never adding it.
 */
function exactAggregateView(aggregate: FlowAggregate) {
  const { stats } = aggregate;
  return {
    stats: {
      occurrenceCount: stats.occurrenceCount,
      errorCount: stats.errorCount,
      durationSumUs: stats.durationSumUs,
      durationSketch: sketchView(stats.durationSketch),
    },
    nodeStats: [...aggregate.nodeStats]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([nodeKey, stat]) => ({ nodeKey, count: stat.count, errorCount: stat.errorCount, durationSketch: sketchView(stat.durationSketch) })),
    hourly: {
      maxBuckets: aggregate.hourly.maxBuckets,
      buckets: [...aggregate.hourly.buckets]
        .sort(([a], [b]) => a - b)
        .map(([startMs, bucket]) => ({ startMs, count: bucket.count, errorCount: bucket.errorCount, durationSketch: sketchView(bucket.durationSketch) })),
    },
    samples: aggregate.samples,
  };
}

type FlowRow = Awaited<ReturnType<Store["prisma"]["flow"]["findMany"]>>[number];

function flowView(row: FlowRow) {
  return {
    name: row.name,
    // The fingerprint's parts. A path node's `service` is not among them (two services may
    // serve one route), so the stored path keeps the services of whichever trace created the
    // flow: not a property of the flow's traces, not compared.
    path: (row.path as { type: string; identifier: string }[]).map((node) => `${node.type}:${node.identifier}`),
    occurrenceCount: row.occurrenceCount,
    errorRate: row.errorRate,
    avgDurationMs: row.avgDurationMs,
    p95DurationMs: row.p95DurationMs,
    riskScore: row.riskScore,
    aggregate: exactAggregateView(deserializeFlowAggregate(row)),
  };
}

interface Snapshot {
  flows: Map<string, FlowRow>;
  traceFlows: Map<string, { flowId: string; contribution: unknown; graph: unknown }>;
  /** The workspace's running service graph (empty when no row). */
  graph: ServiceGraph;
  traces: Map<string, { spanCount: number; errorCount: number; startNs: bigint; endNs: bigint; state: string; rootSpanId: string }>;
  spanRows: Map<string, number>;
  /** Trace count per entry point ("service operation"). */
  entryPoints: Map<string, number>;
  alertedFingerprints: Set<string>;
}

async function snapshot(store: Store, workspaceId: string): Promise<Snapshot> {
  const { prisma } = store;
  const [flows, traceFlows, traces, spans, graph, entryPoints, alerts] = await Promise.all([
    prisma.flow.findMany({ where: { workspaceId } }),
    prisma.traceFlow.findMany({ where: { workspaceId } }),
    prisma.trace.findMany({ where: { workspaceId } }),
    prisma.span.findMany({ where: { workspaceId }, select: { traceId: true } }),
    prisma.serviceGraph.findUnique({ where: { workspaceId } }),
    prisma.entryPoint.findMany({ where: { workspaceId } }),
    prisma.driftAlert.findMany({ where: { workspaceId } }),
  ]);
  const spanRows = new Map<string, number>();
  for (const { traceId } of spans) spanRows.set(traceId, (spanRows.get(traceId) ?? 0) + 1);
  return {
    flows: new Map(flows.map((f) => [flowKey(f.entryService, f.entryOperation, f.fingerprint), f])),
    traceFlows: new Map(traceFlows.map((t) => [t.traceId, { flowId: t.flowId, contribution: t.contribution, graph: t.graph }])),
    graph: graph ? (graph.graph as unknown as ServiceGraph) : { nodes: {}, edges: {} },
    traces: new Map(traces.map((t) => [t.traceId, t])),
    spanRows,
    entryPoints: new Map(entryPoints.map((e) => [`${e.entryService} ${e.entryOperation}`, e.traceCount])),
    alertedFingerprints: new Set(alerts.map((a) => a.fingerprint)),
  };
}

interface ExpectedTrace {
  traceId: string;
  spans: Span[];
  discovery: TraceDiscovery | null;
  /** The trace's service graph; only discovered traces count in the workspace graph. */
  graph: ServiceGraph;
}

/** Whole-trace discovery of every trace, straight from the generated spans (no store). */
function expectedTraces(plan: RunPlan): ExpectedTrace[] {
  return plan.traces.map((_, index) => {
    const spans = spansOf(plan, index, SPLIT);
    const outcome = discoverTrace(spans);
    return {
      traceId: traceIdOf(index),
      spans,
      discovery: outcome.kind === "discovered" ? outcome.discovery : null,
      graph: extractTraceGraph(buildSpanTree(spans)),
    };
  });
}

const contributionOf = (d: TraceDiscovery): FlowContribution => ({ trace: d.trace, nodes: d.nodes, representative: d.representative });

/** The flows whole traces give, folded in memory: key -> aggregate. */
function modelFlows(expected: ExpectedTrace[]): Map<string, { discovery: TraceDiscovery; aggregate: FlowAggregate }> {
  const flows = new Map<string, { discovery: TraceDiscovery; aggregate: FlowAggregate }>();
  for (const { discovery } of expected) {
    if (!discovery) continue;
    const key = flowKey(discovery.entry.service, discovery.entry.operation, discovery.fingerprint);
    const flow = flows.get(key) ?? { discovery, aggregate: emptyFlowAggregate() };
    flows.set(key, { discovery: flow.discovery, aggregate: addContribution(flow.aggregate, contributionOf(discovery)) });
  }
  return flows;
}

/** Checks one store's bookkeeping against whole-trace discovery; `label` names it in failures. */
function checkAgainstDiscovery(label: string, snap: Snapshot, expected: ExpectedTrace[]): void {
  const flowsById = new Map([...snap.flows.values()].map((f) => [f.id, f]));
  const members = new Map<string, string[]>();
  for (const { traceId, spans, discovery, graph } of expected) {
    const what = `${label}: trace ${traceId}`;
    const trace = snap.traces.get(traceId);
    expect(trace, what).toBeDefined();
    const distinct = new Set(spans.map((s) => s.spanId)).size;
    expect(trace!.state, `${what}: state`).toBe("complete");
    expect(trace!.spanCount, `${what}: traces.span_count`).toBe(distinct);
    expect(snap.spanRows.get(traceId), `${what}: stored spans`).toBe(distinct);
    expect(trace!.errorCount, `${what}: traces.error_count`).toBe(spans.filter((s) => s.status === "error").length);
    expect(trace!.startNs, `${what}: traces.start_ns`).toBe(spans.reduce((min, s) => (s.startNs < min ? s.startNs : min), spans[0].startNs));
    expect(trace!.endNs, `${what}: traces.end_ns`).toBe(spans.reduce((max, s) => (s.endNs > max ? s.endNs : max), spans[0].endNs));
    // traces.root_span_id: the earliest parentless span (ties: the smaller id), whichever
    // request brought it.
    const roots = spans.filter((s) => s.parentSpanId === "").sort((a, b) => (a.startNs !== b.startNs ? (a.startNs < b.startNs ? -1 : 1) : a.spanId < b.spanId ? -1 : 1));
    expect(trace!.rootSpanId, `${what}: traces.root_span_id`).toBe(roots[0]?.spanId ?? "");

    const link = snap.traceFlows.get(traceId);
    if (!discovery) {
      expect(link, `${what}: skipped trace has no flow`).toBeUndefined();
      continue;
    }
    expect(link, `${what}: trace_flows row`).toBeDefined();
    const flow = flowsById.get(link!.flowId);
    expect(flow, `${what}: trace_flows points to an existing flow`).toBeDefined();
    expect(flowKey(flow!.entryService, flow!.entryOperation, flow!.fingerprint), `${what}: flow of its whole-trace discovery`).toBe(
      flowKey(discovery.entry.service, discovery.entry.operation, discovery.fingerprint),
    );
    expect(link!.contribution, `${what}: stored contribution`).toEqual(contributionOf(discovery));
    expect(decodeGraph(link!.graph as unknown as CompactGraph), `${what}: stored graph contribution`).toEqual(graph);
    members.set(flow!.id, [...(members.get(flow!.id) ?? []), traceId]);
  }
  expect(snap.traceFlows.size, `${label}: trace_flows rows`).toBe(expected.filter((e) => e.discovery).length);

  for (const flow of snap.flows.values()) {
    const what = `${label}: flow ${flow.name} ${flow.fingerprint.slice(0, 8)}`;
    const traceIds = members.get(flow.id) ?? [];
    expect(flow.occurrenceCount, `${what}: occurrence_count = traces pointing at it`).toBe(traceIds.length);
    const aggregate = deserializeFlowAggregate(flow);
    const representative = aggregate.representative;
    if (representative !== null) {
      expect(traceIds, `${what}: representative is a trace of the flow`).toContain(representative.traceId);
      expect(representative, `${what}: representative is that trace's current candidate`).toEqual(
        (snap.traceFlows.get(representative.traceId)!.contribution as FlowContribution).representative,
      );
    }
  }
}

async function checkRun(store: Store, plan: RunPlan): Promise<void> {
  const expected = expectedTraces(plan);
  const model = modelFlows(expected);
  const reference = await snapshot(store, REFERENCE);
  const split = await snapshot(store, SPLIT);

  checkAgainstDiscovery("reference", reference, expected);
  checkAgainstDiscovery("split", split, expected);

  // The reference is the model: nothing was ever removed, so even the seen bounds are exact.
  expect([...reference.flows.keys()].sort(), "reference flows = model flows").toEqual([...model.keys()].sort());
  for (const [key, { aggregate, discovery }] of model) {
    const row = reference.flows.get(key)!;
    const figures = flowFigures(aggregate);
    expect(flowView(row), `reference flow ${key}`).toEqual({
      name: discovery.flowName,
      path: discovery.path.map((node) => `${node.type}:${node.identifier}`),
      occurrenceCount: figures.occurrenceCount,
      errorRate: figures.errorRate,
      avgDurationMs: figures.avgDurationMs,
      p95DurationMs: figures.p95DurationMs,
      riskScore: figures.riskScore,
      aggregate: exactAggregateView(aggregate),
    });
    expect([Number(row.firstSeenMs), Number(row.lastSeenMs)], `reference flow ${key}: seen bounds`).toEqual([figures.firstSeenMs, figures.lastSeenMs]);
    expect(row.representative, `reference flow ${key}: has a representative`).not.toBeNull();
  }

  // The requirement: split, late and replayed spans give the flows of whole traces.
  expect([...split.flows.keys()].sort(), "split flows = reference flows").toEqual([...reference.flows.keys()].sort());
  for (const [key, referenceRow] of reference.flows) {
    const splitRow = split.flows.get(key)!;
    expect(flowView(splitRow), `split flow ${key}`).toEqual(flowView(referenceRow));
    // Seen bounds are not narrowed by removal: they contain the reference bounds.
    const splitStats = deserializeFlowAggregate(splitRow).stats;
    const referenceStats = deserializeFlowAggregate(referenceRow).stats;
    expect(splitStats.firstSeenAtMs!, `split flow ${key}: firstSeenAtMs`).toBeLessThanOrEqual(referenceStats.firstSeenAtMs!);
    expect(splitStats.lastSeenAtMs!, `split flow ${key}: lastSeenAtMs`).toBeGreaterThanOrEqual(referenceStats.lastSeenAtMs!);
    expect(Number(splitRow.firstSeenMs), `split flow ${key}: first_seen_ms`).toBeLessThanOrEqual(Number(referenceRow.firstSeenMs));
    expect(Number(splitRow.lastSeenMs), `split flow ${key}: last_seen_ms`).toBeGreaterThanOrEqual(Number(referenceRow.lastSeenMs));
  }

  // Entry points count each discovered trace once, wherever its spans went meanwhile.
  const entryCounts = new Map<string, number>();
  for (const { discovery } of expected) {
    if (discovery) entryCounts.set(`${discovery.entry.service} ${discovery.entry.operation}`, (entryCounts.get(`${discovery.entry.service} ${discovery.entry.operation}`) ?? 0) + 1);
  }
  for (const snap of [reference, split]) {
    expect(new Map([...snap.entryPoints].filter(([, n]) => n > 0)), `${snap === split ? "split" : "reference"} entry point trace counts`).toEqual(entryCounts);
    // An alert is never left behind by a trace that was merely incomplete: its variant exists.
    for (const fingerprint of snap.alertedFingerprints) {
      expect([...snap.flows.values()].some((f) => f.fingerprint === fingerprint), `alert for variant ${fingerprint} has a flow`).toBe(true);
    }
  }

  // The service graph, kept beside the flows by the same completions, obeys the same rule.
  const modelGraph = mergeGraphs(expected.filter((e) => e.discovery).map((e) => e.graph));
  expect(reference.graph, "reference service graph = model").toEqual(modelGraph);
  // merge-graph.ts: subtraction does not narrow an edge's lastSeenAtMs (a maximum whose
  // runner-up is not kept); everything else comes back exactly.
  expect(withoutLastSeen(split.graph), "split service graph = reference").toEqual(withoutLastSeen(reference.graph));
  for (const [id, edge] of Object.entries(reference.graph.edges)) {
    expect(split.graph.edges[id].lastSeenAtMs, `split graph edge ${id}: lastSeenAtMs`).toBeGreaterThanOrEqual(edge.lastSeenAtMs);
  }
}

function withoutLastSeen(graph: ServiceGraph) {
  return {
    nodes: graph.nodes,
    edges: Object.fromEntries(Object.entries(graph.edges).map(([id, edge]) => [id, { ...edge, lastSeenAtMs: undefined }])),
  };
}

// ---------------------------------------------------------------------------------------------
// Stores.


async function resetStore(store: Store): Promise<void> {
  for (const table of ["drift_alerts", "baseline_variants", "entry_points", "flows", "trace_flows", "service_graphs", "traces", "spans", "resources"]) {
    await store.prisma.$executeRawUnsafe(`DELETE FROM ${table}`);
  }
}

for (const kind of TEST_STORES) {
  describe(`late and split traces on ${kind.name} (property)`, () => {
    let opened: OpenedStore | null = null;
    beforeAll(async () => {
      opened = await kind.open();
      if (!opened) return;
      // The claim reads each workspace's trace_idle_ms; the default is IDLE_MS.
      for (const id of [REFERENCE, SPLIT]) {
        // Drift learns from the first trace only, so incomplete traces get every chance to raise alerts.
        const drift = { driftLearningMs: 0, driftLearningTraces: 1 };
        await opened.store.prisma.workspace.upsert({ where: { id }, create: { id, name: id, createdAtMs: BigInt(Date.now()), ...drift }, update: drift });
      }
    });
    afterAll(async () => {
      await opened?.drop();
    });

    /** One property run: fresh tables, both workspaces, then every check. */
    async function run(plan: RunPlan, forceEach: boolean, coverage: Coverage): Promise<void> {
      const { store } = opened!;
      // completeIdleTraces logs a failed completion and goes on; a failure must fail the run.
      const logged: unknown[][] = [];
      const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
      try {
        await resetStore(store);
        await sendWhole(store, plan);
        await sendSplit(store, plan, forceEach, coverage);
        expect(logged.map((args) => args.map(String).join(" ")), "completion errors").toEqual([]);
        await checkRun(store, plan);
      } finally {
        spy.mockRestore();
      }
    }

    /** The property held; make sure it was not held vacuously. */
    function expectCovered(coverage: Coverage): void {
      expect(coverage.partialCompletions, "traces completed before all their spans arrived").toBeGreaterThan(coverage.runs / 2);
      expect(coverage.moves, "contributions moved by late spans").toBeGreaterThan(coverage.runs / 4);
      expect(coverage.pureReplays, "requests that were pure replays").toBeGreaterThan(0);
    }

    it("split, shuffled, replayed and late spans give the flows of whole traces", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      expect(MAX_TRACES).toBeLessThan(MAX_SAMPLE_TRACES);
      const coverage: Coverage = { runs: 0, partialCompletions: 0, moves: 0, pureReplays: 0 };
      await fc.assert(
        fc.asyncProperty(runPlanArbitrary, (plan) => run(plan, false, coverage)),
        { numRuns: 40, interruptAfterTimeLimit: SHRINK_TIME_LIMIT_MS },
      );
      expectCovered(coverage);
    }, 300_000);

    it("completing a trace after every request that touched it still ends in its whole-trace flow", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      const coverage: Coverage = { runs: 0, partialCompletions: 0, moves: 0, pureReplays: 0 };
      await fc.assert(
        fc.asyncProperty(runPlanArbitrary, (plan) => run(plan, true, coverage)),
        { numRuns: 30, interruptAfterTimeLimit: SHRINK_TIME_LIMIT_MS },
      );
      expectCovered(coverage);
    }, 300_000);
  });
}
