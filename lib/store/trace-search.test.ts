// Trace search on a real store (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): each
// filter, combinations, any-span and same-span matching, attribute value types, ordering,
// paging and the scan bound.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attributes, Span, SpanResource, SpanStatus } from "../otlp/span";
import { makeSpan } from "../otlp/testing/make-span";
import type { TraceSearchBudget } from "../traces/trace-search-plan";
import { parseTraceSearchQuery } from "../traces/trace-search-query";
import { appendSpans } from "./append-spans";
import type { Store } from "./db";
import { driverQuery } from "./driver-sql";
import { POSTGRES_SKIPPED, TEST_STORES, type OpenedStore } from "./testing/test-stores";
import { searchTraces, type TraceSearchResultView } from "./trace-search";

const WS = "search";
const T0_MS = 1_700_000_000_000;
const MS = 1_000_000n;
const at = (ms: number) => BigInt(T0_MS + ms) * MS;

const resource = (service: string, attributes: Attributes = {}): SpanResource => ({ attributes: { "service.name": service, ...attributes }, droppedAttributesCount: 0, schemaUrl: "" });
const RESOURCES = {
  gateway: resource("gateway", { "host.name": "gateway-1" }),
  orders: resource("orders", { "host.name": "orders-1", "deployment.environment.name": "production" }),
  payments: resource("payments", { "host.name": "payments-1" }),
};

interface SpanSpec {
  id: number;
  parent?: number;
  service: keyof typeof RESOURCES;
  name: string;
  startMs: number;
  durationMs: number;
  status?: SpanStatus;
  attributes?: Attributes;
}

const traceIds = { A: "a".repeat(32), B: "b".repeat(32), C: "c".repeat(32), D: "d".repeat(32), E: "e".repeat(32), F: "f".repeat(32) };

function trace(workspaceId: string, traceId: string, specs: SpanSpec[]): Span[] {
  return specs.map((s) =>
    makeSpan({
      workspaceId,
      traceId,
      spanId: s.id.toString(16).padStart(16, "0"),
      parentSpanId: s.parent === undefined ? "" : s.parent.toString(16).padStart(16, "0"),
      service: s.service,
      name: s.name,
      status: s.status ?? "unset",
      startNs: at(s.startMs),
      endNs: at(s.startMs + s.durationMs),
      attributes: s.attributes ?? {},
      resource: RESOURCES[s.service],
    }),
  );
}

/**
 * Six traces, newest first: E (a health check, status ok), D (still in flight: its root has not
 * arrived), C and F (same start, so ties go by trace id), B (a failed order), A (a gold
 * customer's order lookup).
 */
function traces(workspaceId: string): Span[] {
  return [
    ...trace(workspaceId, traceIds.A, [
      { id: 1, service: "gateway", name: "GET /orders/:id", startMs: 1000, durationMs: 120, attributes: { "http.route": "/orders/:id", "http.response.status_code": 200, "customer.tier": "gold", "retry.count": 0, "feature.flag": true } },
      { id: 2, parent: 1, service: "orders", name: "SELECT orders", startMs: 1050, durationMs: 20, attributes: { "db.system.name": "postgresql", "host.name": "db-override" } },
    ]),
    ...trace(workspaceId, traceIds.B, [
      { id: 1, service: "gateway", name: "POST /orders", startMs: 2000, durationMs: 900, status: "error", attributes: { "http.response.status_code": 500, "customer.tier": "standard" } },
      { id: 2, parent: 1, service: "payments", name: "POST /charges", startMs: 2010, durationMs: 700, status: "error", attributes: { "error.type": "card_declined", "payment.amount": 12.5 } },
      { id: 3, parent: 1, service: "orders", name: "INSERT orders", startMs: 2800, durationMs: 10, attributes: { "http.response.status_code": "500" } },
    ]),
    ...trace(workspaceId, traceIds.C, [
      {
        id: 1,
        service: "orders",
        name: "order.created process",
        startMs: 3000,
        durationMs: 50,
        attributes: {
          big: { $int: "12345678901234567890" },
          ratio: { $double: 5 },
          empty: null,
          list: [1, "a"],
          'weird"key': "x",
          "a:b": "colon",
          "url.full": "http://shop:8080/a b",
          padded: "  spaced  ",
          "back\\slash": "y",
        },
      },
    ]),
    // A key inside a map value is not an attribute of its own.
    ...trace(workspaceId, traceIds.F, [{ id: 1, service: "gateway", name: "GET /products", startMs: 3000, durationMs: 30, attributes: { nested: { "customer.tier": "gold" } } }]),
    ...trace(workspaceId, traceIds.D, [{ id: 2, parent: 1, service: "payments", name: "POST /charges", startMs: 4000, durationMs: 40, attributes: { "payment.amount": 7 } }]),
    ...trace(workspaceId, traceIds.E, [{ id: 1, service: "gateway", name: "GET /health", startMs: 5000, durationMs: 1, status: "ok" }]),
  ];
}

const NEWEST_FIRST = [traceIds.E, traceIds.D, traceIds.C, traceIds.F, traceIds.B, traceIds.A];

for (const kind of TEST_STORES) {
  describe(`trace search on ${kind.name}`, () => {
    let opened: OpenedStore | null = null;
    beforeAll(async () => {
      opened = await kind.open();
      if (!opened) return;
      const { store } = opened;
      for (const id of [WS, "other"]) await store.prisma.workspace.create({ data: { id, name: id, createdAtMs: 0n } });
      await appendSpans(store, traces(WS));
      // Another workspace with the same traces: never in this workspace's results.
      await appendSpans(store, traces("other"));
      await store.prisma.trace.updateMany({ where: { traceId: { not: traceIds.D } }, data: { state: "complete" } });
    });
    afterAll(async () => {
      await opened?.drop();
    });

    const search = (query: string, budget?: TraceSearchBudget): Promise<TraceSearchResultView> =>
      searchTraces(opened!.store, WS, parseTraceSearchQuery(new URLSearchParams(query)), budget);
    const ids = async (query: string): Promise<string[]> => (await search(query)).traces.map((t) => t.trace_id);
    const letters = async (query: string): Promise<string> =>
      (await ids(query)).map((id) => Object.entries(traceIds).find(([, v]) => v === id)![0]).join("");

    it("lists every trace newest first (ties by trace id), with the total and summaries", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const result = await search("");
      expect(result.traces.map((t) => t.trace_id)).toEqual(NEWEST_FIRST);
      expect(result).toMatchObject({ total: 6, has_more: false, searched_back_to: null });
      expect(result.traces.find((t) => t.trace_id === traceIds.B)).toEqual({
        trace_id: traceIds.B,
        root_service: "gateway",
        root_operation: "POST /orders",
        services: ["gateway", "orders", "payments"],
        span_count: 3,
        error_count: 2,
        has_error: true,
        start_time: new Date(T0_MS + 2000).toISOString(),
        duration_ms: 900,
        state: "complete",
        in_progress: false,
        is_test_generated: false,
      });
      expect(result.traces.find((t) => t.trace_id === traceIds.D)).toMatchObject({ root_service: null, root_operation: null, in_progress: true, services: ["payments"] });
    });

    it("matches service and operation on any span, not only the root", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await letters("service=payments")).toBe("DB");
      expect(await letters("service=orders")).toBe("CBA");
      expect(await letters("operation=INSERT orders")).toBe("B");
      expect(await letters("service=orders&operation=SELECT orders")).toBe("A");
      expect(await letters("service=nobody")).toBe("");
    });

    it("holds every span condition on one span", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      // SELECT orders is an orders span: the gateway never ran it.
      expect(await letters("service=gateway&operation=SELECT orders")).toBe("");
      expect(await letters("service=payments&attr=error.type:card_declined")).toBe("B");
      expect(await letters("service=gateway&attr=error.type:card_declined")).toBe("");
      expect(await letters("attr=customer.tier:standard&attr=http.response.status_code:500")).toBe("B");
      // Both values occur in A, but on different spans.
      expect(await letters("attr=customer.tier:gold&attr=db.system.name:postgresql")).toBe("");
    });

    it("filters by span status, and by trace errors", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await letters("status=error")).toBe("B");
      expect(await letters("status=ok")).toBe("E");
      expect(await letters("status=unset")).toBe("DCFBA");
      expect(await letters("service=payments&status=error")).toBe("B");
      expect(await letters("service=orders&status=error")).toBe("");
      expect(await letters("operation=POST /charges&status=error")).toBe("B");
    });

    it("compares attribute values by their text: strings, numbers, booleans, tagged numbers, JSON", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await letters("attr=customer.tier:gold")).toBe("A");
      // The number 500 on B's root and the string "500" on its INSERT span both read 500.
      expect(await letters("attr=http.response.status_code:500")).toBe("B");
      expect(await letters("attr=http.response.status_code:200")).toBe("A");
      expect(await letters("attr=retry.count:0")).toBe("A");
      expect(await letters("attr=feature.flag:true")).toBe("A");
      expect(await letters("attr=feature.flag:false")).toBe("");
      expect(await letters("attr=payment.amount:12.5")).toBe("B");
      expect(await letters("attr=payment.amount:12.50")).toBe("");
      expect(await letters("attr=payment.amount:7")).toBe("D");
      expect(await letters("attr=big:12345678901234567890")).toBe("C");
      expect(await letters("attr=ratio:5")).toBe("C");
      expect(await letters('attr=list:[1,"a"]')).toBe("C");
      expect(await letters('attr=list:[1, "a"]')).toBe("C");
      expect(await letters('attr=nested:{"customer.tier":"gold"}')).toBe("F");
      expect(await letters("attr=empty:null")).toBe("");
    });

    it("reads keys and values with colons, quotes and spaces", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await letters('attr="weird\\"key":x')).toBe("C");
      expect(await letters('attr="a:b":colon')).toBe("C");
      expect(await letters("attr=url.full:http://shop:8080/a b")).toBe("C");
      expect(await letters('attr=padded:"  spaced  "')).toBe("C");
      expect(await letters("attr=padded:spaced")).toBe("");
      expect(await letters("attr=back\\slash:y")).toBe("C");
    });

    it("excludes with != (the key present with another value) and keeps with exists", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await letters("attr=customer.tier!=gold")).toBe("B");
      expect(await letters("attr=http.response.status_code!=500")).toBe("A");
      expect(await letters("attr=empty!=x")).toBe("");
      expect(await letters("attr=empty exists")).toBe("C");
      expect(await letters("attr=customer.tier exists")).toBe("BA");
      expect(await letters("attr=nothing exists")).toBe("");
    });

    it("falls back to the resource's attributes when the span has none of that key", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await letters("attr=host.name:payments-1")).toBe("DB");
      expect(await letters("attr=deployment.environment.name:production")).toBe("CBA");
      // A's orders span carries its own host.name, which wins over its resource's.
      expect(await letters("attr=host.name:orders-1")).toBe("CB");
      expect(await letters("attr=host.name:db-override")).toBe("A");
      expect(await letters("attr=host.name!=payments-1")).toBe("ECFBA");
      expect(await letters("attr=deployment.environment.name exists")).toBe("CBA");
      expect(await letters("service=orders&attr=host.name:orders-1")).toBe("CB");
    });

    it("bounds the trace's duration, inclusive", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await letters("min_duration_ms=500")).toBe("B");
      expect(await letters("min_duration_ms=120")).toBe("BA");
      expect(await letters("max_duration_ms=50")).toBe("EDCF");
      expect(await letters("min_duration_ms=30&max_duration_ms=50")).toBe("DCF");
      expect(await letters("min_duration_ms=100&service=orders")).toBe("BA");
    });

    it("selects traces by start within [from, to), and span conditions by spans before to", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await letters(`from=${T0_MS + 3000}`)).toBe("EDCF");
      expect(await letters(`to=${T0_MS + 3000}`)).toBe("BA");
      expect(await letters(`from=${T0_MS + 2000}&to=${T0_MS + 4000}`)).toBe("CFB");
      expect(await letters(`from=${new Date(T0_MS + 3000).toISOString()}&service=orders`)).toBe("C");
      // A started before `to`, its orders span after it.
      expect(await letters(`to=${T0_MS + 1020}&service=orders`)).toBe("");
      expect(await letters(`to=${T0_MS + 1060}&service=orders`)).toBe("A");
      expect(await letters(`to=${T0_MS + 1020}&attr=db.system.name:postgresql`)).toBe("");
      expect(await letters(`to=${T0_MS + 1060}&attr=db.system.name:postgresql`)).toBe("A");
      expect((await search(`from=${T0_MS + 3000}`)).total).toBe(4);
    });

    it("checks one trace by id against the other conditions", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await letters(`trace_id=${traceIds.B.toUpperCase()}`)).toBe("B");
      expect((await search(`trace_id=${traceIds.B}`)).total).toBe(1);
      expect(await letters(`trace_id=${traceIds.B}&service=payments&attr=error.type:card_declined`)).toBe("B");
      expect(await letters(`trace_id=${traceIds.A}&service=payments`)).toBe("");
      expect(await letters(`trace_id=${"0".repeat(31)}1`)).toBe("");
    });

    it("pages newest first with offset and says when more follow", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const first = await search("limit=2");
      expect(first.traces.map((t) => t.trace_id)).toEqual(NEWEST_FIRST.slice(0, 2));
      expect(first.has_more).toBe(true);
      const second = await search("limit=2&offset=2");
      expect(second.traces.map((t) => t.trace_id)).toEqual(NEWEST_FIRST.slice(2, 4));
      const last = await search("limit=2&offset=4");
      expect(last.traces.map((t) => t.trace_id)).toEqual(NEWEST_FIRST.slice(4));
      expect(last.has_more).toBe(false);
      expect(await search("limit=2&offset=6")).toMatchObject({ traces: [], has_more: false });
      // Paging a filtered search, answered by spans: the same order.
      expect(await letters("service=orders&limit=1&offset=1")).toBe("B");
      expect((await search("service=orders&limit=2")).has_more).toBe(true);
      expect((await search("service=orders&limit=3")).has_more).toBe(false);
      expect(await letters("attr=customer.tier exists&limit=1&offset=1")).toBe("A");
      expect((await search("service=orders")).total).toBeNull();
    });

    it("stops at its scan bound and says how far back it searched", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const tiny: TraceSearchBudget = { traces: 2, tracesWithSpans: 2, serviceSpans: 1, serviceSpanRows: 1, firstWindow: 256 };
      // Two traces examined (E, D): A's gold customer lies beyond.
      const bounded = await searchTraces(opened!.store, WS, parseTraceSearchQuery(new URLSearchParams("attr=customer.tier:gold")), tiny);
      expect(bounded).toMatchObject({ traces: [], has_more: false, searched_back_to: new Date(T0_MS + 4000).toISOString() });
      // Asking again from there on finds it.
      const further = await searchTraces(opened!.store, WS, parseTraceSearchQuery(new URLSearchParams(`attr=customer.tier:gold&to=${Date.parse(bounded.searched_back_to!)}`)), { ...tiny, tracesWithSpans: 10 });
      expect(further.traces.map((t) => t.trace_id)).toEqual([traceIds.A]);
      expect(further.searched_back_to).toBeNull();
      // The payments service's newest span (D's) is the whole budget: D is certain, B is not examined.
      const byService = await searchTraces(opened!.store, WS, parseTraceSearchQuery(new URLSearchParams("service=payments")), tiny);
      expect(byService.traces.map((t) => t.trace_id)).toEqual([traceIds.D]);
      expect(byService.searched_back_to).toBe(new Date(T0_MS + 4000).toISOString());
      // With operation or status, the rows read are those of spans that pass them in the index:
      // one error span of payments (B's) may be read, then B's trace, which started before it,
      // cannot be ranked yet; two may, and the range holds no second.
      const declined = parseTraceSearchQuery(new URLSearchParams("service=payments&status=error&attr=error.type:card_declined"));
      expect(await searchTraces(opened!.store, WS, declined, { ...tiny, serviceSpans: 10, serviceSpanRows: 1 })).toMatchObject({ traces: [], searched_back_to: new Date(T0_MS + 2010).toISOString() });
      const found = await searchTraces(opened!.store, WS, declined, { ...tiny, serviceSpans: 10, serviceSpanRows: 2 });
      expect(found).toMatchObject({ traces: [{ trace_id: traceIds.B }], searched_back_to: null });
      // Trace-row filters have their own, larger bound.
      const slow = await searchTraces(opened!.store, WS, parseTraceSearchQuery(new URLSearchParams("min_duration_ms=500")), tiny);
      expect(slow).toMatchObject({ traces: [], searched_back_to: new Date(T0_MS + 4000).toISOString() });
      // A full page needs no bound: nothing to say.
      expect((await searchTraces(opened!.store, WS, parseTraceSearchQuery(new URLSearchParams("limit=1")), tiny)).searched_back_to).toBeNull();
    });

    it("scans in rounds and windows without losing or repeating a trace", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      // 300 one-span traces of one service, two at each start time so windows end inside ties;
      // only the oldest is marked.
      await store.prisma.workspace.create({ data: { id: "many", name: "many", createdAtMs: 0n } });
      const spans = Array.from({ length: 300 }, (_, i) =>
        makeSpan({ workspaceId: "many", traceId: (i + 1).toString(16).padStart(32, "0"), spanId: "1".padStart(16, "0"), service: "batch", name: "job", startNs: at(Math.floor(i / 2)), endNs: at(Math.floor(i / 2) + 1), attributes: { n: i, ...(i === 0 ? { marked: true } : {}) } }),
      );
      await appendSpans(store, spans);
      const budget: TraceSearchBudget = { traces: 1000, tracesWithSpans: 1000, serviceSpans: 1000, serviceSpanRows: 1000, firstWindow: 256 };
      const many = (query: string) => searchTraces(store, "many", parseTraceSearchQuery(new URLSearchParams(query)), budget);
      const oldest = (1).toString(16).padStart(32, "0");
      // Rounds of 256 then 1,000 spans (or traces): the first misses the oldest, the second finds it.
      expect((await many("service=batch&attr=marked:true")).traces.map((t) => t.trace_id)).toEqual([oldest]);
      expect((await many("attr=marked:true")).traces.map((t) => t.trace_id)).toEqual([oldest]);
      const newestFirst = spans.map((s) => ({ id: s.traceId, start: s.startNs })).sort((a, b) => (a.start !== b.start ? (a.start > b.start ? -1 : 1) : a.id < b.id ? -1 : 1)).map((s) => s.id);
      for (const query of ["attr=n exists&limit=1000", "service=batch&attr=n exists&limit=1000", "min_duration_ms=1&limit=1000"]) {
        const result = await many(query);
        expect(result.traces.map((t) => t.trace_id), query).toEqual(newestFirst);
        expect(result).toMatchObject({ has_more: false, searched_back_to: null });
      }
    });

    it("stays within its workspace", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const other = await searchTraces(opened!.store, "nobody", parseTraceSearchQuery(new URLSearchParams("")));
      expect(other).toEqual({ traces: [], total: 0, has_more: false, searched_back_to: null });
      expect((await search("service=payments")).traces).toHaveLength(2);
    });

    if (kind.name === "sqlite") {
      it("reads a service's spans from the covering index, and a trace's spans by primary key", async (ctx) => {
        if (!opened) ctx.skip(POSTGRES_SKIPPED);
        const plan = (sql: string, args: unknown[]) => explain(opened!.store, sql, args);
        expect(await plan("SELECT DISTINCT s.trace_id FROM spans s WHERE s.workspace_id = ? AND s.service = ? AND s.start_ns >= ? AND s.name = ? AND s.status_code = ?", [WS, "orders", 0n, "x", 0])).toContain(
          "COVERING INDEX spans_workspace_id_service_start_ns_covering_idx",
        );
      });
    }
  });
}

async function explain(store: Store, sql: string, args: unknown[]): Promise<string> {
  const rows = await driverQuery(await store.driver(), `EXPLAIN QUERY PLAN ${sql}`, args);
  return rows.map((row) => String(row[3])).join(" | ");
}
