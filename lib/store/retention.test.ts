import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import { appendSpans } from "./append-spans";
import { openStore } from "./db";
import { applyMigrations } from "./migrate";
import { deleteExpiredTelemetry } from "./retention";
import { completeIdleTraces } from "../pipeline/complete-traces";

const DAY_MS = 86_400_000;

describe("deleteExpiredTelemetry", () => {
  it("deletes spans and traces past the workspace's retention and keeps its flows", async () => {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "flowprint-retention-")), "db.sqlite")}`;
    await applyMigrations(url);
    const store = openStore(url);
    try {
      const now = Date.now();
      await store.prisma.workspace.create({ data: { id: "r", name: "r", createdAtMs: 0n, retentionDays: 7 } });
      const at = (daysAgo: number, traceChar: string) =>
        makeSpan({ workspaceId: "r", traceId: traceChar.repeat(32), startNs: BigInt(now - daysAgo * DAY_MS) * 1_000_000n, endNs: BigInt(now - daysAgo * DAY_MS + 5) * 1_000_000n });
      await appendSpans(store, [at(10, "a"), at(1, "b")], now - 60_000);
      await completeIdleTraces(store, { instanceId: "t", staleClaimMs: 60_000, batch: 10 }, now);
      expect((await store.prisma.flow.findFirstOrThrow()).occurrenceCount).toBe(2);

      expect(await deleteExpiredTelemetry(store, now)).toEqual({ spans: 1, traces: 1 });
      expect((await store.prisma.span.findMany()).map((s) => s.traceId)).toEqual(["b".repeat(32)]);
      expect((await store.prisma.traceFlow.findMany()).map((t) => t.traceId)).toEqual(["b".repeat(32)]);
      expect((await store.prisma.flow.findFirstOrThrow()).occurrenceCount).toBe(2);
    } finally {
      await store.close();
    }
  });
});
