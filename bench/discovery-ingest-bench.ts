// Ingest with discovery on against a store-only receiver, in the same run: OTLP/HTTP protobuf
// requests of 512 spans (8-span traces, every span unique, gzip) at 1, 4 and 16 senders, first to
// Flowprint with a workspace's default settings (discovery on, 10 s idle window), then to
// bench/store-only-receiver.ts (decode + one SQLite transaction per request). Prints per level
// both throughputs and their ratio, Flowprint's p99 and slowest request, peak RSS and CPU
// seconds per million spans of each, and how long after the last acknowledged request every
// trace had been discovered (the idle window included).
// The load is a burst: at these rates every request is answered within seconds, before the first
// trace has been idle for 10 s, so discovery runs after the load rather than beside it. Sustained
// load, where completion competes with ingest, needs more distinct traces than are worth
// building in advance.
//
//   npx tsx bench/discovery-ingest-bench.ts [--requests=200]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startApp, tempSqliteUrl } from "../tests/support/app-server";
import { sqliteFilePath } from "../lib/store/database-url";
import { getJson } from "./http-without-keep-alive";
import { payloads, runLevel, sendOtlp, SPANS_PER_REQUEST, SPANS_PER_TRACE, type LevelResult } from "./load-sender";

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const REQUESTS = Number(args.get("requests") ?? 200);
const WARMUP_REQUESTS = 8;
const CONCURRENCY = [1, 4, 16];
const DISCOVERY_WAIT_MS = 180_000;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const perMillion = (level: LevelResult) => (level.cpuSeconds / (REQUESTS * SPANS_PER_REQUEST)) * 1e6;

/** Seconds from the last acknowledged request until flows account for every trace sent. */
async function discoveredAfterS(baseUrl: string, traces: number, endedAt: number): Promise<number | null> {
  const deadline = performance.now() + DISCOVERY_WAIT_MS;
  while (performance.now() < deadline) {
    const { flows } = await getJson<{ flows: { occurrence_count: number }[] }>(`${baseUrl}/api/v1/workspaces/bench/telemetry/flows?limit=500`);
    if (flows.reduce((sum, f) => sum + f.occurrence_count, 0) >= traces) return (performance.now() - endedAt) / 1000;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

async function flowprintLevel(bodies: { warmup: Uint8Array[]; measured: Uint8Array[] }, concurrency: number) {
  const url = tempSqliteUrl();
  const app = await startApp({ databaseUrl: url });
  try {
    for (const body of bodies.warmup) await sendOtlp(app.baseUrl, body);
    const level = await runLevel(app.baseUrl, app.pid, bodies.measured, concurrency);
    const traces = ((bodies.warmup.length + bodies.measured.length) * SPANS_PER_REQUEST) / SPANS_PER_TRACE;
    return { level, discoveredAfter: await discoveredAfterS(app.baseUrl, traces, level.endedAt) };
  } finally {
    await app.stop();
    rmSync(path.dirname(sqliteFilePath(url)), { recursive: true, force: true });
  }
}

async function receiverLevel(bodies: { warmup: Uint8Array[]; measured: Uint8Array[] }, concurrency: number): Promise<LevelResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "flowprint-receiver-"));
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/store-only-receiver.ts", path.join(dir, "spans.db"), String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
      child.once("exit", (code) => reject(new Error(`the store-only receiver exited with ${code}`)));
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    for (const body of bodies.warmup) await sendOtlp(baseUrl, body);
    return await runLevel(baseUrl, child.pid!, bodies.measured, concurrency);
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`Flowprint ingest with discovery against a store-only receiver: ${REQUESTS} requests of ${SPANS_PER_REQUEST} spans (${SPANS_PER_TRACE}-span traces) per level, SQLite`);
  const bodies = { warmup: payloads(WARMUP_REQUESTS), measured: payloads(REQUESTS) };
  console.log("| senders | Flowprint spans/s | store-only spans/s | ratio | Flowprint p99 / slowest | peak RSS (Flowprint / receiver) | CPU s per 1M spans (Flowprint / receiver) | every trace discovered |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const concurrency of CONCURRENCY) {
    const { level, discoveredAfter } = await flowprintLevel(bodies, concurrency);
    const receiver = await receiverLevel(bodies, concurrency);
    console.log(
      `| ${concurrency} | ${Math.round(level.spansPerSecond).toLocaleString("en-US")} | ${Math.round(receiver.spansPerSecond).toLocaleString("en-US")} | ${(level.spansPerSecond / receiver.spansPerSecond).toFixed(2)} | ` +
        `${level.p99.toFixed(0)} / ${level.maxMs.toFixed(0)} ms | ${mib(level.peakRss)} / ${mib(receiver.peakRss)} | ${perMillion(level).toFixed(0)} / ${perMillion(receiver).toFixed(0)} | ` +
        `${discoveredAfter === null ? `not within ${DISCOVERY_WAIT_MS / 1000} s` : `${discoveredAfter.toFixed(1)} s after the last request`} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
