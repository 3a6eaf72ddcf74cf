// The system model's cache on a real store: built when first asked for, kept while its flows do
// not change, and rebuilt when they do: waited for by exports, in the background for readers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpanKind } from "../otlp/span";
import { makeSpan } from "../otlp/testing/make-span";
import { appendSpans } from "../store/append-spans";
import type { Store } from "../store/db";
import { POSTGRES_SKIPPED, TEST_STORES, type OpenedStore } from "../store/testing/test-stores";
import { completeTraceNow } from "./complete-traces";
import { getSystemModel } from "./system-model";

let counter = 0;
async function sendRequest(store: Store, workspaceId: string, route: string): Promise<void> {
  const traceId = (++counter).toString(16).padStart(32, "e");
  const start = 1_700_000_000_000_000_000n + BigInt(counter) * 1_000_000_000n;
  await appendSpans(store, [makeSpan({ workspaceId, traceId, spanId: "0000000000000001", service: "shop", name: `GET ${route}`, kind: SpanKind.SERVER, startNs: start, endNs: start + 5_000_000n, attributes: { "http.route": route, "http.request.method": "GET" } })]);
  await completeTraceNow(store, { workspaceId, traceId }, "test-instance");
}

const routes = (model: { endpoints: { route: string }[] }) => model.endpoints.map((e) => e.route).sort();

for (const kind of TEST_STORES) {
  describe(`the system model cache on ${kind.name}`, () => {
    let opened: OpenedStore | null = null;
    beforeAll(async () => {
      opened = await kind.open();
    });
    afterAll(async () => {
      await opened?.drop();
    });

    it("keeps a model while its flows are unchanged and a young one while they change; readers never wait for a rebuild, exports do", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      const { store } = opened!;
      const ws = `cache-${kind.name}`;
      await store.prisma.workspace.create({ data: { id: ws, name: ws, createdAtMs: 0n } });
      await sendRequest(store, ws, "/orders");
      const first = await getSystemModel(store, ws, { nowMs: 1_000 });
      expect(routes(first)).toEqual(["/orders"]);
      // Same flows, much later: the same model object.
      expect(await getSystemModel(store, ws, { nowMs: 10_000_000 })).toBe(first);

      await sendRequest(store, ws, "/products");
      // Flows changed, but the model is young (built at 1,000, asked at 5,000): it answers.
      expect(await getSystemModel(store, ws, { nowMs: 5_000 })).toBe(first);
      // Old: a reader gets it once more while the rebuild runs; an export waits for the new one.
      expect(await getSystemModel(store, ws, { nowMs: 60_000, staleWhileRevalidate: true })).toBe(first);
      const current = await getSystemModel(store, ws, { nowMs: 60_000 });
      expect(routes(current)).toEqual(["/orders", "/products"]);
      expect(await getSystemModel(store, ws, { nowMs: 60_001, staleWhileRevalidate: true })).toBe(current);
    });
  });
}
