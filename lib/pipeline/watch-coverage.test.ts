// The coverage.dropped sweep on real stores (SQLite, and PostgreSQL when TEST_DATABASE_URL is
// set): flows discovered from stored spans, test runs recorded as the runner's are, and the
// sweep's clock moved by the test, so a passing run leaves the window without any waiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS } from "../diagnosis/compute-coverage";
import { SpanKind } from "../otlp/span";
import { makeSpan } from "../otlp/testing/make-span";
import { appendSpans } from "../store/append-spans";
import type { Store } from "../store/db";
import { createExecution, saveValidation } from "../store/execution-repository";
import { updateTelemetrySettings } from "../store/settings-repository";
import { POSTGRES_SKIPPED, TEST_STORES, type OpenedStore } from "../store/testing/test-stores";
import { createWebhook } from "../store/webhook-repository";
import type { TraceValidation } from "../validation/validate-trace";
import { completeTraceNow } from "./complete-traces";
import { evaluateCoverageDrops } from "./watch-coverage";
import { readWorkspaceCoverage } from "./workspace-coverage";

const T0 = Date.UTC(2026, 5, 1, 12);
const ENQUEUE = { publicUrl: "https://flowprint.example.com", maxAttempts: 3 };

let counter = 0;
/** One request to `route` of shop as a completed trace; returns its flow's id. */
async function serve(store: Store, workspaceId: string, method: string, route: string): Promise<string> {
  const traceId = (++counter).toString(16).padStart(32, "c");
  const start = 1_780_000_000_000_000_000n + BigInt(counter) * 1_000_000_000n;
  await appendSpans(store, [
    makeSpan({ workspaceId, traceId, spanId: "0000000000000001", service: "shop", name: `${method} ${route}`, kind: SpanKind.SERVER, startNs: start, endNs: start + 5_000_000n, attributes: { "http.route": route, "http.request.method": method } }),
  ]);
  const { flowId } = await completeTraceNow(store, { workspaceId, traceId }, "test-instance");
  return flowId!;
}

const PASSED: TraceValidation = { status: "passed", path_match: true, missing_nodes: [], unexpected_nodes: [], order_violations: [], slow_spans: [], error_spans: [], failed_assertions: [], inconclusive_assertions: [], reasons: [] };

async function recordRun(store: Store, workspaceId: string, flowId: string, status: TraceValidation["status"], atMs: number): Promise<void> {
  const execution = await createExecution(store, workspaceId, { test_name: "t", flow_id: flowId, trace_id: (++counter).toString(16).padStart(32, "d"), expected: { nodes: [], trace_assert: [] } }, atMs - 1_000);
  expect(await saveValidation(store, execution.id, { ...PASSED, status }, atMs)).toBe(true);
}

const deliveries = async (store: Store, workspaceId: string) =>
  (await store.prisma.webhookDelivery.findMany({ where: { workspaceId, event: "coverage.dropped" }, orderBy: { createdAtMs: "asc" } })).map((d) => JSON.parse(d.payload));

for (const kind of TEST_STORES) {
  describe(`the coverage.dropped sweep on ${kind.name}`, () => {
    let opened: OpenedStore | null = null;
    beforeAll(async () => {
      opened = await kind.open();
    });
    afterAll(async () => {
      await opened?.drop();
    });

    it("reads coverage from grouped runs: the latest pass and the latest run of each flow", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      const ws = "coverage-read";
      const create = await serve(store, ws, "POST", "/orders");
      const read = await serve(store, ws, "GET", "/orders/:id");
      await recordRun(store, ws, create, "passed", T0 - 3 * DAY_MS);
      await recordRun(store, ws, create, "passed", T0 - 2 * DAY_MS);
      await recordRun(store, ws, create, "failed", T0 - DAY_MS);
      await recordRun(store, ws, read, "inconclusive", T0 - DAY_MS);
      // Still waiting for its trace: no run yet.
      await createExecution(store, ws, { test_name: "t", flow_id: read, trace_id: "e".repeat(32), expected: { nodes: [], trace_assert: [] } }, T0);

      const { windowDays, coverage } = await readWorkspaceCoverage(store, ws, { nowMs: T0 });
      expect(windowDays).toBe(7);
      expect(coverage.flows.map((f) => [f.id, f.covered, f.lastRunAtMs, f.lastPassingRunAtMs])).toEqual(
        expect.arrayContaining([
          [create, true, T0 - DAY_MS, T0 - 2 * DAY_MS],
          [read, false, T0 - DAY_MS, null],
        ]),
      );
      expect(coverage.endpoints.map((e) => [e.method, e.route, e.covered])).toEqual(
        expect.arrayContaining([
          ["POST", "/orders", true],
          ["GET", "/orders/:id", false],
        ]),
      );
      expect(coverage.coverageRatio).toBe(0.5);
      // The workspace's window, and a window given for one read.
      await updateTelemetrySettings(store, ws, { coverage_window_days: 1 });
      expect((await readWorkspaceCoverage(store, ws, { nowMs: T0 })).coverage.coveredCount).toBe(0);
      expect((await readWorkspaceCoverage(store, ws, { nowMs: T0, windowDays: 2 })).coverage.coveredCount).toBe(1);
      // A workspace nobody has sent to: nothing to cover, the default window.
      expect(await readWorkspaceCoverage(store, "coverage-nobody", { nowMs: T0 })).toMatchObject({ windowDays: 7, coverage: { endpoints: [], flows: [], coverageRatio: null } });
    });

    it("raises coverage.dropped once when a passing run leaves the window, only for subscribed workspaces", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      const ws = "coverage-watch";
      const quiet = "coverage-quiet";
      await createWebhook(store, ws, { name: "ops", url: "https://hooks.example.com/a", format: "json", events: ["coverage.dropped"] });
      await createWebhook(store, quiet, { name: "drift only", url: "https://hooks.example.com/b", format: "json", events: ["drift.opened"] });
      const create = await serve(store, ws, "POST", "/orders");
      await serve(store, ws, "GET", "/orders/:id");
      await recordRun(store, ws, create, "passed", T0 - 6 * DAY_MS);
      const quietFlow = await serve(store, quiet, "POST", "/orders");
      await recordRun(store, quiet, quietFlow, "passed", T0 - 6 * DAY_MS);

      // The first evaluation only sets the baseline, for the subscribed workspace alone.
      expect(await evaluateCoverageDrops(store, T0, ENQUEUE)).toBe(0);
      expect((await store.prisma.coverageState.findMany()).map((row) => row.workspaceId)).toEqual([ws]);
      expect(await evaluateCoverageDrops(store, T0 + DAY_MS - 1, ENQUEUE)).toBe(0);
      // The pass is now more than 7 days old.
      expect(await evaluateCoverageDrops(store, T0 + DAY_MS + 1, ENQUEUE)).toBe(1);
      const [event] = await deliveries(store, ws);
      expect(event).toMatchObject({
        event: "coverage.dropped",
        workspace_id: ws,
        url: `https://flowprint.example.com/w/${ws}/coverage`,
        summary: "Test coverage fell from 50% to 0% of endpoints: no passing run in 7 days for shop POST /orders",
        data: { previous_ratio: 0.5, coverage_ratio: 0, window_days: 7, covered_count: 0, endpoint_count: 2, newly_uncovered: [{ service: "shop", method: "POST", route: "/orders", flow_ids: [create] }], new_endpoints: [] },
      });
      expect(await deliveries(store, quiet)).toEqual([]);

      // Once per fall: the same coverage again, then a rise, raise nothing.
      expect(await evaluateCoverageDrops(store, T0 + 2 * DAY_MS, ENQUEUE)).toBe(0);
      await recordRun(store, ws, create, "passed", T0 + 2 * DAY_MS);
      expect(await evaluateCoverageDrops(store, T0 + 2 * DAY_MS, ENQUEUE)).toBe(0);
      // A new endpoint nobody tests yet is a fall too, and is named.
      await serve(store, ws, "DELETE", "/orders/:id");
      expect(await evaluateCoverageDrops(store, T0 + 2 * DAY_MS, ENQUEUE)).toBe(1);
      const latest = (await deliveries(store, ws)).at(-1);
      expect(latest.data).toMatchObject({ previous_ratio: 0.5, coverage_ratio: 1 / 3, newly_uncovered: [], new_endpoints: [{ method: "DELETE", route: "/orders/:id" }] });

      // Two instances evaluating the same fall at once announce it once; the stored state is
      // what a restarted instance compares with, so nothing is announced twice after it either.
      await serve(store, ws, "PUT", "/orders/:id");
      const both = await Promise.all([evaluateCoverageDrops(store, T0 + 3 * DAY_MS, ENQUEUE), evaluateCoverageDrops(store, T0 + 3 * DAY_MS + 1, ENQUEUE)]);
      expect(both[0] + both[1]).toBe(1);
      expect(await evaluateCoverageDrops(store, T0 + 3 * DAY_MS + 2, ENQUEUE)).toBe(0);
      expect((await deliveries(store, ws)).length).toBe(3);
    });
  });
}
