// Drift over real traces from other projects' fixtures (Jaeger's HotROD captures in
// tests/fixtures/corpora/otlp): the serial and concurrent captures of GET /dispatch
// are one variant, so no drift; the trimmed capture of the same entry point is one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Span } from "../otlp/span";
import { onlyTrace } from "../otlp/testing/read-corpus-traces";
import { appendSpans } from "../store/append-spans";
import { listDriftAlerts } from "../store/drift-queries";
import { TEST_STORES, type OpenedStore } from "../store/testing/test-stores";
import { completeTraceNow } from "./complete-traces";
import { sweepDrift } from "./sweep-drift";

const WS = "hotrod";

describe(`drift over the real traces in tests/fixtures/corpora/otlp`, () => {
  let opened: OpenedStore | null = null;
  beforeAll(async () => {
    opened = await TEST_STORES[0].open();
    // The first trace of an entry point is its whole learning window.
    await opened!.store.prisma.workspace.create({ data: { id: WS, name: WS, createdAtMs: 0n, driftLearningMs: 0, driftLearningTraces: 1, driftConfirmMs: 0 } });
  });
  afterAll(async () => {
    await opened?.drop();
  });

  async function send(spans: Span[]) {
    const { store } = opened!;
    await appendSpans(store, spans.map((s) => ({ ...s, workspaceId: WS })));
    await completeTraceNow(store, { workspaceId: WS, traceId: spans[0].traceId }, "test-instance");
    await sweepDrift(store, { thorough: true });
    return listDriftAlerts(store, WS, { limit: 50, offset: 0 });
  }

  it("HotROD serial then concurrent route calls: one variant, no drift", async () => {
    expect(await send(onlyTrace("n_plus_one_full_serial", "fe65c5beefbe4e96119efbba3da07e99"))).toEqual({ alerts: [], total: 0 });
    expect(await send(onlyTrace("n_plus_one_full_concurrent", "1a4e4a7b270e9f2a0f716e3ee115218a"))).toEqual({ alerts: [], total: 0 });
    const entry = await opened!.store.prisma.entryPoint.findFirstOrThrow({ where: { workspaceId: WS }, include: { baseline: true } });
    expect([entry.entryService, entry.entryOperation, entry.traceCount, entry.baseline.length]).toEqual(["frontend", "GET /dispatch", 2, 1]);
  });

  it("HotROD trimmed to the route fan-out: a new variant of GET /dispatch, diffed node by node", async () => {
    const { alerts } = await send(onlyTrace("n_plus_one_near_miss", "66371dd0eafc70e48e4234803fe94d41"));
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({
      kind: "new_variant",
      state: "open",
      entry_service: "frontend",
      entry_operation: "GET /dispatch",
      previous_path:
        "api_endpoint:GET /dispatch → api_endpoint:GET /customer → database:mysql → service:driver → database:redis → api_endpoint:GET /route",
      current_path: "api_endpoint:GET /dispatch → service:0.0.0.0",
      occurrences: 1,
      traffic_share: 1,
      example_trace_ids: ["66371dd0eafc70e48e4234803fe94d41"],
    });
    expect(alert.diff.removed.map((r) => r.node.identifier)).toEqual(["GET /customer", "mysql", "driver", "redis", "GET /route"]);
    expect(alert.diff.added.map((a) => a.node.identifier)).toEqual(["0.0.0.0"]);
    expect(alert.diff.moved).toEqual([]);
  });
});
