// Loads Prisma's WASM schema engine (the `prisma` CLI's own engine is a native binary that
// cannot be downloaded here). Used by scripts and tests only: keep it out of anything a
// Next.js server bundle imports (lib/store/migrate.ts and lib/store/db.ts do not import it).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { Dialect } from "./database-url";
import { dialectOf, sqliteFilePath } from "./database-url";
import { MIGRATION_LOCK_FILE, migrationLockContent, readMigrations } from "./migrations-folder";

export type { SchemaEngine };

let wasmReady: Promise<void> | undefined;
let lastPanic: string | undefined;

/** The message of the last Rust panic inside the engine, if any (for error reports). */
export function lastEnginePanic(): string | undefined {
  return lastPanic;
}

/**
 * The package's entry point `import`s the .wasm as an ES module, which Node 20 refuses, so
 * the module is instantiated by hand against the package's JS glue (`schema_engine_bg.js`).
 */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The engine reports a Rust panic's message through this global before throwing a
    // bare "unreachable"; without it the panic hook itself crashes with a TypeError.
    const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(glue.replace(/schema_engine_bg\.js$/, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start?: () => void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
  })();
  return wasmReady;
}

/** A schema engine plus whatever must be cleaned up after it. */
export interface EngineHandle {
  engine: SchemaEngine;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface SchemaFile {
  path: string;
  content: string;
}

interface Options {
  /** The rendered Prisma schema of this database's provider; the engine panics without one. */
  schema: SchemaFile;
  /** Engine log lines (JSON strings); silent by default. */
  log?: (line: string) => void;
}

/**
 * Opens a schema engine on the database at `url`. For PostgreSQL the shadow database the
 * engine needs to replay a migrations folder is a scratch `flowprint_shadow_*` database on
 * the same server, created on demand and dropped by close().
 */
export async function openSchemaEngine(url: string, options: Options): Promise<EngineHandle> {
  await loadWasm();
  const dialect = dialectOf(url);
  const cleanups: Array<() => Promise<void>> = [];
  let factory: SqlMigrationAwareDriverAdapterFactory;
  if (dialect === "sqlite") {
    // The adapter's shadow database defaults to `:memory:`: nothing to clean up.
    factory = new PrismaBetterSqlite3({ url: sqliteFilePath(url) });
  } else {
    factory = postgresFactoryWithScratchShadow(url, cleanups);
  }
  const datamodels: [string, string][] = [[options.schema.path, options.schema.content]];
  const log = options.log ?? (() => {});
  const engine = await bg.SchemaEngine.new(
    { datamodels },
    log,
    bindMigrationAwareSqlAdapterFactory(disposingFactory(factory, cleanups)),
  );
  return {
    engine,
    dialect,
    async close() {
      engine.free();
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}

/**
 * PostgreSQL catalog columns of types @prisma/adapter-pg 7.10 does not map (`"char"` such as
 * pg_class.relkind, vectors, reg* types) make it throw UnsupportedNativeDataType while the
 * engine describes a schema. pg already returned their values as strings, so relabelling
 * them as `text` is exact. OIDs: 18 "char", 22 int2vector, 24 regproc, 30 oidvector,
 * 194 pg_node_tree, 2205 regclass, 2206 regtype, 3734 regconfig. Only pool.query results
 * are relabelled, which is all the engine's schema description uses.
 */
const CATALOG_TEXT_OIDS = new Set([18, 22, 24, 30, 194, 2205, 2206, 3734]);
const TEXT_OID = 25;

function relabelCatalogTypes<T>(result: T): T {
  const fields = (result as { fields?: Array<{ dataTypeID: number }> } | undefined)?.fields;
  for (const field of fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/** A pool whose query results never carry the catalog types above. */
function catalogSafePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    return result instanceof Promise ? result.then(relabelCatalogTypes) : result;
  };
  return pool;
}

/**
 * engine.free() does not close the connections the engine opened, and an open SQLite
 * connection keeps its file locked: remember every adapter so close() can dispose of it.
 */
function disposingFactory(
  factory: SqlMigrationAwareDriverAdapterFactory,
  cleanups: Array<() => Promise<void>>,
): SqlMigrationAwareDriverAdapterFactory {
  const remember = async (adapter: Promise<SqlDriverAdapter>) => {
    const connected = await adapter;
    cleanups.push(() => connected.dispose().catch(() => {}));
    if (connected.provider === "sqlite") acceptMultiStatementExecuteRaw(connected);
    return connected;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => remember(factory.connect()),
    connectToShadowDb: () => remember(factory.connectToShadowDb()),
  };
}

/**
 * To replay migrations on the SQLite shadow database the engine sends each whole
 * migration.sql through executeRaw, which better-sqlite3 refuses ("The supplied SQL string
 * contains more than one statement"). Such parameterless scripts go to executeScript
 * (better-sqlite3's exec) instead. An own property, so the adapter's private fields still work.
 */
function acceptMultiStatementExecuteRaw(adapter: SqlDriverAdapter): void {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      const multiStatement = error instanceof RangeError && /more than one statement/.test(error.message);
      if (!multiStatement || query.args.length > 0) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
}

function postgresFactoryWithScratchShadow(
  url: string,
  cleanups: Array<() => Promise<void>>,
): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPg(catalogSafePool(url), { disposeExternalPool: true });
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    // PrismaPg's own connectToShadowDb spreads `database` over a connection string, which pg
    // then ignores (the string wins), so it would "shadow" the main database. Do it here.
    async connectToShadowDb() {
      const name = `flowprint_shadow_${randomUUID().replace(/-/g, "")}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const adapter = await new PrismaPg(catalogSafePool(shadowUrl.toString()), {
        disposeExternalPool: true,
      }).connect();
      cleanups.push(async () => {
        await adapter.dispose().catch(() => {});
        const drop = new pg.Client({ connectionString: url });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await drop.end();
      });
      return adapter;
    },
  };
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * A migrations folder in the engine's shape. The lock file's content is always given: the
 * engine reads the provider from it and refuses a folder without one, even an empty folder.
 */
export function migrationListOf(dir: string, dialect: Dialect): MigrationList {
  return {
    baseDir: dir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: migrationLockContent(dialect) },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations(dir).map((migration) => ({
      path: migration.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: migration.script } },
    })),
  };
}

/**
 * The SQL that takes a database built by the migrations in `dir` to `schema` ("" when they
 * already agree). The engine replays the migrations on a shadow database (SQLite: in
 * memory; PostgreSQL: a scratch database), because WASM createMigration cannot reach one.
 */
export async function diffMigrationsToSchema(handle: EngineHandle, dir: string, schema: SchemaFile): Promise<string> {
  const result = await handle.engine.diff({
    from: { tag: "migrations", ...migrationListOf(dir, handle.dialect) },
    to: { tag: "schemaDatamodel", files: [schema] },
    script: true,
    exitCode: null,
    filters: NO_FILTERS,
  });
  return emptyMigrationToBlank(result.stdout ?? "");
}

/** The SQL that takes the engine's own database to `schema` ("" when they agree). */
export async function diffDatabaseToSchema(handle: EngineHandle, schema: SchemaFile): Promise<string> {
  const result = await handle.engine.diff({
    from: { tag: "schemaDatasource", files: [schema], configDir: path.dirname(schema.path) },
    to: { tag: "schemaDatamodel", files: [schema] },
    script: true,
    exitCode: null,
    filters: NO_FILTERS,
  });
  return emptyMigrationToBlank(result.stdout ?? "");
}

/** An empty diff script is a comment, `-- This is an empty migration.`, not "". */
function emptyMigrationToBlank(script: string): string {
  return script.replace(/^-- This is an empty migration\.\s*$/m, "").trim();
}
