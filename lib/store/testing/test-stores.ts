// Fresh, migrated stores for tests: a temporary SQLite file always, and a temporary PostgreSQL
// database when TEST_DATABASE_URL names a server (null otherwise, so the test can say it skipped).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { tempPostgresUrl } from "../../../tests/support/app-server";
import { openStore, type Store } from "../db";
import { applyMigrations } from "../migrate";

export interface OpenedStore {
  store: Store;
  /** Closes the store and removes its database. */
  drop(): Promise<void>;
}

export const TEST_STORES: { name: "sqlite" | "postgresql"; open: () => Promise<OpenedStore | null> }[] = [
  {
    name: "sqlite",
    open: async () => {
      const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "flowprint-store-")), "db.sqlite")}`;
      await applyMigrations(url);
      const store = openStore(url);
      return { store, drop: () => store.close() };
    },
  },
  {
    name: "postgresql",
    open: async () => {
      const database = await tempPostgresUrl();
      if (!database) return null;
      await applyMigrations(database.url);
      const store = openStore(database.url);
      return {
        store,
        drop: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];

export const POSTGRES_SKIPPED = "TEST_DATABASE_URL is not set: PostgreSQL skipped";
