// Ingest benchmark: OTLP/HTTP protobuf, 512-span gzip batches, through the running app.
//
//   npm run bench            SQLite, and PostgreSQL when TEST_DATABASE_URL (or BENCH_DATABASE_URL) is set
//   npm run bench -- --requests=200
//
// Prints, per store: throughput and request latency at 1, 4 and 16 concurrent senders, the
// app's peak RSS, bytes per span on disk, and two ceilings measured in this run with the same
// payloads: decode-only (gunzip + decode + normalize) and raw batched insert (appendSpans, one
// transaction per 512 spans, no HTTP: the writer thread's code on SQLite, the adapter path on
// PostgreSQL). The ratio compares ingest to the lower ceiling.
import { execFileSync } from "node:child_process";
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import pg from "pg";
import { decodeTraceRequest } from "../lib/otlp";
import type { Span } from "../lib/otlp/span";
import { appendSpans } from "../lib/store/append-spans";
import { openStore } from "../lib/store/db";
import { applyMigrations } from "../lib/store/migrate";
import { sqliteFilePath } from "../lib/store/database-url";
import { sqlDialect } from "../lib/store/sql-dialect";
import { buildSpanBatch } from "../lib/store/span-batch";
import { SQLITE_PRAGMAS } from "../lib/store/sqlite-pragmas";
import { SqliteSpanBatchWriter } from "../lib/store/sqlite-writer/write-span-batches";
import { startApp, tempPostgresUrl, tempSqliteUrl } from "../tests/support/app-server";
import { payloads, runLevel, sendOtlp, SPANS_PER_REQUEST } from "./load-sender";

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const REQUESTS = Number(args.get("requests") ?? 200);
const CONCURRENCY = [1, 4, 16];
const WARMUP_REQUESTS = 8;

function decodeCeiling(bodies: Uint8Array[]): { spansPerSecond: number; batches: Span[][] } {
  const batches: Span[][] = [];
  // One untimed pass so the JIT has seen the code, as it has in the warmed-up app.
  for (const body of bodies.slice(0, WARMUP_REQUESTS)) decodeTraceRequest(gunzipSync(body), "protobuf", "bench");
  const started = performance.now();
  for (const body of bodies) batches.push(decodeTraceRequest(gunzipSync(body), "protobuf", "bench").spans);
  return { spansPerSecond: (bodies.length * SPANS_PER_REQUEST) / ((performance.now() - started) / 1000), batches };
}

async function insertCeiling(url: string, warmup: Span[][], batches: Span[][]): Promise<number> {
  await applyMigrations(url);
  if (url.startsWith("file:")) return sqliteInsertCeiling(url, warmup, batches);
  const store = openStore(url);
  try {
    await store.prisma.$executeRawUnsafe("INSERT INTO workspaces (id, name, created_at_ms) VALUES ('bench', 'bench', 0) ON CONFLICT DO NOTHING");
    for (const batch of warmup) await appendSpans(store, batch);
    const started = performance.now();
    for (const batch of batches) await appendSpans(store, batch);
    return (batches.length * SPANS_PER_REQUEST) / ((performance.now() - started) / 1000);
  } finally {
    await store.close();
  }
}

/** The writer thread's own code, on this thread, one transaction per 512-span batch. */
function sqliteInsertCeiling(url: string, warmup: Span[][], batches: Span[][]): number {
  const db = new Database(sqliteFilePath(url));
  db.exec(SQLITE_PRAGMAS);
  const writer = new SqliteSpanBatchWriter(db);
  const dialect = sqlDialect("sqlite");
  const toBatch = (spans: Span[]) => buildSpanBatch(dialect, spans, Date.now());
  for (const batch of warmup) writer.write([toBatch(batch)]);
  const started = performance.now();
  for (const batch of batches) writer.write([toBatch(batch)]);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return (batches.length * SPANS_PER_REQUEST) / seconds;
}

async function bytesPerSpan(url: string): Promise<number> {
  if (url.startsWith("file:")) {
    const file = sqliteFilePath(url);
    const store = openStore(url);
    const [{ n }] = await store.prisma.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM spans");
    await store.prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    await store.close();
    return statSync(file).size / Number(n);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    "SELECT (pg_total_relation_size('spans') + pg_total_relation_size('traces') + pg_total_relation_size('resources'))::float8 AS bytes, (SELECT count(*) FROM spans)::float8 AS n",
  );
  await client.end();
  return rows[0].bytes / rows[0].n;
}

interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Each level gets a fresh app and database, so levels compare like with like and each equals
 * the ceilings' conditions (same payloads, same store size): SQLite's inserts slow down as its
 * indexes outgrow the page cache, and carrying one level's data into the next would mix the
 * two effects.
 */
async function benchStore(name: string, newDatabase: () => Promise<BenchDatabase>, bodies: { warmup: Uint8Array[]; measured: Uint8Array[] }) {
  console.log(`\n== ${name}`);
  const results = [];
  let perSpan = 0;
  for (const concurrency of CONCURRENCY) {
    const database = await newDatabase();
    const app = await startApp({ databaseUrl: database.url });
    try {
      for (const body of bodies.warmup) await sendOtlp(app.baseUrl, body);
      const level = await runLevel(app.baseUrl, app.pid, bodies.measured, concurrency);
      results.push(level);
      console.log(
        `ingest  ${String(level.concurrency).padStart(2)} senders: ${Math.round(level.spansPerSecond).toLocaleString("en-US").padStart(8)} spans/s  ` +
          `p50 ${level.p50.toFixed(1)} ms  p99 ${level.p99.toFixed(1)} ms  peak RSS ${(level.peakRss / 2 ** 20).toFixed(0)} MiB`,
      );
    } finally {
      await app.stop();
    }
    perSpan = await bytesPerSpan(database.url);
    await database.drop();
  }
  const decode = decodeCeiling(bodies.measured);
  const warmup = bodies.warmup.map((body) => decodeTraceRequest(gunzipSync(body), "protobuf", "bench").spans);
  const ceilingDatabase = await newDatabase();
  const insert = await insertCeiling(ceilingDatabase.url, warmup, decode.batches);
  await ceilingDatabase.drop();
  const best = Math.max(...results.map((r) => r.spansPerSecond));
  const ceiling = Math.min(decode.spansPerSecond, insert);
  console.log(`disk    ${perSpan.toFixed(0)} bytes per span (spans, traces and resources tables with indexes)`);
  console.log(`ceiling decode only        ${Math.round(decode.spansPerSecond).toLocaleString("en-US").padStart(8)} spans/s`);
  console.log(`ceiling raw batched insert ${Math.round(insert).toLocaleString("en-US").padStart(8)} spans/s`);
  console.log(`ratio   best ingest / lower ceiling = ${Math.round(best).toLocaleString("en-US")} / ${Math.round(ceiling).toLocaleString("en-US")} = ${(best / ceiling).toFixed(2)}`);
}

async function main(): Promise<void> {
  console.log(`Flowprint ingest benchmark: ${REQUESTS} requests of ${SPANS_PER_REQUEST} spans per level, protobuf + gzip`);
  console.log(`machine: ${execFileSync("nproc").toString().trim()} cores, node ${process.version}`);
  const started = performance.now();
  const bodies = { warmup: payloads(WARMUP_REQUESTS), measured: payloads(REQUESTS) };
  const mean = bodies.measured.reduce((n, b) => n + b.byteLength, 0) / REQUESTS;
  console.log(`payloads built in ${((performance.now() - started) / 1000).toFixed(1)} s, ${(mean / 1024).toFixed(0)} KiB gzip per request`);

  await benchStore("SQLite (embedded)", async () => {
    const url = tempSqliteUrl();
    return { url, drop: async () => rmSync(path.dirname(sqliteFilePath(url)), { recursive: true, force: true }) };
  }, bodies);
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (server) {
    await benchStore("PostgreSQL", async () => (await tempPostgresUrl(server))!, bodies);
  } else {
    console.log("\n== PostgreSQL skipped: set TEST_DATABASE_URL or BENCH_DATABASE_URL");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
