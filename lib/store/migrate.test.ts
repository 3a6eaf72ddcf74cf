// Proves the committed migrations build exactly what prisma/schema.prisma describes, on both
// stores, and that the runner records them the way Prisma does. The schema engine (WASM)
// judges: its diff between the migrated database and the rendered schema must be empty.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSchema, renderedSchemaPath, SOURCE_SCHEMA } from "../../scripts/render-schemas";
import type { Dialect } from "./database-url";
import { applyMigrations } from "./migrate";
import { migrationLockContent, migrationsDirFor, readMigrations } from "./migrations-folder";
import {
  diffDatabaseToSchema,
  migrationListOf,
  openSchemaEngine,
  type EngineHandle,
  type SchemaFile,
} from "./schema-engine";

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const tmp = mkdtempSync(path.join(os.tmpdir(), "flowprint-migrate-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function schemaOf(dialect: Dialect): SchemaFile {
  const file = renderedSchemaPath(dialect);
  return { path: file, content: readFileSync(file, "utf8") };
}

const migrationNames = (dialect: Dialect) => readMigrations(migrationsDirFor(dialect)).map((m) => m.name);

async function withEngine<T>(url: string, dialect: Dialect, run: (handle: EngineHandle) => Promise<T>): Promise<T> {
  const handle = await openSchemaEngine(url, { schema: schemaOf(dialect) });
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
}

/** What `prisma migrate status` reports, from the same engine call. */
async function migrateStatus(url: string, dialect: Dialect) {
  return withEngine(url, dialect, (handle) =>
    handle.engine.diagnoseMigrationHistory({
      migrationsList: migrationListOf(migrationsDirFor(dialect), dialect),
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
}

describe("rendered schemas", () => {
  it.each(["sqlite", "postgresql"] as const)("prisma/%s/schema.prisma is up to date (else: npm run db:generate)", (dialect) => {
    const source = readFileSync(SOURCE_SCHEMA, "utf8");
    expect(readFileSync(renderedSchemaPath(dialect), "utf8")).toBe(renderSchema(source, dialect));
  });
});

describe("SQLite migrations", () => {
  const url = `file:${path.join(tmp, "nested", "flowprint.db")}`;

  it("apply all migrations to a fresh file, creating its folder", async () => {
    expect(migrationNames("sqlite").length).toBeGreaterThan(0);
    await expect(applyMigrations(url)).resolves.toEqual({ applied: migrationNames("sqlite") });
  });

  it("produce exactly the schema (empty diff)", async () => {
    await expect(withEngine(url, "sqlite", (h) => diffDatabaseToSchema(h, schemaOf("sqlite")))).resolves.toBe("");
  });

  it("are recorded as Prisma records them (migrate status: in sync)", async () => {
    await expect(migrateStatus(url, "sqlite")).resolves.toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  });

  it("apply nothing the second time", async () => {
    await expect(applyMigrations(url)).resolves.toEqual({ applied: [] });
  });

  it("the diff is not trivially empty: a missing index shows", async () => {
    const other = `file:${path.join(tmp, "missing-index.db")}`;
    await applyMigrations(other);
    const db = new Database(path.join(tmp, "missing-index.db"));
    db.exec(`DROP INDEX "spans_workspace_id_start_ns_idx"`);
    db.close();
    const diff = await withEngine(other, "sqlite", (h) => diffDatabaseToSchema(h, schemaOf("sqlite")));
    expect(diff).toContain("spans_workspace_id_start_ns_idx");
  });

  it("a failing migration leaves neither changes nor a history row", async () => {
    const dir = path.join(tmp, "bad-migrations");
    await mkdir(path.join(dir, "20000101000000_good"), { recursive: true });
    await mkdir(path.join(dir, "20000101000001_bad"), { recursive: true });
    await writeFile(path.join(dir, "migration_lock.toml"), migrationLockContent("sqlite"));
    await writeFile(path.join(dir, "20000101000000_good", "migration.sql"), `CREATE TABLE "a" ("id" TEXT);\n`);
    await writeFile(path.join(dir, "20000101000001_bad", "migration.sql"), `CREATE TABLE "b" ("id" TEXT);\nSELECT nope FROM nowhere;\n`);
    const badUrl = `file:${path.join(tmp, "bad.db")}`;
    await expect(applyMigrations(badUrl, { migrationsDir: dir })).rejects.toThrow(/20000101000001_bad failed/);
    const db = new Database(path.join(tmp, "bad.db"));
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    const rows = db.prepare(`SELECT migration_name FROM "_prisma_migrations"`).pluck().all();
    db.close();
    expect(tables).toEqual(["_prisma_migrations", "a"]);
    expect(rows).toEqual(["20000101000000_good"]);
  });
});

describe.skipIf(!TEST_DATABASE_URL)("PostgreSQL migrations", () => {
  const database = `flowprint_migrate_test_${process.pid}_${Date.now()}`;
  let url = "";

  async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE "${database}"`));
    const target = new URL(TEST_DATABASE_URL!);
    target.pathname = `/${database}`;
    url = target.toString();
  });
  afterAll(async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  });

  it("two instances migrating at once both succeed and apply each migration once", async () => {
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    const applied = results.flatMap((result) => result.applied).sort();
    expect(applied).toEqual(migrationNames("postgresql"));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    await client.end();
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames("postgresql"));
  });

  it("produce exactly the schema (empty diff)", async () => {
    await expect(withEngine(url, "postgresql", (h) => diffDatabaseToSchema(h, schemaOf("postgresql")))).resolves.toBe("");
  });

  it("are recorded as Prisma records them (migrate status: in sync)", async () => {
    await expect(migrateStatus(url, "postgresql")).resolves.toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  });

  it("apply nothing the second time", async () => {
    await expect(applyMigrations(url)).resolves.toEqual({ applied: [] });
  });
});

if (!TEST_DATABASE_URL) {
  console.warn("migrate.test.ts: TEST_DATABASE_URL is not set, so the PostgreSQL migration tests are skipped.");
}
