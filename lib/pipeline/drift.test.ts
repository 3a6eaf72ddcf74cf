// Drift detection on real stores (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): learning,
// alerts per new variant, late spans, rare variants, missing variants, explanations, actions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpanKind, type Span } from "../otlp/span";
import { makeSpan } from "../otlp/testing/make-span";
import { appendSpans } from "../store/append-spans";
import type { Store } from "../store/db";
import { applyDriftAction } from "../store/drift-actions";
import { listDriftAlerts } from "../store/drift-queries";
import { getFlow, listFlows } from "../store/flow-queries";
import { POSTGRES_SKIPPED, TEST_STORES, type OpenedStore } from "../store/testing/test-stores";
import { completeTraceNow } from "./complete-traces";
import { sweepDrift } from "./sweep-drift";

const SECOND_NS = 1_000_000_000n;
let traceCounter = 0;

interface TraceShape {
  workspaceId: string;
  /** Trace start, seconds after an arbitrary epoch. */
  atS: number;
  tier: string;
  calls: string[];
  /** Leave the database call out (as if its span had not arrived yet). */
  withoutDatabase?: boolean;
  synthetic?: boolean;
}

/** POST /orders at the gateway, a database write, then a call per peer service in `calls`. */
function checkoutTrace(shape: TraceShape): { traceId: string; spans: Span[]; databaseSpan: Span } {
  const traceId = (++traceCounter).toString(16).padStart(32, "d");
  const start = BigInt(1_700_000_000 + shape.atS) * SECOND_NS;
  const id = (n: number) => n.toString(16).padStart(16, "0");
  const root = makeSpan({
    workspaceId: shape.workspaceId,
    traceId,
    spanId: id(1),
    service: "gateway",
    name: "POST /orders",
    kind: SpanKind.SERVER,
    startNs: start,
    endNs: start + 100_000_000n,
    isSynthetic: shape.synthetic ?? false,
    attributes: { "http.route": "/orders", "http.request.method": "POST", "customer.tier": shape.tier, "request.id": `r-${traceCounter}` },
  });
  const databaseSpan = makeSpan({
    workspaceId: shape.workspaceId,
    traceId,
    spanId: id(2),
    parentSpanId: id(1),
    service: "gateway",
    name: "INSERT",
    kind: SpanKind.CLIENT,
    startNs: start + 10_000_000n,
    endNs: start + 20_000_000n,
    attributes: { "db.system.name": "postgresql", "db.namespace": "orders" },
  });
  const calls = shape.calls.map((peer, i) =>
    makeSpan({
      workspaceId: shape.workspaceId,
      traceId,
      spanId: id(3 + i),
      parentSpanId: id(1),
      service: "gateway",
      name: "POST",
      kind: SpanKind.CLIENT,
      startNs: start + BigInt(30 + i * 10) * 1_000_000n,
      endNs: start + BigInt(35 + i * 10) * 1_000_000n,
      attributes: { "peer.service": peer },
    }),
  );
  return { traceId, spans: [root, ...(shape.withoutDatabase ? [] : [databaseSpan]), ...calls], databaseSpan };
}

async function send(store: Store, shape: TraceShape): Promise<string> {
  const { traceId, spans } = checkoutTrace(shape);
  await appendSpans(store, spans);
  await completeTraceNow(store, { workspaceId: shape.workspaceId, traceId }, "test-instance");
  return traceId;
}

async function workspace(store: Store, id: string, settings: Partial<{ driftLearningMs: number; driftLearningTraces: number; driftConfirmMs: number; driftMissingMs: number; driftRareRatio: number }>) {
  await store.prisma.workspace.create({ data: { id, name: id, createdAtMs: 0n, driftLearningMs: 0, driftLearningTraces: 4, driftConfirmMs: 0, ...settings } });
}

const alertsOf = (store: Store, ws: string, state?: "open" | "rare" | "accepted" | "dismissed") => listDriftAlerts(store, ws, { state, limit: 50, offset: 0 });

for (const kind of TEST_STORES) {
  describe(`drift detection on ${kind.name}`, () => {
    let opened: OpenedStore | null = null;
    beforeAll(async () => {
      opened = await kind.open();
    });
    afterAll(async () => {
      await opened?.drop();
    });

    it("learns variants during the window, then alerts once per new variant, and accept makes it baseline", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      await workspace(store, "learn", {});
      // Four traces of learning, with two variants: both become baseline.
      for (let i = 0; i < 3; i++) await send(store, { workspaceId: "learn", atS: i, tier: "silver", calls: [] });
      await send(store, { workspaceId: "learn", atS: 3, tier: "gold", calls: ["loyalty"] });
      // A health check with a path of its own never drifts: it is not discovered at all.
      await send(store, { workspaceId: "learn", atS: 4, tier: "silver", calls: ["fraud", "pricing"], synthetic: true });
      await send(store, { workspaceId: "learn", atS: 5, tier: "silver", calls: [] });
      await sweepDrift(store, { thorough: true });
      expect(await alertsOf(store, "learn")).toEqual({ alerts: [], total: 0 });
      const baseline = await store.prisma.baselineVariant.findMany({ where: { entryPoint: { workspaceId: "learn" } } });
      expect(baseline.map((b) => b.source)).toEqual(["learned", "learned"]);

      // After the window a new variant (a fraud check before loyalty) opens one alert.
      const first = await send(store, { workspaceId: "learn", atS: 6, tier: "gold", calls: ["fraud", "loyalty"] });
      await send(store, { workspaceId: "learn", atS: 7, tier: "gold", calls: ["fraud", "loyalty"] });
      await sweepDrift(store, { thorough: false });
      const { alerts, total } = await alertsOf(store, "learn");
      expect(total).toBe(1);
      const [alert] = alerts;
      expect(alert).toMatchObject({
        kind: "new_variant",
        state: "open",
        entry_service: "gateway",
        entry_operation: "POST /orders",
        // The closest baseline variant is the one with loyalty, not the plain one.
        previous_path: "api_endpoint:POST /orders → database:orders → service:loyalty",
        current_path: "api_endpoint:POST /orders → database:orders → service:fraud → service:loyalty",
        occurrences: 2,
      });
      expect(alert.diff.added.map((a) => [a.node.identifier, a.index])).toEqual([["fraud", 2]]);
      expect(alert.diff.removed).toEqual([]);
      expect(alert.diff.moved).toEqual([]);
      // Two of the two traces since detection took the new variant.
      expect(alert.traffic_share).toBe(1);
      expect(alert.example_trace_ids).toEqual(expect.arrayContaining([first]));
      expect(alert.flow_id).not.toBeNull();

      // Every flow of the drifted entry point is marked, and only those are listed as drifted.
      const drifted = await listFlows(store, "learn", { sort: "risk_score", drifted: true, limit: 50, offset: 0 });
      expect(drifted.total).toBe(3);
      expect(drifted.flows.every((f) => f.drifted && f.drift_details?.alert_id === alert.id)).toBe(true);
      expect(drifted.flows[0].drift_details).toMatchObject({ previous_path: alert.previous_path, current_path: alert.current_path, detected_at: alert.detected_at });
      expect((await listFlows(store, "learn", { sort: "risk_score", drifted: false, limit: 50, offset: 0 })).total).toBe(0);

      // Accept: idempotent, the variant joins the baseline, dismissing it afterwards is refused.
      expect(await applyDriftAction(store, "learn", alert.id, "accept")).toEqual({ kind: "done", alertId: alert.id });
      expect(await applyDriftAction(store, "learn", alert.id, "accept")).toEqual({ kind: "done", alertId: alert.id });
      expect(await applyDriftAction(store, "learn", alert.id, "dismiss")).toEqual({ kind: "conflict", state: "accepted" });
      expect(await applyDriftAction(store, "elsewhere", alert.id, "accept")).toEqual({ kind: "not_found" });
      expect((await alertsOf(store, "learn", "open")).total).toBe(0);
      expect((await alertsOf(store, "learn", "accepted")).alerts.map((a) => a.id)).toEqual([alert.id]);
      expect((await listFlows(store, "learn", { sort: "risk_score", drifted: true, limit: 50, offset: 0 })).total).toBe(0);
      await send(store, { workspaceId: "learn", atS: 8, tier: "gold", calls: ["fraud", "loyalty"] });
      await sweepDrift(store, { thorough: true });
      expect((await alertsOf(store, "learn")).total).toBe(1);

      // A reorder is reported as moved nodes, not a removal plus an addition; dismiss silences it.
      await send(store, { workspaceId: "learn", atS: 9, tier: "gold", calls: ["loyalty", "fraud"] });
      await sweepDrift(store, { thorough: false });
      const [reorder] = (await alertsOf(store, "learn", "open")).alerts;
      expect(reorder.diff.added).toEqual([]);
      expect(reorder.diff.removed).toEqual([]);
      expect(reorder.diff.moved).toHaveLength(1);
      expect(await applyDriftAction(store, "learn", reorder.id, "dismiss")).toEqual({ kind: "done", alertId: reorder.id });
      await send(store, { workspaceId: "learn", atS: 10, tier: "gold", calls: ["loyalty", "fraud"] });
      await sweepDrift(store, { thorough: true });
      expect((await alertsOf(store, "learn", "open")).total).toBe(0);
      expect((await alertsOf(store, "learn", "dismissed")).total).toBe(1);
    });

    it("never opens an alert for a trace that was merely incomplete", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      await workspace(store, "late", { driftConfirmMs: 60_000 });
      for (let i = 0; i < 4; i++) await send(store, { workspaceId: "late", atS: i, tier: "silver", calls: [] });
      // Its database span is late: completed without it, the trace looks like a new variant.
      const { traceId, spans, databaseSpan } = checkoutTrace({ workspaceId: "late", atS: 5, tier: "silver", calls: [], withoutDatabase: true });
      await appendSpans(store, spans);
      await completeTraceNow(store, { workspaceId: "late", traceId }, "test-instance");
      await sweepDrift(store, { thorough: true });
      expect(await store.prisma.driftAlert.count({ where: { workspaceId: "late", state: "pending" } })).toBe(1);
      expect((await alertsOf(store, "late")).total).toBe(0);

      await appendSpans(store, [databaseSpan]);
      await completeTraceNow(store, { workspaceId: "late", traceId }, "test-instance");
      await sweepDrift(store, { thorough: true }, Date.now() + 120_000);
      expect(await store.prisma.driftAlert.count({ where: { workspaceId: "late" } })).toBe(0);
      const flows = await listFlows(store, "late", { sort: "risk_score", limit: 50, offset: 0 });
      expect(flows.flows.map((f) => f.occurrence_count)).toEqual([5]);
    });

    it("reports a variant that is a sliver of the traffic as rare, and opens it when it grows", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      await workspace(store, "rare", { driftRareRatio: 0.2 });
      for (let i = 0; i < 10; i++) await send(store, { workspaceId: "rare", atS: i, tier: "silver", calls: [] });
      await send(store, { workspaceId: "rare", atS: 10, tier: "silver", calls: ["pricing"] });
      await sweepDrift(store, { thorough: true });
      expect((await alertsOf(store, "rare", "open")).total).toBe(0);
      const [rare] = (await alertsOf(store, "rare", "rare")).alerts;
      expect(rare).toMatchObject({ state: "rare", occurrences: 1 });
      // Not a drifted entry point while rare.
      expect((await listFlows(store, "rare", { sort: "risk_score", drifted: true, limit: 50, offset: 0 })).total).toBe(0);

      for (let i = 0; i < 3; i++) await send(store, { workspaceId: "rare", atS: 11 + i, tier: "silver", calls: ["pricing"] });
      await sweepDrift(store, { thorough: true });
      expect((await alertsOf(store, "rare", "open")).alerts.map((a) => [a.id, a.occurrences])).toEqual([[rare.id, 4]]);
    });

    it("raises a missing variant when a common baseline variant stops while traffic goes on, and withdraws it when it returns", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      await workspace(store, "gone", { driftLearningTraces: 12, driftMissingMs: 5_000 });
      for (let i = 0; i < 10; i++) await send(store, { workspaceId: "gone", atS: i, tier: "gold", calls: ["loyalty"] });
      for (let i = 0; i < 2; i++) await send(store, { workspaceId: "gone", atS: 10 + i, tier: "silver", calls: [] });
      // Fewer traces since than absence needs to be significant: not missing yet.
      for (let i = 0; i < 5; i++) await send(store, { workspaceId: "gone", atS: 20 + i, tier: "silver", calls: [] });
      await sweepDrift(store, { thorough: true });
      expect((await alertsOf(store, "gone")).total).toBe(0);

      for (let i = 0; i < 15; i++) await send(store, { workspaceId: "gone", atS: 30 + i, tier: "silver", calls: [] });
      await sweepDrift(store, { thorough: true });
      const { alerts } = await alertsOf(store, "gone", "open");
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        kind: "variant_missing",
        previous_path: "api_endpoint:POST /orders → database:orders → service:loyalty",
        current_path: "api_endpoint:POST /orders → database:orders",
        // The entry point's traces since loyalty was last called.
        occurrences: 22,
      });
      expect(alerts[0].traffic_share).toBeCloseTo(10 / 32, 10);
      expect(alerts[0].diff.removed.map((r) => r.node.identifier)).toEqual(["loyalty"]);

      await send(store, { workspaceId: "gone", atS: 50, tier: "gold", calls: ["loyalty"] });
      await sweepDrift(store, { thorough: true });
      expect((await alertsOf(store, "gone")).total).toBe(0);
    });

    it("explains variants by the entry span attribute that separates them", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      await workspace(store, "why", { driftLearningTraces: 100 });
      for (let i = 0; i < 6; i++) await send(store, { workspaceId: "why", atS: i, tier: "gold", calls: ["loyalty"] });
      for (let i = 0; i < 8; i++) await send(store, { workspaceId: "why", atS: 10 + i, tier: i % 2 ? "silver" : "bronze", calls: [] });
      await sweepDrift(store, { thorough: true });
      const { flows } = await listFlows(store, "why", { sort: "occurrence_count", limit: 50, offset: 0 });
      const loyalty = await getFlow(store, "why", flows.find((f) => f.occurrence_count === 6)!.id);
      expect(loyalty!.explanations.map((e) => e.text)).toEqual(["`loyalty` is called only when `customer.tier = gold` (6 of 6 sampled traces)"]);
      const plain = await getFlow(store, "why", flows.find((f) => f.occurrence_count === 8)!.id);
      expect(plain!.variants.map((v) => v.explanations.map((e) => e.text))).toEqual([["`loyalty` is called only when `customer.tier = gold` (6 of 6 sampled traces)"]]);
    });
  });
}
