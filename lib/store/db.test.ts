// The client factory: SQLite connection settings really in effect, and values that raw
// batched SQL writes (BigInt nanoseconds, JSON text, booleans) read back the same through
// the Prisma models on both stores.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, getStore, openStore, type Store } from "./db";
import { applyMigrations } from "./migrate";

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const tmp = mkdtempSync(path.join(os.tmpdir(), "flowprint-db-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Above 2^53: nanosecond timestamps do not fit a JS number.
const START_NS = 1_763_766_000_123_456_789n;

async function roundTrip(store: Store): Promise<void> {
  const p = (index: number) => (store.dialect === "sqlite" ? "?" : `$${index}`);
  // Raw SQL the way the ingest path writes: bigint, JSON as text, boolean.
  await store.prisma.$executeRawUnsafe(
    `INSERT INTO workspaces (id, name, created_at_ms) VALUES (${p(1)}, ${p(2)}, ${p(3)})`,
    "w1",
    "one",
    1_700_000_000_000n,
  );
  await store.prisma.$executeRawUnsafe(
    `INSERT INTO resources (id, workspace_id, attributes) VALUES (${p(1)}, ${p(2)}, ${p(3)})`,
    "r1",
    "w1",
    JSON.stringify({ retention_days: 7, flags: [true, 0, null] }),
  );
  await store.prisma.$executeRawUnsafe(
    `INSERT INTO traces (workspace_id, trace_id, start_ns, end_ns, span_count, first_seen_ms, last_seen_ms, is_test_generated)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)})`,
    "w1",
    "a".repeat(32),
    START_NS,
    START_NS + 1n,
    1,
    1n,
    2n,
    true,
  );
  const resource = await store.prisma.resource.findUniqueOrThrow({ where: { id: "r1" } });
  expect(resource.attributes).toEqual({ retention_days: 7, flags: [true, 0, null] });
  const trace = await store.prisma.trace.findFirstOrThrow({ where: { workspaceId: "w1" } });
  expect(trace.startNs).toBe(START_NS);
  expect(trace.isTestGenerated).toBe(true);
  // Raw reads map by column type too: BIGINT → bigint, JSON parsed, BOOLEAN → boolean.
  const [row] = await store.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT t.start_ns, t.is_test_generated, r.attributes FROM traces t JOIN resources r ON r.workspace_id = t.workspace_id`,
  );
  expect(row).toEqual({ start_ns: START_NS, is_test_generated: true, attributes: resource.attributes });
  // Foreign keys are enforced.
  await expect(
    store.prisma.ingestKey.create({
      data: { id: "k", workspaceId: "missing", name: "k", keyHash: "h", prefix: "p", createdAtMs: 1n },
    }),
  ).rejects.toThrow(/Foreign key constraint/);
}

describe("SQLite store", () => {
  const url = `file:${path.join(tmp, "sub", "flowprint.db")}`;
  let store: Store;
  beforeAll(async () => {
    await applyMigrations(url);
    store = openStore(url);
  });
  afterAll(() => store?.close());

  it("runs with WAL, synchronous=NORMAL, a 5 s busy timeout and foreign keys on", async () => {
    const pragma = async (name: string) =>
      Object.values((await store.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(`PRAGMA ${name}`))[0]!)[0];
    expect(await pragma("journal_mode")).toBe("wal");
    expect(await pragma("synchronous")).toBe(1n); // 1 = NORMAL
    expect(await pragma("busy_timeout")).toBe(5000n);
    expect(await pragma("foreign_keys")).toBe(1n);
  });

  it("round-trips raw-written values through the models", () => roundTrip(store));
});

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL store", () => {
  const database = `flowprint_db_test_${process.pid}_${Date.now()}`;
  let store: Store;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  beforeAll(async () => {
    await admin(`CREATE DATABASE "${database}"`);
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${database}`;
    await applyMigrations(url.toString());
    store = openStore(url.toString());
  });
  afterAll(async () => {
    await store?.close();
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  it("round-trips raw-written values through the models", () => roundTrip(store));
});

describe("configuration", () => {
  it("defaults to the local SQLite file", () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      expect(databaseUrl()).toBe("file:./data/flowprint.db");
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  });

  it("getStore() is one store per process until closed", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${path.join(tmp, "singleton.db")}`;
    try {
      const first = getStore();
      expect(getStore()).toBe(first);
      await first.close();
      const second = getStore();
      expect(second).not.toBe(first);
      await second.close();
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});

if (!TEST_DATABASE_URL) {
  console.warn("db.test.ts: TEST_DATABASE_URL is not set, so the PostgreSQL store test is skipped.");
}
