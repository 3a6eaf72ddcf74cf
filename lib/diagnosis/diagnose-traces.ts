// Why a flow (or an entry point) fails and why it is slow, from samples of its traces: where
// errors start and how they travel, which attribute values set failing traces apart from passing
// ones, which node takes the extra time in slow traces and which values go with slowness, and
// the N+1 or serial calls its traces pay for. The store samples; this decides.
import { representingNode } from "../flows/attribute-errors";
import { flattenEntryAttributes } from "../drift/entry-attributes";
import { nodeKey } from "../traces/node-key";
import type { SpanTree } from "../traces/span-tree";
import { attributeLatency, type NodeLatency } from "./attribute-latency";
import type { DiagnosisSpan } from "./diagnosis-span";
import { findAttributeContrasts, type AttributeContrast, type AttributeFact, type ContrastOptions, type LeftOutKey } from "./find-attribute-contrasts";
import { summarizeCallPatterns, type PatternGroup } from "./summarize-call-patterns";
import { summarizeErrorOrigins, type ChainGroup, type OriginGroup } from "./summarize-error-origins";

export interface DiagnosisTrace<S extends DiagnosisSpan = DiagnosisSpan> {
  readonly traceId: string;
  readonly tree: SpanTree<S>;
  /** The entry span's and its resource's scalar attributes (TraceFlow.entryAttributes). */
  readonly entryAttributes: Readonly<Record<string, string>>;
}

export interface DiagnosisInput<S extends DiagnosisSpan = DiagnosisSpan> {
  /** Traces with at least one error span, newest first, at most the sample size. */
  readonly failing: readonly DiagnosisTrace<S>[];
  readonly passing: readonly DiagnosisTrace<S>[];
  /** Traces slower than `slowThresholdMs`, and the rest. */
  readonly slow: readonly DiagnosisTrace<S>[];
  readonly fast: readonly DiagnosisTrace<S>[];
  /** The flow's P95 duration: above it a trace is slow. */
  readonly slowThresholdMs: number;
  /** Traces in the window, before sampling. */
  readonly totals: { readonly traces: number; readonly failing: number; readonly slow: number };
}

export interface ContrastSection {
  contrasts: AttributeContrast[];
  leftOutKeys: LeftOutKey[];
  /** Set when there are no contrasts: why, in a sentence a user can read. */
  note: string | null;
}

export interface Diagnosis {
  totals: { traces: number; failing: number; slow: number };
  sampled: { failing: number; passing: number; slow: number; fast: number };
  errors: { origins: OriginGroup[]; chains: ChainGroup[] } & ContrastSection;
  latency: { slowThresholdMs: number; nodes: NodeLatency[] } & ContrastSection;
  patterns: PatternGroup[];
}

export const ENTRY_SOURCE = "entry";
/** How many origin groups, or slow nodes, lend their spans' attributes to the contrasts. */
const SPAN_SOURCES = 3;

export function diagnoseTraces<S extends DiagnosisSpan>(input: DiagnosisInput<S>, options: ContrastOptions = {}): Diagnosis {
  const { origins, chains } = summarizeErrorOrigins(input.failing);
  const originSources = origins
    .filter((origin) => origin.role === "cause")
    .slice(0, SPAN_SOURCES)
    .map((origin) => ({ label: `${origin.service} ${origin.operation}`, matches: (span: DiagnosisSpan) => span.service === origin.service && span.name === origin.operation }));
  const errorContrasts = contrastSection(
    input.failing.map((trace) => facts(trace, originSources)),
    input.passing.map((trace) => facts(trace, originSources)),
    options,
    input.failing.length === 0 ? "No failing traces in this window." : input.passing.length === 0 ? "Every trace in this window failed: there are no passing traces to compare with." : "No attribute separates failing from passing traces.",
  );

  const latency = attributeLatency([
    ...input.slow.map((trace) => ({ traceId: trace.traceId, tree: trace.tree, slow: true })),
    ...input.fast.map((trace) => ({ traceId: trace.traceId, tree: trace.tree, slow: false })),
  ]);
  const nodeSources = latency.nodes.slice(0, SPAN_SOURCES).map(({ node }) => {
    const key = nodeKey(node);
    return { label: `${node.service} ${node.identifier}`, matches: (_span: DiagnosisSpan, treeNode: SpanTree<S>["nodes"][number]) => nodeKeyOf(treeNode) === key };
  });
  const latencyContrasts = contrastSection(
    input.slow.map((trace) => facts(trace, nodeSources)),
    input.fast.map((trace) => facts(trace, nodeSources)),
    options,
    input.slow.length === 0 ? "No trace in this window is slower than the flow's P95." : input.fast.length === 0 ? "Every trace in this window is slow: there is nothing to compare with." : "No attribute separates slow traces from the rest.",
  );

  const sampledById = new Map<string, DiagnosisTrace<S>>();
  for (const trace of [...input.failing, ...input.passing, ...input.slow, ...input.fast]) if (!sampledById.has(trace.traceId)) sampledById.set(trace.traceId, trace);

  return {
    totals: { ...input.totals },
    sampled: { failing: input.failing.length, passing: input.passing.length, slow: input.slow.length, fast: input.fast.length },
    errors: { origins, chains, ...errorContrasts },
    latency: { slowThresholdMs: input.slowThresholdMs, nodes: latency.nodes, ...latencyContrasts },
    patterns: summarizeCallPatterns([...sampledById.values()]),
  };
}

interface SpanSource<S extends DiagnosisSpan> {
  label: string;
  matches(span: DiagnosisSpan, treeNode: SpanTree<S>["nodes"][number]): boolean;
}

/** Spans of one source read per trace: an order looks up a few products, not hundreds. */
const SPANS_PER_SOURCE = 10;

/**
 * The entry attributes, then the attributes of every span matching each source (up to
 * SPANS_PER_SOURCE): the failing lookup of an order's second item must count, and a passing
 * trace is judged by the same spans, so "has a lookup with category = machines" is compared
 * like with like.
 */
function facts<S extends DiagnosisSpan>(trace: DiagnosisTrace<S>, sources: readonly SpanSource<S>[]): { traceId: string; facts: AttributeFact[] } {
  const out: AttributeFact[] = Object.entries(trace.entryAttributes).map(([key, value]) => ({ source: ENTRY_SOURCE, key, value }));
  for (const source of sources) {
    const treeNodes = trace.tree.nodes.filter((candidate) => source.matches(candidate.span, candidate)).slice(0, SPANS_PER_SOURCE);
    for (const treeNode of treeNodes) {
      for (const [key, value] of Object.entries(flattenEntryAttributes(treeNode.span.attributes))) out.push({ source: source.label, key, value });
    }
  }
  return { traceId: trace.traceId, facts: out };
}

function contrastSection(
  group: readonly { traceId: string; facts: AttributeFact[] }[],
  rest: readonly { traceId: string; facts: AttributeFact[] }[],
  options: ContrastOptions,
  emptyNote: string,
): ContrastSection {
  const { contrasts, leftOutKeys } = findAttributeContrasts(group, rest, options);
  return { contrasts, leftOutKeys, note: contrasts.length === 0 ? emptyNote : null };
}

function nodeKeyOf<S extends DiagnosisSpan>(treeNode: SpanTree<S>["nodes"][number]): string | null {
  const node = representingNode(treeNode);
  return node === null ? null : nodeKey(node);
}
