// fast-check generators of whole traces for property tests. Values come from small pools so
// that equal start times, names and node keys, the cases ordering must settle, are common.
import fc from "fast-check";
import { SpanKind, type Attributes, type SpanKindNumber, type SpanStatus } from "../../otlp/span";
import type { TraceSpan } from "../trace-span";
import { TEST_TRACE_ID } from "./make-trace-span";

/** A span without ids: `parent` is an index into the trace, "root", or "missing" (an id no span has). */
export interface SpanShape {
  parent: number | "root" | "missing";
  service: string;
  name: string;
  kind: SpanKindNumber;
  status: SpanStatus;
  startMs: number;
  durationMs: number;
  attributes: Attributes;
}

const ATTRIBUTE_POOL: Attributes[] = [
  {},
  {},
  { "http.route": "/orders/:id", "http.request.method": "GET" },
  { "http.route": "/orders", "http.method": "post" },
  { "db.system.name": "postgresql", "db.namespace": "shop" },
  { "db.system": "redis" },
  { "messaging.destination.name": "order.created" },
  { "peer.service": "stripe" },
  { "server.address": "api.example.com" },
];

function spanShape(parent: fc.Arbitrary<number>): fc.Arbitrary<SpanShape> {
  return fc.record({
    parent: fc.oneof(
      { weight: 8, arbitrary: parent },
      { weight: 1, arbitrary: fc.constant<"root">("root") },
      { weight: 1, arbitrary: fc.constant<"missing">("missing") },
    ),
    service: fc.constantFrom("gateway", "orders", "users", "mailer"),
    name: fc.constantFrom("GET", "POST", "work"),
    kind: fc.constantFrom<SpanKindNumber>(SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER),
    status: fc.constantFrom<SpanStatus>("unset", "ok", "error"),
    startMs: fc.integer({ min: 0, max: 4 }),
    durationMs: fc.integer({ min: 0, max: 3 }),
    attributes: fc.constantFrom(...ATTRIBUTE_POOL),
  });
}

/**
 * Shapes whose parent links point only to earlier spans (`parent` is reduced modulo the
 * index), so they form a forest: several roots and orphans, but no cycles.
 */
export const forestShapeArbitrary: fc.Arbitrary<SpanShape[]> = fc
  .array(spanShape(fc.nat()), { minLength: 1, maxLength: 40 })
  .map((shapes) => shapes.map((s, i) => (typeof s.parent === "number" ? { ...s, parent: i === 0 ? "root" : s.parent % i } : s)));

/** Shapes whose parent links may point anywhere, themselves included: cycles of every size. */
export const tangledShapeArbitrary: fc.Arbitrary<SpanShape[]> = fc
  .array(spanShape(fc.nat()), { minLength: 1, maxLength: 40 })
  .map((shapes) => shapes.map((s) => (typeof s.parent === "number" ? { ...s, parent: s.parent % shapes.length } : s)));

/** `count` distinct random span ids. */
export function spanIdsArbitrary(count: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(
    fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }).map((n) => n.toString(16).padStart(16, "0")),
    { minLength: count, maxLength: count },
  );
}

/** Spans of `shapes` under `ids` (one per shape, plus two for the parents that never arrive). */
export function materializeSpans(shapes: readonly SpanShape[], ids: readonly string[]): TraceSpan[] {
  return shapes.map((shape, i) => ({
    traceId: TEST_TRACE_ID,
    spanId: ids[i],
    parentSpanId: shape.parent === "root" ? "" : shape.parent === "missing" ? ids[shapes.length + (i % 2)] : ids[shape.parent],
    service: shape.service,
    name: shape.name,
    kind: shape.kind,
    status: shape.status,
    startNs: BigInt(shape.startMs) * 1_000_000n,
    endNs: BigInt(shape.startMs + shape.durationMs) * 1_000_000n,
    attributes: shape.attributes,
  }));
}

/** A deterministic reordering of `items` plus exact copies of some of them: what retried exports deliver. */
export function shuffleWithDuplicates<T extends object>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: enough to scramble, reproducible from fast-check's seed.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  const out = [...items];
  for (const item of items) if (next() % 3 === 0) out.push({ ...item });
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
