// What /metrics and the readiness probe read from the database: answers of the store, no decisions.
import type { Store } from "./db";
import { migrationsDirFor, readMigrations } from "./migrations-folder";

/** The least recently active trace still waiting for discovery (open or claimed), and how many wait. */
export async function discoveryBacklog(store: Store): Promise<{ waiting: number; oldestLastSeenMs: number | null }> {
  // Served by traces(state, last_seen_ms).
  const rows = await store.prisma.trace.groupBy({ by: ["state"], where: { state: { in: ["open", "processing"] } }, _count: { _all: true }, _min: { lastSeenMs: true } });
  const waiting = rows.reduce((sum, r) => sum + r._count._all, 0);
  const mins = rows.map((r) => r._min.lastSeenMs).filter((v): v is bigint => v !== null);
  return { waiting, oldestLastSeenMs: mins.length === 0 ? null : Number(mins.reduce((a, b) => (a < b ? a : b))) };
}

/** One round trip to the database, in milliseconds; throws when it does not answer. */
export async function pingDatabase(store: Store): Promise<number> {
  const started = performance.now();
  await store.prisma.$queryRawUnsafe("SELECT 1");
  return performance.now() - started;
}

/** Migrations in this build's prisma/migrations that the database has not applied (successfully). */
export async function pendingMigrations(store: Store): Promise<string[]> {
  const rows = await store.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((r) => r.migration_name));
  return readMigrations(migrationsDirFor(store.dialect)).map((m) => m.name).filter((name) => !applied.has(name));
}
