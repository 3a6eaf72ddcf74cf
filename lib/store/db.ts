// The one module that creates Prisma clients. Both stores share the model API; the SQLite
// client's type stands for both (the PostgreSQL client is generated from the same models).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client";
import { databaseUrl, dialectOf, sqliteFilePath, type Dialect } from "./database-url";
import { SQLITE_BUSY_TIMEOUT_MS, SQLITE_PRAGMAS } from "./sqlite-pragmas";

export { databaseUrl };
export type { Dialect };
export type { PrismaClient };

export interface Store {
  prisma: PrismaClient;
  dialect: Dialect;
  url: string;
  /**
   * The driver adapter connection Prisma itself uses, for the hot ingest path: Prisma's raw
   * queries serialize every parameter through JSON, which costs 3-4x on 10,000-parameter
   * INSERTs. Sharing Prisma's connection (not opening a second one) keeps SQLite at one
   * writer, so the adapter's transaction mutex orders ingest and ORM writes.
   */
  driver(): Promise<SqlDriverAdapter>;
  close(): Promise<void>;
}



/**
 * The better-sqlite3 adapter has no hook for connection set-up, so wrap its factory: the
 * pragmas run on the connection before Prisma sends its first query.
 */
function sqliteAdapterFactory(file: string, onConnect: (adapter: SqlDriverAdapter) => void): SqlDriverAdapterFactory {
  // `timeout` is better-sqlite3's busy timeout; the pragma above repeats it for clarity.
  const inner = new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await inner.connect();
      await adapter.executeScript(SQLITE_PRAGMAS);
      onConnect(adapter);
      return adapter;
    },
  };
}

function capturingFactory(inner: SqlDriverAdapterFactory, onConnect: (adapter: SqlDriverAdapter) => void): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await inner.connect();
      onConnect(adapter);
      return adapter;
    },
  };
}

function poolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

/** A new client for `url` (default DATABASE_URL) with the driver adapter its dialect needs. */
export function openStore(url: string = databaseUrl()): Store {
  const dialect = dialectOf(url);
  let prisma: PrismaClient;
  let connected: SqlDriverAdapter | null = null;
  const remember = (adapter: SqlDriverAdapter) => {
    connected = adapter;
  };
  if (dialect === "sqlite") {
    const file = sqliteFilePath(url);
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    prisma = new PrismaClient({ adapter: sqliteAdapterFactory(file, remember) });
  } else {
    const adapter = capturingFactory(new PrismaPg({ connectionString: url, max: poolSize() }), remember);
    // Same models, same API: only the SQL it compiles to differs.
    prisma = new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  const driver = async (): Promise<SqlDriverAdapter> => {
    if (!connected) await prisma.$connect();
    if (!connected) throw new Error("The database driver adapter did not connect.");
    return connected;
  };
  return { prisma, dialect, url, driver, close: () => prisma.$disconnect() };
}

// On globalThis so Next.js dev hot reloads, which re-evaluate this module, reuse the client
// instead of opening a new pool (or SQLite connection) per edit.
const globalForStore = globalThis as typeof globalThis & { __flowprintStore?: Store };

/** The process-wide store for DATABASE_URL. */
export function getStore(): Store {
  if (!globalForStore.__flowprintStore) {
    const store = openStore();
    globalForStore.__flowprintStore = {
      ...store,
      // Closing the shared store forgets it, so a later getStore() opens a fresh one.
      async close() {
        if (globalForStore.__flowprintStore?.prisma === store.prisma) delete globalForStore.__flowprintStore;
        await store.close();
      },
    };
  }
  return globalForStore.__flowprintStore;
}
