// The adapter write path (PostgreSQL's, and SQLite's without its writer thread) on real stores.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeSpan } from "../otlp/testing/make-span";
import { tempPostgresUrl } from "../../tests/support/app-server";
import { appendSpans } from "./append-spans";
import { openStore } from "./db";
import { applyMigrations } from "./migrate";

const targets = [
  { name: "sqlite", url: async () => ({ url: `file:${path.join(mkdtempSync(path.join(tmpdir(), "flowprint-append-")), "db.sqlite")}`, drop: async () => undefined }) },
  { name: "postgresql", url: () => tempPostgresUrl() },
];

for (const target of targets) {
  describe(`appendSpans on ${target.name}`, () => {
    it("names a trace after its earliest root whichever request brought it, and counts replays once", async (ctx) => {
      const database = await target.url();
      if (!database) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
      await applyMigrations(database!.url);
      const store = openStore(database!.url);
      try {
        const late = makeSpan({ spanId: "0000000000000001", service: "gateway", name: "late root", startNs: 2_000_000n, endNs: 3_000_000n });
        const early = makeSpan({ spanId: "0000000000000002", service: "worker", name: "early root", startNs: 1_000_000n, endNs: 2_000_000n, status: "error" });
        expect(await appendSpans(store, [late])).toMatchObject({ inserted: 1 });
        expect(await appendSpans(store, [early, late])).toMatchObject({ inserted: 1, duplicates: 1 });
        const trace = await store.prisma.trace.findFirstOrThrow();
        expect(trace).toMatchObject({ rootSpanId: "0000000000000002", rootService: "worker", rootName: "early root", rootStartNs: 1_000_000n, spanCount: 2, errorCount: 1, startNs: 1_000_000n, endNs: 3_000_000n });
        // A later root that started later changes nothing.
        await appendSpans(store, [makeSpan({ spanId: "0000000000000003", name: "later", startNs: 5_000_000n, endNs: 6_000_000n })]);
        expect((await store.prisma.trace.findFirstOrThrow()).rootName).toBe("early root");
      } finally {
        await store.close();
        await database!.drop();
      }
    });
  });
}
