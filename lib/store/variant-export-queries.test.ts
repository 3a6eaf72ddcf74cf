// Exporting every variant of an entry point from a real store (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set): what the loader reads, and the files it makes with the builder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildVariantTests } from "../export/build-variant-tests";
import { loadFlowprintTest } from "../export/load-flowprint-test";
import { SpanKind, type Span } from "../otlp/span";
import { makeSpan } from "../otlp/testing/make-span";
import { completeTraceNow } from "../pipeline/complete-traces";
import { appendSpans } from "./append-spans";
import type { Store } from "./db";
import { sweepDrift } from "../pipeline/sweep-drift";
import { loadFlowForExport } from "./export-queries";
import { POSTGRES_SKIPPED, TEST_STORES, type OpenedStore } from "./testing/test-stores";
import { loadEntryPointForExport } from "./variant-export-queries";

const WS = "variants";
const SECOND_NS = 1_000_000_000n;
let traceCounter = 0;

/** POST /orders at the gateway, an INSERT into orders, and a loyalty call for gold customers. */
function orderTrace(atS: number, tier: "gold" | "standard"): Span[] {
  const traceId = (++traceCounter).toString(16).padStart(32, "e");
  const start = BigInt(1_700_000_000 + atS) * SECOND_NS;
  const id = (n: number) => n.toString(16).padStart(16, "0");
  const span = (n: number, init: Partial<Span>) =>
    makeSpan({ workspaceId: WS, traceId, spanId: id(n), service: "gateway", startNs: start + BigInt(n) * 1_000_000n, endNs: start + BigInt(n + 1) * 1_000_000n, ...init });
  return [
    span(1, {
      name: "POST /orders",
      kind: SpanKind.SERVER,
      endNs: start + 100_000_000n,
      attributes: { "http.route": "/orders", "http.request.method": "POST", "http.response.status_code": 201, "customer.tier": tier, "url.path": "/orders", "server.address": "127.0.0.1", "server.port": 4100, "url.scheme": "http" },
    }),
    span(2, {
      parentSpanId: id(1),
      name: "INSERT orders",
      kind: SpanKind.CLIENT,
      attributes: { "db.system.name": "postgresql", "db.namespace": "shop", "db.operation.name": "INSERT", "db.collection.name": "orders" },
    }),
    ...(tier === "gold" ? [span(3, { parentSpanId: id(1), name: "POST", kind: SpanKind.CLIENT, attributes: { "peer.service": "loyalty" } })] : []),
  ];
}

async function send(store: Store, atS: number, tier: "gold" | "standard"): Promise<void> {
  const spans = orderTrace(atS, tier);
  await appendSpans(store, spans);
  await completeTraceNow(store, { workspaceId: WS, traceId: spans[0].traceId }, "test-instance");
}

for (const kind of TEST_STORES) {
  describe(`exporting every variant on ${kind.name}`, () => {
    let opened: OpenedStore | null = null;
    beforeAll(async () => {
      opened = await kind.open();
      if (!opened) return;
      const { store } = opened;
      await store.prisma.workspace.create({ data: { id: WS, name: WS, createdAtMs: 0n } });
      for (let i = 0; i < 5; i++) await send(store, i, "gold");
      for (let i = 0; i < 8; i++) await send(store, 10 + i, "standard");
      await sweepDrift(store, { thorough: true });
    });
    afterAll(async () => {
      await opened?.drop();
    });

    it("reads each variant with its representative's spans and entry attributes, busiest first", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const loaded = (await loadEntryPointForExport(opened!.store, WS, "gateway", "POST /orders"))!;
      expect(loaded.variants.map((v) => [v.flow.occurrenceCount, v.variantLabel])).toEqual([
        [8, "without loyalty"],
        [5, "+ loyalty"],
      ]);
      expect(loaded.variants.map((v) => v.entryAttributes?.["customer.tier"])).toEqual(["standard", "gold"]);
      expect(loaded.variants[1].entry!.spans!.map((s) => s.name)).toEqual(["POST /orders", "INSERT orders", "POST"]);
      expect(loaded.explanations.map((e) => e.text)).toContain("`loyalty` is called only when `customer.tier = gold` (5 of 5 sampled traces)");
      expect(loaded.timeoutMs).toBe(30_000);
    });

    it("gives the single export the representative's spans, so its writes are asserted", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { variants } = (await loadEntryPointForExport(opened!.store, WS, "gateway", "POST /orders"))!;
      const single = await loadFlowForExport(opened!.store, WS, variants[0].flow.id);
      expect(single!.entry!.spans).toEqual(variants[0].entry!.spans);
      expect(single!.entry!.spans!.find((s) => s.name === "INSERT orders")?.attributes).toMatchObject({ "db.operation.name": "INSERT" });
    });

    it("makes a runnable file per variant that asserts its explanation and its write", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const loaded = (await loadEntryPointForExport(opened!.store, WS, "gateway", "POST /orders"))!;
      const { files, warnings } = buildVariantTests(loaded.variants, loaded.explanations, { timeoutMs: loaded.timeoutMs, setup: "none" });
      expect(files).toHaveLength(2);
      const gold = files.find((f) => f.variant_label === "+ loyalty")!;
      const test = loadFlowprintTest(gold.yaml);
      if (!test.ok) throw new Error("the gold file does not load");
      expect(test.test.expect_trace.trace_assert).toEqual(
        expect.arrayContaining([
          "trace.spans | any(.service == 'gateway' and .attributes['db.namespace'] == 'shop' and .attributes['db.operation.name'] == 'INSERT' and .attributes['db.collection.name'] == 'orders')",
          expect.stringMatching(/^trace\.spans \| any\(\.service == 'gateway' and \.name == 'POST \/orders' and \.attributes\['customer\.tier'\] == 'gold'\) implies trace\.spans \| any\(\.service == 'loyalty' or /),
        ]),
      );
      // Whether the plain variant has an explanation of its own depends on no other tier existing.
      expect(warnings.every((w) => w.startsWith("gateway → POST /orders"))).toBe(true);
    });

    it("is null for an entry point without flows", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await loadEntryPointForExport(opened!.store, WS, "gateway", "DELETE /orders")).toBeNull();
    });
  });
}
