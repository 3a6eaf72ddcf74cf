// Trace search against a reference that reads every span (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set): random queries over random traces, with scan bounds small enough
// that most searches run over several windows and many stop at their bound. A search's page is
// the reference's page of the traces it says it examined: all of them, or those that started at
// or after `searched_back_to`.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttributeValue, Attributes, Span, SpanResource, SpanStatus } from "../otlp/span";
import { makeSpan } from "../otlp/testing/make-span";
import { formatAttributeFilter, type AttributeFilter } from "../traces/trace-search-attribute";
import type { TraceSearchBudget } from "../traces/trace-search-plan";
import { parseTraceSearchQuery } from "../traces/trace-search-query";
import { seededRandom } from "../traces/testing/seeded-random";
import { appendSpans } from "./append-spans";
import { POSTGRES_SKIPPED, TEST_STORES, type OpenedStore } from "./testing/test-stores";
import { searchTraces } from "./trace-search";

const WS = "property";
const T0_MS = 1_700_000_000_000;
const TRACES = 160;
const SERVICES = ["gateway", "orders", "payments", "search"];
const NAMES = ["GET /a", "POST /b", "SELECT", "publish"];
const STATUSES: SpanStatus[] = ["unset", "unset", "ok", "error"];
const KEYS = ["tier", "code", "flag", "host.name", "note"];
const VALUES: AttributeValue[] = ["gold", "silver", 500, "500", 200, true, false, { $double: 5 }, "a:b c", null];
const FILTER_VALUES = ["gold", "silver", "500", "200", "true", "false", "5", "a:b c", "null"];
const BUDGET: TraceSearchBudget = { traces: 60, tracesWithSpans: 25, serviceSpans: 40, serviceSpanRows: 12, firstWindow: 3 };

interface Stored {
  traceId: string;
  startMs: number;
  endMs: number;
  spans: { service: string; name: string; status: SpanStatus; startMs: number; endMs: number; attributes: Attributes; resource: Attributes }[];
}

function dataset(): { spans: Span[]; traces: Stored[] } {
  const random = seededRandom(7);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const resources: SpanResource[] = SERVICES.flatMap((service) => [1, 2].map((n) => ({ attributes: { "service.name": service, "host.name": `${service}-${n}`, ...(n === 2 ? { tier: "gold" } : {}) }, droppedAttributesCount: 0, schemaUrl: "" })));
  const spans: Span[] = [];
  const traces: Stored[] = [];
  for (let t = 0; t < TRACES; t++) {
    const traceId = (t + 1).toString(16).padStart(32, "0");
    // Whole milliseconds, several traces to a millisecond now and then: windows end inside ties.
    const startMs = T0_MS + Math.floor(t / 2) * 10 + (random() < 0.3 ? 0 : Math.floor(random() * 5));
    const stored: Stored = { traceId, startMs, endMs: startMs, spans: [] };
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      // Late spans now and then, so a trace is found in a later window than its start's.
      const spanStart = startMs + (i === 0 ? 0 : Math.floor(random() * (random() < 0.2 ? 400 : 20)));
      const spanEnd = spanStart + Math.floor(random() * 50);
      const attributes: Attributes = {};
      for (const key of KEYS) if (random() < 0.35) attributes[key] = pick(VALUES);
      const resource = pick(resources);
      const span = makeSpan({ workspaceId: WS, traceId, spanId: (i + 1).toString(16).padStart(16, "0"), parentSpanId: i === 0 ? "" : "1".padStart(16, "0"), service: resource.attributes["service.name"] as string, name: pick(NAMES), status: pick(STATUSES), startNs: BigInt(spanStart) * 1_000_000n, endNs: BigInt(spanEnd) * 1_000_000n, attributes, resource });
      spans.push(span);
      stored.spans.push({ service: span.service, name: span.name, status: span.status, startMs: spanStart, endMs: spanEnd, attributes, resource: resource.attributes });
      stored.endMs = Math.max(stored.endMs, spanEnd);
    }
    traces.push(stored);
  }
  return { spans, traces };
}

/** An attribute value's text, as the search defines it; null has none. */
function textOf(value: AttributeValue): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object" && !Array.isArray(value) && "$double" in value) return String(value.$double);
  return JSON.stringify(value);
}

function passes(filter: AttributeFilter, own: Attributes, resource: Attributes): boolean {
  const holder = filter.key in own ? own : filter.key in resource ? resource : null;
  if (!holder) return false;
  if (filter.op === "exists") return true;
  const text = textOf(holder[filter.key]!);
  return text !== null && (filter.op === "equals" ? text === filter.value : text !== filter.value);
}

interface Query {
  service?: string;
  operation?: string;
  status?: SpanStatus;
  attributes: AttributeFilter[];
  fromMs?: number;
  toMs?: number;
  minMs?: number;
  maxMs?: number;
  limit: number;
  offset: number;
}

function reference(traces: Stored[], q: Query): Stored[] {
  const spanConditions = q.service !== undefined || q.operation !== undefined || q.status !== undefined || q.attributes.length > 0;
  return traces
    .filter((t) => (q.fromMs === undefined || t.startMs >= q.fromMs) && (q.toMs === undefined || t.startMs < q.toMs))
    .filter((t) => (q.minMs === undefined || t.endMs - t.startMs >= q.minMs) && (q.maxMs === undefined || t.endMs - t.startMs <= q.maxMs))
    .filter(
      (t) =>
        !spanConditions ||
        t.spans.some(
          (s) =>
            (q.service === undefined || s.service === q.service) &&
            (q.operation === undefined || s.name === q.operation) &&
            (q.status === undefined || s.status === q.status) &&
            (q.toMs === undefined || s.startMs < q.toMs) &&
            q.attributes.every((f) => passes(f, s.attributes, s.resource)),
        ),
    )
    .sort((a, b) => (a.startMs !== b.startMs ? b.startMs - a.startMs : a.traceId < b.traceId ? -1 : 1));
}

const attributeFilter = fc.oneof(
  fc.record({ key: fc.constantFrom(...KEYS), op: fc.constantFrom("equals" as const, "not_equals" as const), value: fc.constantFrom(...FILTER_VALUES) }),
  fc.record({ key: fc.constantFrom(...KEYS), op: fc.constant("exists" as const) }),
);
const span = 10 * (TRACES / 2);
const query: fc.Arbitrary<Query> = fc.record(
  {
    service: fc.constantFrom(...SERVICES),
    operation: fc.constantFrom(...NAMES),
    status: fc.constantFrom<SpanStatus>("unset", "ok", "error"),
    attributes: fc.array(attributeFilter, { maxLength: 2 }),
    fromMs: fc.integer({ min: T0_MS, max: T0_MS + span }),
    toMs: fc.integer({ min: T0_MS, max: T0_MS + span + 500 }),
    minMs: fc.integer({ min: 0, max: 60 }),
    maxMs: fc.integer({ min: 0, max: 500 }),
    limit: fc.integer({ min: 1, max: 12 }),
    offset: fc.integer({ min: 0, max: 8 }),
  },
  { requiredKeys: ["attributes", "limit", "offset"] },
);

function params(q: Query): URLSearchParams {
  const out = new URLSearchParams({ limit: String(q.limit), offset: String(q.offset) });
  if (q.service !== undefined) out.set("service", q.service);
  if (q.operation !== undefined) out.set("operation", q.operation);
  if (q.status !== undefined) out.set("status", q.status);
  for (const f of q.attributes) out.append("attr", formatAttributeFilter(f));
  if (q.fromMs !== undefined) out.set("from", String(q.fromMs));
  if (q.toMs !== undefined && (q.fromMs === undefined || q.toMs > q.fromMs)) out.set("to", String(q.toMs));
  if (q.minMs !== undefined) out.set("min_duration_ms", String(q.minMs));
  if (q.maxMs !== undefined && (q.minMs === undefined || q.maxMs >= q.minMs)) out.set("max_duration_ms", String(q.maxMs));
  return out;
}

for (const kind of TEST_STORES) {
  describe(`trace search against a full read on ${kind.name}`, () => {
    let opened: OpenedStore | null = null;
    const { spans, traces } = dataset();
    beforeAll(async () => {
      opened = await kind.open();
      if (!opened) return;
      await opened.store.prisma.workspace.create({ data: { id: WS, name: WS, createdAtMs: 0n } });
      await appendSpans(opened.store, spans);
    });
    afterAll(async () => {
      await opened?.drop();
    });

    it("returns the reference's page of the traces it examined", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      let bounded = 0;
      await fc.assert(
        fc.asyncProperty(query, async (raw) => {
          const text = params(raw);
          const parsed = parseTraceSearchQuery(text);
          // The query as parsed (to and max dropped where they would be refused).
          const q: Query = { ...raw, toMs: parsed.toMs, maxMs: parsed.maxDurationMs };
          const result = await searchTraces(opened!.store, WS, parsed, BUDGET);
          const examined = result.searched_back_to === null ? traces : traces.filter((t) => t.startMs >= Date.parse(result.searched_back_to!));
          if (result.searched_back_to !== null) bounded++;
          const expected = reference(examined, q);
          expect(result.traces.map((t) => t.trace_id), text.toString()).toEqual(expected.slice(q.offset, q.offset + q.limit).map((t) => t.traceId));
          expect(result.has_more, text.toString()).toBe(expected.length > q.offset + q.limit);
          // Bounded only when the page is not full.
          if (result.searched_back_to !== null) expect(result.has_more).toBe(false);
        }),
        { numRuns: 300, seed: 20261206 },
      );
      // The bounds were reached often enough for the windows to be exercised.
      expect(bounded).toBeGreaterThan(30);
    });
  });
}
