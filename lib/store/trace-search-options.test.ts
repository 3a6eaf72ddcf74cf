// The search bar's choices on a real store (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import { appendSpans } from "./append-spans";
import { POSTGRES_SKIPPED, TEST_STORES, type OpenedStore } from "./testing/test-stores";
import { listSearchOperations, listSearchServices } from "./trace-search-options";

const span = (workspaceId: string, trace: number, id: number, service: string, name: string, parent = 0) =>
  makeSpan({
    workspaceId,
    traceId: trace.toString(16).padStart(32, "0"),
    spanId: id.toString(16).padStart(16, "0"),
    parentSpanId: parent ? parent.toString(16).padStart(16, "0") : "",
    service,
    name,
    startNs: BigInt(trace * 1000 + id),
    endNs: BigInt(trace * 1000 + id + 10),
  });

for (const kind of TEST_STORES) {
  describe(`trace search choices on ${kind.name}`, () => {
    let opened: OpenedStore | null = null;
    beforeAll(async () => {
      opened = await kind.open();
      if (!opened) return;
      const { store } = opened;
      for (const id of ["choices", "other"]) await store.prisma.workspace.create({ data: { id, name: id, createdAtMs: 0n } });
      await appendSpans(store, [
        span("choices", 1, 1, "gateway", "GET /orders"),
        span("choices", 1, 2, "orders", "SELECT orders", 1),
        span("choices", 2, 1, "gateway", "POST /orders"),
        span("choices", 2, 2, "payments", "POST /charges", 1),
        span("choices", 2, 3, "Zeta", "a lower-case name", 1),
        span("choices", 3, 1, "gateway", "GET /orders"),
        span("other", 1, 1, "elsewhere", "GET /"),
      ]);
    });
    afterAll(async () => {
      await opened?.drop();
    });

    it("lists the services of every span, roots or not, once each, by name", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await listSearchServices(opened!.store, "choices")).toEqual(["Zeta", "gateway", "orders", "payments"]);
      expect(await listSearchServices(opened!.store, "nobody")).toEqual([]);
    });

    it("lists a service's operations once each, by name", async (ctx) => {
      if (!opened) ctx.skip(POSTGRES_SKIPPED);
      expect(await listSearchOperations(opened!.store, "choices", "gateway")).toEqual(["GET /orders", "POST /orders"]);
      expect(await listSearchOperations(opened!.store, "choices", "Zeta")).toEqual(["a lower-case name"]);
      expect(await listSearchOperations(opened!.store, "choices", "elsewhere")).toEqual([]);
    });
  });
}
