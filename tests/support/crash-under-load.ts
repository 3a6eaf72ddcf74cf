// kill -9 under load, shared by tests/integration/restart-recovery.test.ts and the discovery
// ingest benchmark: requests of 8-span traces made with the official SDK, senders that note which
// requests were acknowledged, a kill that lands while traces are claimed for discovery, and
// probes that read a store directly (the app is dead or busy).
import Database from "better-sqlite3";
import pg from "pg";
import { createSdkSpans, hrTimeNow, serializeProtobufRequest } from "../../lib/otlp/testing/create-sdk-request";
import { sqliteFilePath } from "../../lib/store/database-url";
import type { AppServer } from "./app-server";

export const WORKSPACE = "crash";
export const SPANS_PER_TRACE = 8;
const TRACES_PER_REQUEST = 16;
/** Far beyond the 15 s lease plus a restart, far below the five minutes of fixed claims. */
export const RECOVERY_DEADLINE_MS = 120_000;

export type Requests = { bodies: Uint8Array[]; traceIds: string[][] };

export function requests(count: number): Requests {
  const spans = createSdkSpans(count * TRACES_PER_REQUEST, hrTimeNow());
  const bodies: Uint8Array[] = [];
  const traceIds: string[][] = [];
  const per = TRACES_PER_REQUEST * SPANS_PER_TRACE;
  for (let i = 0; i < count; i++) {
    const slice = spans.slice(i * per, (i + 1) * per);
    bodies.push(serializeProtobufRequest(slice));
    traceIds.push([...new Set(slice.map((s) => s.spanContext().traceId))]);
  }
  return { bodies, traceIds };
}

/** What a database can tell about the traces sent. */
export interface Probe {
  /** Traces claimed for discovery, by any instance or by the one named. */
  claimedTraces(claimedBy?: string): Promise<number>;
  /** Of these traces: how many spans are stored, and how many traces have a flow. */
  stored(traceIds: string[]): Promise<{ spans: number; discovered: number }>;
  close(): Promise<void>;
}

export function sqliteProbe(url: string): Probe {
  const db = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  const inList = (ids: string[]) => ids.map(() => "?").join(", ");
  return {
    claimedTraces: async (claimedBy) =>
      (
        (claimedBy
          ? db.prepare("SELECT count(*) AS n FROM traces WHERE state = 'processing' AND claimed_by = ?").get(claimedBy)
          : db.prepare("SELECT count(*) AS n FROM traces WHERE state = 'processing'").get()) as { n: number }
      ).n,
    stored: async (ids) => ({
      spans: (db.prepare(`SELECT count(*) AS n FROM spans WHERE workspace_id = ? AND trace_id IN (${inList(ids)})`).get(WORKSPACE, ...ids) as { n: number }).n,
      discovered: (db.prepare(`SELECT count(*) AS n FROM trace_flows WHERE workspace_id = ? AND trace_id IN (${inList(ids)})`).get(WORKSPACE, ...ids) as { n: number }).n,
    }),
    close: async () => void db.close(),
  };
}

export function postgresProbe(url: string): Probe {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const count = async (sql: string, params: unknown[]) => Number((await pool.query<{ n: string }>(sql, params)).rows[0].n);
  return {
    claimedTraces: (claimedBy) =>
      claimedBy
        ? count("SELECT count(*) AS n FROM traces WHERE state = 'processing' AND claimed_by = $1", [claimedBy])
        : count("SELECT count(*) AS n FROM traces WHERE state = 'processing'", []),
    stored: async (ids) => ({
      spans: await count("SELECT count(*) AS n FROM spans WHERE workspace_id = $1 AND trace_id = ANY($2)", [WORKSPACE, ids]),
      discovered: await count("SELECT count(*) AS n FROM trace_flows WHERE workspace_id = $1 AND trace_id = ANY($2)", [WORKSPACE, ids]),
    }),
    close: () => pool.end(),
  };
}

export async function post(app: AppServer, body: Uint8Array): Promise<boolean> {
  try {
    const response = await fetch(`${app.baseUrl}/v1/traces`, { method: "POST", headers: { "content-type": "application/x-protobuf", "x-workspace-id": WORKSPACE }, body: Buffer.from(body) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Sends requests at 4 senders until the database shows traces claimed for discovery, then kills
 * the server; returns the trace ids of the acknowledged requests. Null when every request was
 * sent before a claim was seen (the caller tries again with more).
 */
export async function loadThenKill(app: AppServer, probe: Probe, load: Requests, from: number): Promise<{ acked: string[]; next: number; claimed: number } | null> {
  const acked: string[] = [];
  let next = from;
  let killed = false;
  let claimedAtKill = 0;
  const senders = Array.from({ length: 4 }, async () => {
    while (!killed && next < load.bodies.length) {
      const i = next++;
      if (await post(app, load.bodies[i])) acked.push(...load.traceIds[i]);
    }
  });
  const watcher = (async () => {
    while (!killed && next < load.bodies.length) {
      const claimed = await probe.claimedTraces();
      if (claimed > 0) {
        killed = true;
        claimedAtKill = claimed;
        await app.kill();
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await Promise.all([...senders, watcher]);
  if (!killed) return null;
  // Claims seen just before the kill may have been completed in the last moment: count again.
  return { acked, next, claimed: Math.min(claimedAtKill, await probe.claimedTraces()) };
}

export async function waitForDiscovery(probe: Probe, traceIds: string[]): Promise<{ spans: number; discovered: number; afterMs: number }> {
  const started = Date.now();
  for (;;) {
    const stored = await probe.stored(traceIds);
    if (stored.discovered >= traceIds.length || Date.now() - started > RECOVERY_DEADLINE_MS) return { ...stored, afterMs: Date.now() - started };
    await new Promise((r) => setTimeout(r, 250));
  }
}

