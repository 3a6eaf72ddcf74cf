// Calls a span made one after another that it could have batched or made at once: the
// repeated per-item lookup (N+1) and a chain of different calls none of which overlaps.
import { SpanKind } from "../otlp/span";
import { readTextAttribute } from "../traces/read-text-attribute";
import type { SpanTree, SpanTreeNode } from "../traces/span-tree";
import type { DiagnosisSpan } from "./diagnosis-span";

export interface CallPattern {
  kind: "n_plus_one" | "serial_calls";
  parentSpanId: string;
  service: string;
  /** The repeated operation, or "a, b, c" for serial_calls. */
  operation: string;
  count: number;
  /** In start order. */
  spanIds: string[];
  /** Neighbours (in start order) that overlap: 0 for both kinds, kept so a report can say so. */
  overlappingPairs: number;
  /** First start to last end. */
  wallNs: number;
  sumNs: number;
  /** Time a parallel version would save: sum of durations minus the longest one. */
  costNs: number;
}

export interface CallPatternOptions {
  /** Fewest repeated calls that make an N+1 (default 5). */
  minRepeats?: number;
  /** serial_calls: fewest nanoseconds running the calls at once would save (default 10 ms)... */
  minSerialCostNs?: number;
  /** ...and at least this share of the parent's duration (default 0.2). */
  minSerialShare?: number;
  /** Overlap forgiven between neighbours, as a share of the shorter one's duration (default 0.005): clock skew between hosts. */
  overlapTolerance?: number;
}

const DEFAULTS: Required<CallPatternOptions> = { minRepeats: 5, minSerialCostNs: 10_000_000, minSerialShare: 0.2, overlapTolerance: 0.005 };

const TARGET_KEYS = ["peer.service", "service.peer.name", "server.address", "net.peer.name", "db.system.name", "db.system", "rpc.service"];
const PORT_KEYS = ["server.port", "net.peer.port"];
const STATEMENT_KEYS = ["db.query.text", "db.statement"];
const CALL_MARKER_KEYS = ["db.system.name", "db.system", "rpc.system.name", "rpc.system"];

type Node = SpanTreeNode<DiagnosisSpan>;

/**
 * The call patterns under every span of the trace.
 *
 * A call is a CLIENT span, or any span other than a SERVER or CONSUMER one that names a
 * database or RPC system. Calls are the same operation when they share service, span name,
 * target (peer service or server address, and port) and statement shape (the query with its
 * literals replaced), so a lookup per item groups together while a customer lookup and a route
 * lookup that both read "HTTP GET" do not.
 * - n_plus_one: at least `minRepeats` calls of one operation under one parent, none
 *   overlapping the next (beyond the tolerance). Overlapping repeats are a fan-out, the work
 *   already running at once, not an N+1.
 * - serial_calls: the parent's other calls (those in no N+1) in start order, each starting after
 *   the previous ended, at least two different operations, costing at least `minSerialCostNs`
 *   and `minSerialShare` of the parent's duration. Maximal runs; a call that overlaps its
 *   predecessor starts a new run.
 * Patterns come in tree order of their parent, N+1s before serial calls, each group's spans in
 * start order.
 */
export function findCallPatterns<S extends DiagnosisSpan>(tree: SpanTree<S>, options: CallPatternOptions = {}): CallPattern[] {
  const settings = { ...DEFAULTS, ...options };
  const patterns: CallPattern[] = [];
  for (const parent of tree.nodes as readonly Node[]) {
    const calls = parent.children.filter((child) => child.attachment === "parent" && isCall(child.span));
    if (calls.length < 2) continue;
    const groups = new Map<string, Node[]>();
    for (const call of calls) {
      const key = operationKey(call.span);
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [call]);
      else group.push(call);
    }
    const inRepeats = new Set<Node>();
    for (const group of groups.values()) {
      if (group.length < settings.minRepeats) continue;
      if (countOverlappingPairs(group.map((g) => g.span), settings.overlapTolerance) > 0) continue;
      for (const call of group) inRepeats.add(call);
      patterns.push(describe("n_plus_one", parent, group, group[0].span.name, settings.overlapTolerance));
    }
    const rest = calls.filter((call) => !inRepeats.has(call));
    for (const run of serialRuns(rest, settings.overlapTolerance)) {
      const labels = operationLabels(run);
      if (labels.length < 2) continue;
      const pattern = describe("serial_calls", parent, run, labels.join(", "), settings.overlapTolerance);
      const parentNs = durationNs(parent.span);
      if (pattern.costNs >= settings.minSerialCostNs && pattern.costNs >= settings.minSerialShare * parentNs) patterns.push(pattern);
    }
  }
  return patterns;
}

/**
 * Neighbours, in start order, that overlap by more than `tolerance` of the shorter one's
 * duration. The spans are sorted here; callers pass them in any order.
 */
export function countOverlappingPairs(spans: readonly Pick<DiagnosisSpan, "startNs" | "endNs">[], tolerance = DEFAULTS.overlapTolerance): number {
  const sorted = [...spans].sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0));
  let pairs = 0;
  for (let i = 1; i < sorted.length; i++) if (overlaps(sorted[i - 1], sorted[i], tolerance)) pairs++;
  return pairs;
}

function overlaps(earlier: Pick<DiagnosisSpan, "startNs" | "endNs">, later: Pick<DiagnosisSpan, "startNs" | "endNs">, tolerance: number): boolean {
  const overlapNs = Number(earlier.endNs - later.startNs);
  return overlapNs > tolerance * Math.min(durationNs(earlier), durationNs(later));
}

/** Maximal runs of calls (already in start order) each starting after the previous one ended. */
function serialRuns(calls: readonly Node[], tolerance: number): Node[][] {
  const runs: Node[][] = [];
  let run: Node[] = [];
  for (const call of calls) {
    if (run.length > 0 && overlaps(run[run.length - 1].span, call.span, tolerance)) {
      runs.push(run);
      run = [];
    }
    run.push(call);
  }
  if (run.length > 0) runs.push(run);
  return runs.filter((r) => r.length >= 2);
}

function describe(kind: CallPattern["kind"], parent: Node, calls: readonly Node[], operation: string, tolerance: number): CallPattern {
  let first = calls[0].span.startNs;
  let last = calls[0].span.endNs;
  let sumNs = 0;
  let longestNs = 0;
  for (const { span } of calls) {
    if (span.startNs < first) first = span.startNs;
    if (span.endNs > last) last = span.endNs;
    const d = durationNs(span);
    sumNs += d;
    longestNs = Math.max(longestNs, d);
  }
  return {
    kind,
    parentSpanId: parent.span.spanId,
    service: calls[0].span.service,
    operation,
    count: calls.length,
    spanIds: calls.map((c) => c.span.spanId),
    overlappingPairs: countOverlappingPairs(calls.map((c) => c.span), tolerance),
    wallNs: Number(last - first),
    sumNs,
    costNs: sumNs - longestNs,
  };
}

/** Distinct operations of a run in order of first call; a name two targets share is told apart by its target. */
function operationLabels(run: readonly Node[]): string[] {
  const keys = new Map<string, Node>();
  for (const call of run) if (!keys.has(operationKey(call.span))) keys.set(operationKey(call.span), call);
  const nameCount = new Map<string, number>();
  for (const call of keys.values()) nameCount.set(call.span.name, (nameCount.get(call.span.name) ?? 0) + 1);
  return [...keys.values()].map(({ span }) => {
    const target = targetOf(span);
    return (nameCount.get(span.name) ?? 0) > 1 && target !== "" ? `${span.name} (${target})` : span.name;
  });
}

function isCall(span: DiagnosisSpan): boolean {
  if (span.kind === SpanKind.CLIENT) return true;
  if (span.kind === SpanKind.SERVER || span.kind === SpanKind.CONSUMER) return false;
  return readTextAttribute(span.attributes, CALL_MARKER_KEYS) !== undefined;
}

function targetOf(span: DiagnosisSpan): string {
  const host = readTextAttribute(span.attributes, TARGET_KEYS) ?? "";
  const port = readTextAttribute(span.attributes, PORT_KEYS);
  return port === undefined ? host : `${host}:${port}`;
}

function operationKey(span: DiagnosisSpan): string {
  const statement = readTextAttribute(span.attributes, STATEMENT_KEYS);
  return [span.service, span.name, targetOf(span), statement === undefined ? "" : statementShape(statement)].join("\u0000");
}

/** A query with its literals replaced, so the same query for another id has the same shape. */
export function statementShape(statement: string): string {
  return statement
    .replace(/'(?:[^']|'')*'/g, "?")
    .replace(/\b0x[0-9a-f]+\b/gi, "?")
    .replace(/(?<![\w$])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi, "?")
    .replace(/\(\s*\?(?:\s*,\s*\?)*\s*\)/g, "(?)")
    .replace(/\s+/g, " ")
    .trim();
}

function durationNs(span: Pick<DiagnosisSpan, "startNs" | "endNs">): number {
  return span.endNs > span.startNs ? Number(span.endNs - span.startNs) : 0;
}
