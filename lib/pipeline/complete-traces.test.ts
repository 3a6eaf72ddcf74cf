// Trace completion on real stores: SQLite, and PostgreSQL when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpanKind, type Span } from "../otlp/span";
import { makeSpan } from "../otlp/testing/make-span";
import { appendSpans } from "../store/append-spans";
import { openStore, type Store } from "../store/db";
import { TEST_STORES, type OpenedStore } from "../store/testing/test-stores";
import { applyMigrations } from "../store/migrate";
import { tempPostgresUrl } from "../../tests/support/app-server";
import { claimIdleTraces, getServiceGraph, releaseOthersClaims, renewClaims } from "../store/flow-repository";
import { completeIdleTraces, completeTraceNow, startCompletionLoop } from "./complete-traces";

const options = { instanceId: "test-instance", staleClaimMs: 60_000, batch: 100 };
let traceCounter = 0;

function checkout(withLoyalty: boolean, status: Span["status"] = "unset"): Span[] {
  const traceId = (++traceCounter).toString(16).padStart(32, "a");
  const spans = [
    makeSpan({ traceId, spanId: "1".padStart(16, "0"), service: "gateway", name: "POST /orders", kind: SpanKind.SERVER, startNs: 1_000_000_000n, endNs: 1_100_000_000n, attributes: { "http.route": "/orders", "http.request.method": "POST" } }),
    makeSpan({ traceId, spanId: "2".padStart(16, "0"), parentSpanId: "1".padStart(16, "0"), service: "gateway", name: "INSERT", kind: SpanKind.CLIENT, startNs: 1_010_000_000n, endNs: 1_020_000_000n, status, attributes: { "db.system.name": "postgresql", "db.namespace": "orders" } }),
  ];
  if (withLoyalty) {
    spans.push(makeSpan({ traceId, spanId: "3".padStart(16, "0"), parentSpanId: "1".padStart(16, "0"), service: "gateway", name: "POST", kind: SpanKind.CLIENT, startNs: 1_030_000_000n, endNs: 1_040_000_000n, attributes: { "peer.service": "loyalty" } }));
  }
  return spans.map((s) => ({ ...s, workspaceId: "shop" }));
}


for (const kind of TEST_STORES) {
  describe(`trace completion on ${kind.name}`, () => {
    let opened: OpenedStore | null = null;
    beforeAll(async () => {
      opened = await kind.open();
    });
    afterAll(async () => {
      await opened?.drop();
    });

    const flows = () => opened!.store.prisma.flow.findMany({ where: { workspaceId: "shop" }, orderBy: { occurrenceCount: "desc" } });

    it("completes idle traces into flows and leaves recent ones open", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      const { store } = opened!;
      const received = Date.now();
      for (let i = 0; i < 3; i++) await appendSpans(store, checkout(false, i === 0 ? "error" : "unset"), received);
      await appendSpans(store, checkout(true), received);
      expect(await completeIdleTraces(store, options, received + 5_000)).toBe(0);
      expect(await completeIdleTraces(store, options, received + 11_000)).toBe(4);

      const [plain, loyalty] = await flows();
      expect(plain).toMatchObject({ name: "gateway → POST /orders", entryService: "gateway", entryOperation: "POST /orders", occurrenceCount: 3 });
      expect(plain.errorRate).toBeCloseTo(1 / 3, 10);
      expect(plain.avgDurationMs).toBeCloseTo(100, 6);
      expect(plain.p95DurationMs).toBeGreaterThan(98);
      expect(plain.path).toEqual([
        { type: "api_endpoint", identifier: "POST /orders", service: "gateway" },
        { type: "database", identifier: "orders", service: "gateway" },
      ]);
      expect(loyalty.occurrenceCount).toBe(1);
      expect((loyalty.path as { identifier: string }[]).map((n) => n.identifier)).toEqual(["POST /orders", "orders", "loyalty"]);
      const states = await store.prisma.trace.groupBy({ by: ["state"], where: { workspaceId: "shop" }, _count: true });
      expect(states).toEqual([{ state: "complete", _count: 4 }]);
    });

    it("moves a completed trace to its new flow when a late span changes its path", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      const { store } = opened!;
      const spans = checkout(true);
      const early = spans.filter((s) => s.spanId !== "3".padStart(16, "0"));
      const late = spans.filter((s) => s.spanId === "3".padStart(16, "0"));
      await appendSpans(store, early);
      await completeTraceNow(store, { workspaceId: "shop", traceId: early[0].traceId }, "test-instance");
      expect((await flows()).map((f) => f.occurrenceCount)).toEqual([4, 1]);

      await appendSpans(store, late);
      expect((await store.prisma.trace.findFirst({ where: { traceId: early[0].traceId } }))?.state).toBe("open");
      const { flowId } = await completeTraceNow(store, { workspaceId: "shop", traceId: early[0].traceId }, "test-instance");
      const after = await flows();
      expect(after.map((f) => f.occurrenceCount)).toEqual([3, 2]);
      expect(after[1].id).toBe(flowId);
      // Completing again changes nothing: the contribution is taken back before it is added.
      await completeTraceNow(store, { workspaceId: "shop", traceId: early[0].traceId }, "test-instance");
      expect((await flows()).map((f) => f.occurrenceCount)).toEqual([3, 2]);
      // The service graph counts each call once, the late one included.
      const graph = await getServiceGraph(store, "shop", "endpoint");
      const calls = Object.fromEntries(graph.edges.map((e) => [e.id, e.call_count]));
      expect(calls).toEqual({
        "calls:service:gateway→service:loyalty": 2,
        "exposes:service:gateway→api_endpoint:POST /orders": 5,
        "writes:service:gateway→database:orders": 5,
      });
    });

    it("discovers nothing in a workspace whose settings turned discovery off", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      const { store } = opened!;
      await store.prisma.workspace.create({ data: { id: "quiet", name: "quiet", createdAtMs: 0n, autoDiscovery: false, traceIdleMs: 500 } });
      const spans = checkout(false).map((s) => ({ ...s, workspaceId: "quiet" }));
      const received = Date.now();
      await appendSpans(store, spans, received);
      // Its own trace_idle_ms (500 ms) applies, not the default 10 s.
      expect(await completeIdleTraces(store, options, received + 1_000)).toBe(1);
      expect(await store.prisma.flow.count({ where: { workspaceId: "quiet" } })).toBe(0);
      expect((await store.prisma.trace.findFirst({ where: { workspaceId: "quiet" } }))?.state).toBe("complete");
    });

    it("takes over a claim once it has gone unrenewed for the lease, and never a renewed one", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      const { store } = opened!;
      const spans = checkout(false).map((s) => ({ ...s, workspaceId: "leases" }));
      const received = Date.now();
      await appendSpans(store, spans, received);
      const lease = 15_000;
      const claim = (instanceId: string, nowMs: number) =>
        claimIdleTraces(store, { instanceId, nowMs, staleClaimBeforeMs: nowMs - lease, limit: 10 }).then((refs) => refs.filter((r) => r.workspaceId === "leases"));
      const t = received + 11_000;
      expect(await claim("alive", t)).toHaveLength(1);
      // Renewed 10 s later, the claim is not stale 20 s after it was first taken.
      expect(await renewClaims(store, "alive", t + 10_000)).toBeGreaterThanOrEqual(1);
      expect(await claim("other", t + 20_000)).toEqual([]);
      // Unrenewed for longer than the lease: the holder is taken to be dead.
      expect(await claim("other", t + 10_000 + lease + 1)).toEqual([{ workspaceId: "leases", traceId: spans[0].traceId }]);
      // A restart on SQLite gives back the claims of every other instance, never its own.
      expect(await releaseOthersClaims(store, "other")).toBe(0);
      expect((await store.prisma.trace.findFirst({ where: { workspaceId: "leases" } }))?.state).toBe("processing");
      expect(await releaseOthersClaims(store, "restarted")).toBeGreaterThanOrEqual(1);
      expect((await store.prisma.trace.findFirst({ where: { workspaceId: "leases" } }))?.state).toBe("open");
      expect(await claim("restarted", t + 10_000 + lease + 2)).toHaveLength(1);
    });

    it("skips test runs and says so for unknown traces", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      const { store } = opened!;
      const spans = checkout(false).map((s) => ({ ...s, isTestGenerated: true }));
      await appendSpans(store, spans);
      expect(await completeTraceNow(store, { workspaceId: "shop", traceId: spans[0].traceId }, "test-instance")).toEqual({ found: true, flowId: null });
      expect(await completeTraceNow(store, { workspaceId: "shop", traceId: "f".repeat(32) }, "test-instance")).toEqual({ found: false, flowId: null });
      expect((await flows()).map((f) => f.occurrenceCount)).toEqual([3, 2]);
    });

    it("works through a backlog in growing rounds, each claiming the next with its own writes", async (ctx) => {
      if (!opened) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      const { store } = opened!;
      const receivedLongAgo = Date.now() - 60_000;
      for (let i = 0; i < 30; i++) await appendSpans(store, checkout(i % 2 === 0).map((s) => ({ ...s, workspaceId: "backlog" })), receivedLongAgo);
      // Sections that claimed or wrote something: once the backlog is done the loop goes on
      // with idle rounds (a claim that finds nothing) until it is stopped, as many as time allows.
      let sections = 0;
      const exclusive = async <T,>(work: () => Promise<T>): Promise<T> => {
        const result = await work();
        if (!(Array.isArray(result) && result.length === 0)) sections++;
        return result;
      };
      const stop = startCompletionLoop(store, { ...options, batch: 2, maxBatch: 8, exclusive }, 10);
      try {
        await expect
          .poll(() => store.prisma.trace.count({ where: { workspaceId: "backlog", state: "complete" } }), { timeout: 60_000, interval: 50 })
          .toBe(30);
      } finally {
        stop();
      }
      const backlogFlows = await store.prisma.flow.findMany({ where: { workspaceId: "backlog" } });
      expect(backlogFlows.map((f) => f.occurrenceCount).sort()).toEqual([15, 15]);
      // Rounds of 2, 4, 8, 8 and 8 traces: one section claims the first, each round's writes
      // claim the next (the last finds none). Two sections per round would make 11.
      expect(sections).toBe(6);
    });
  });
}

describe("two instances completing traces on one PostgreSQL", () => {
  it("claims each idle trace exactly once", async (ctx) => {
    const database = await tempPostgresUrl();
    if (!database) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    await applyMigrations(database!.url);
    const [a, b] = [openStore(database!.url), openStore(database!.url)];
    try {
      const received = Date.now();
      const traces = Array.from({ length: 40 }, () => checkout(false));
      for (const spans of traces) await appendSpans(a, spans, received);
      const claim = (store: Store, instanceId: string) =>
        claimIdleTraces(store, { instanceId, nowMs: received + 60_000, staleClaimBeforeMs: received - 60_000, limit: 7 });
      const claimed: string[][] = [[], []];
      for (let round = 0; round < 6; round++) {
        const [fromA, fromB] = await Promise.all([claim(a, "a"), claim(b, "b")]);
        claimed[0].push(...fromA.map((t) => t.traceId));
        claimed[1].push(...fromB.map((t) => t.traceId));
      }
      const all = [...claimed[0], ...claimed[1]];
      expect(new Set(all).size).toBe(all.length);
      expect(all.sort()).toEqual(traces.map((t) => t[0].traceId).sort());
      expect(claimed[0].length).toBeGreaterThan(0);
      expect(claimed[1].length).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
      await database!.drop();
    }
  });
});
