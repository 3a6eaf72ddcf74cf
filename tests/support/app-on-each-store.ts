// The running app for one describe block on one store: SQLite always, PostgreSQL in a fresh
// database on TEST_DATABASE_URL's server (dropped after), its tests skipped with a note when
// that is not set. Use inside `describe.each(STORES)`.
import { afterAll, beforeAll } from "vitest";
import { startApp, tempPostgresUrl, type AppServer } from "./app-server";

export const STORES = ["SQLite", "PostgreSQL"] as const;
export type StoreName = (typeof STORES)[number];

export interface AppOnStore {
  /** The running app, in a test that called skipWithoutStore first. */
  readonly app: AppServer;
  skipWithoutStore(ctx: { skip: (note: string) => void }): void;
}

/** Starts the app on `store` before the block's tests and stops it after them. */
export function appOnStore(store: StoreName, env: Record<string, string> = {}): AppOnStore {
  let app: AppServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const temp = store === "PostgreSQL" ? await tempPostgresUrl() : undefined;
    if (temp === null) return;
    dropDatabase = temp?.drop;
    app = await startApp({ ...(temp ? { databaseUrl: temp.url } : {}), env });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await dropDatabase?.();
  });
  return {
    get app() {
      if (!app) throw new Error("The app is not running: call skipWithoutStore(ctx) first.");
      return app;
    },
    skipWithoutStore(ctx) {
      if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL skipped");
    },
  };
}
