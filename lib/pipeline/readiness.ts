// Ready to serve: the database answers and has every migration this build ships. A load balancer
// sends traffic only to ready instances; a probe must not hang, so the check has a deadline.
import { pendingMigrations, pingDatabase } from "../store/operability-queries";
import { getRuntime } from "./runtime";

export interface Readiness {
  ready: boolean;
  checks: { database: "ok" | string; migrations: "ok" | string };
}

const DEADLINE_MS = 5_000;

function withDeadline<T>(work: Promise<T>): Promise<T> {
  const late = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error(`no answer within ${DEADLINE_MS} ms`)), DEADLINE_MS).unref();
  });
  return Promise.race([work, late]);
}

export async function readiness(): Promise<Readiness> {
  const { store } = getRuntime();
  try {
    await withDeadline(pingDatabase(store));
  } catch (error) {
    return { ready: false, checks: { database: `unreachable: ${error instanceof Error ? error.message : String(error)}`, migrations: "not checked" } };
  }
  try {
    const pending = await withDeadline(pendingMigrations(store));
    if (pending.length > 0) return { ready: false, checks: { database: "ok", migrations: `${pending.length} not applied: ${pending.slice(0, 5).join(", ")}` } };
  } catch (error) {
    return { ready: false, checks: { database: "ok", migrations: `unknown: ${error instanceof Error ? error.message : String(error)}` } };
  }
  return { ready: true, checks: { database: "ok", migrations: "ok" } };
}
