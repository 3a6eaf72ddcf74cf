import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import { appendSpans } from "../store/append-spans";
import { openStore, type Store } from "../store/db";
import { applyMigrations } from "../store/migrate";
import { applyRetention } from "./apply-retention";
import { completeIdleTraces } from "./complete-traces";

const DAY_MS = 86_400_000;

async function withStore(run: (store: Store) => Promise<void>): Promise<void> {
  const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "flowprint-retention-")), "db.sqlite")}`;
  await applyMigrations(url);
  const store = openStore(url);
  try {
    await store.prisma.workspace.create({ data: { id: "r", name: "r", createdAtMs: 0n, retentionDays: 7 } });
    await run(store);
  } finally {
    await store.close();
  }
}

const now = Date.now();
const traceId = (n: number) => n.toString(16).padStart(32, "0");
const spanAt = (daysAgo: number, trace: number, spanId = "1") =>
  makeSpan({ workspaceId: "r", traceId: traceId(trace), spanId: spanId.padStart(16, "0"), startNs: BigInt(now - daysAgo * DAY_MS) * 1_000_000n, endNs: BigInt(now - daysAgo * DAY_MS + 5) * 1_000_000n });

describe("applyRetention", () => {
  it("deletes completed traces past the workspace's retention with their spans and links, and keeps its flows", async () => {
    await withStore(async (store) => {
      await appendSpans(store, [spanAt(10, 1), spanAt(1, 2)], now - 60_000);
      await completeIdleTraces(store, { instanceId: "t", staleClaimMs: 60_000, batch: 10 }, now);
      expect((await store.prisma.flow.findFirstOrThrow()).occurrenceCount).toBe(2);

      expect(await applyRetention(store, { nowMs: now })).toEqual({ spans: 1, traces: 1 });
      expect((await store.prisma.span.findMany()).map((s) => s.traceId)).toEqual([traceId(2)]);
      expect((await store.prisma.traceFlow.findMany()).map((t) => t.traceId)).toEqual([traceId(2)]);
      expect((await store.prisma.trace.findMany()).map((t) => t.traceId)).toEqual([traceId(2)]);
      expect((await store.prisma.flow.findFirstOrThrow()).occurrenceCount).toBe(2);
    });
  });

  it("keeps every span of a trace not yet completed, however old, so discovery sees the whole trace", async () => {
    await withStore(async (store) => {
      await appendSpans(store, [spanAt(10, 1, "1"), spanAt(10, 1, "2")], now);
      expect(await applyRetention(store, { nowMs: now })).toEqual({ spans: 0, traces: 0 });
      await completeIdleTraces(store, { instanceId: "t", staleClaimMs: 60_000, batch: 10 }, now + 60_000);
      expect((await store.prisma.flow.findFirstOrThrow()).occurrenceCount).toBe(1);
      expect(await applyRetention(store, { nowMs: now })).toEqual({ spans: 2, traces: 1 });
    });
  });

  it("works through the expired traces in chunks, each in its own exclusive section", async () => {
    await withStore(async (store) => {
      await appendSpans(store, Array.from({ length: 25 }, (_, i) => spanAt(10, i + 1)), now - 60_000);
      await completeIdleTraces(store, { instanceId: "t", staleClaimMs: 60_000, batch: 100 }, now);
      const sections: number[] = [];
      const exclusive = async <T,>(work: () => Promise<T>) => {
        const done = await work();
        sections.push((done as { traces: number }).traces);
        return done;
      };
      const result = await applyRetention(store, { nowMs: now, chunk: 10, exclusive });
      expect(result).toEqual({ spans: 25, traces: 25 });
      // 10 + 10 + 5: the short chunk ends the workspace (the default workspace has none: 0).
      expect(sections.filter((n) => n > 0)).toEqual([10, 10, 5]);
      expect(await store.prisma.span.count()).toBe(0);
    });
  });
});
