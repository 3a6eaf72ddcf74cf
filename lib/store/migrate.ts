// Applies pending migrations from prisma/migrations/<provider>/ at start-up and from
// `npm run db:migrate`. A small runner of our own instead of the schema engine's
// applyMigrations: the engine is WASM that a Next.js server bundle should not carry, and
// through @prisma/adapter-pg it splits scripts on every ";" and holds no session for an
// advisory lock. Rows go to Prisma's `_prisma_migrations` table with Prisma's columns and
// checksums, so `prisma migrate status` / diagnoseMigrationHistory agree with it.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { dialectOf, redactUrl, sqliteFilePath } from "./database-url";
import { lockedProvider, migrationsDirFor, readMigrations, type MigrationFile } from "./migrations-folder";

export interface ApplyMigrationsOptions {
  /** Defaults to prisma/migrations/<provider> under process.cwd(). */
  migrationsDir?: string;
  /** PostgreSQL: how long to wait for another instance's migration run. */
  lockTimeoutMs?: number;
}

/** Prisma's own advisory lock key (migrate deploy uses it), so both tools exclude each other. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// Prisma's DDL for the history table, per provider (as its schema engine creates it).
const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;
const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface HistoryRow {
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/**
 * Applies the migrations the database at `url` lacks, oldest first, each in its own
 * transaction together with its history row: a failing migration leaves neither schema
 * changes nor a row behind, and the error names it. Idempotent; concurrent callers on one
 * database serialize (PostgreSQL: advisory lock; SQLite: BEGIN IMMEDIATE).
 */
export async function applyMigrations(
  url: string,
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const dialect = dialectOf(url);
  const dir = options.migrationsDir ?? migrationsDirFor(dialect);
  const migrations = readMigrations(dir);
  const provider = lockedProvider(dir);
  if (provider !== undefined && provider !== dialect) {
    throw new Error(`${dir} holds ${provider} migrations, but ${redactUrl(url)} is ${dialect}`);
  }
  const applied =
    dialect === "sqlite"
      ? applySqlite(sqliteFilePath(url), migrations)
      : await applyPostgres(url, migrations, options.lockTimeoutMs ?? 5 * 60_000);
  return { applied };
}

/** Prisma's migrate deploy stops at a failed, unresolved migration (P3009); so do we. */
function assertNoFailedMigration(rows: HistoryRow[]): void {
  const failed = rows.filter((row) => row.finished_at == null && row.rolled_back_at == null);
  if (failed.length > 0) {
    const names = failed.map((row) => row.migration_name).join(", ");
    throw new Error(
      `Migration(s) ${names} failed earlier and were not resolved. Fix the database, then mark them ` +
        `rolled back (prisma migrate resolve --rolled-back <name>) or delete their _prisma_migrations rows.`,
    );
  }
}

function appliedNames(rows: HistoryRow[]): Set<string> {
  return new Set(rows.filter((row) => row.finished_at != null && row.rolled_back_at == null).map((row) => row.migration_name));
}

function migrationError(migration: MigrationFile, cause: unknown): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new Error(`Migration ${migration.name} failed and was rolled back: ${message}`, { cause });
}

/** Timestamps as @prisma/adapter-better-sqlite3 writes DateTime (its default iso8601 format). */
function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function applySqlite(file: string, migrations: MigrationFile[]): string[] {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  // `timeout` is the busy timeout: a second process waits for the first one's transaction.
  const db = new Database(file, { timeout: 5000 });
  const applied: string[] = [];
  try {
    db.pragma("journal_mode = WAL");
    // Prisma's SQLite migrations rebuild tables (create new, copy, drop old, rename) and
    // switch foreign keys off around that with PRAGMAs, which are no-ops inside a
    // transaction. Switch them off for the connection instead and check them before commit.
    db.pragma("foreign_keys = OFF");
    db.exec(SQLITE_MIGRATIONS_TABLE);
    for (const migration of migrations) {
      // Re-read the history under the write lock: another process may have just applied it.
      db.exec("BEGIN IMMEDIATE");
      try {
        const rows = db.prepare(`SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as HistoryRow[];
        assertNoFailedMigration(rows);
        if (appliedNames(rows).has(migration.name)) {
          db.exec("COMMIT");
          continue;
        }
        const startedAt = new Date();
        try {
          db.exec(migration.script);
          const violations = db.pragma("foreign_key_check") as unknown[];
          if (violations.length > 0) throw new Error(`foreign key violations: ${JSON.stringify(violations.slice(0, 5))}`);
        } catch (error) {
          throw migrationError(migration, error);
        }
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(randomUUID(), migration.checksum, sqliteTimestamp(new Date()), migration.name, sqliteTimestamp(startedAt));
        db.exec("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      }
    }
  } finally {
    db.close();
  }
  return applied;
}

async function applyPostgres(url: string, migrations: MigrationFile[], lockTimeoutMs: number): Promise<string[]> {
  // One dedicated connection: the advisory lock belongs to the session that took it.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await acquireAdvisoryLock(client, lockTimeoutMs);
    try {
      await client.query(POSTGRES_MIGRATIONS_TABLE);
      const { rows } = await client.query<HistoryRow>(
        `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`,
      );
      assertNoFailedMigration(rows);
      const done = appliedNames(rows);
      for (const migration of migrations) {
        if (done.has(migration.name)) continue;
        const startedAt = new Date();
        await client.query("BEGIN");
        try {
          // No parameters, so pg uses the simple query protocol, which runs a multi-statement
          // script as is (inside our transaction; Prisma's scripts contain no COMMIT).
          await client.query(migration.script);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
             VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)`,
            [randomUUID(), migration.checksum, migration.name, startedAt],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw migrationError(migration, error);
        }
        applied.push(migration.name);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
  return applied;
}

/** Polls pg_try_advisory_lock so a stuck holder turns into an error instead of a hang. */
async function acquireAdvisoryLock(client: pg.Client, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      PRISMA_ADVISORY_LOCK_KEY,
    ]);
    if (rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for the migration lock (another instance is migrating)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
