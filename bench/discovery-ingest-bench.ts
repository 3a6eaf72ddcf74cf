// Ingest with discovery on against a store-only receiver, in the same run: OTLP/HTTP protobuf
// requests of 512 spans (8-span traces, every span unique, gzip) at 1, 4 and 16 senders, first to
// Flowprint with a workspace's default settings (discovery on, 10 s idle window), then to
// bench/store-only-receiver.ts (decode + one SQLite transaction per request). Prints per level
// both throughputs and their ratio, both p99s, Flowprint's slowest request, peak RSS and CPU
// seconds per million spans of each, and how long after the last acknowledged request every
// trace had been discovered (the idle window included; when not within 180 s, the server's
// last log lines too).
// By default the load is a burst: every request is answered within seconds, before the first
// trace has been idle for 10 s, so discovery runs after the load rather than beside it.
// --seconds=N sends distinct requests for N seconds per level instead (sustained load, where
// completion competes with ingest) and prints the most traces that were overdue at any time:
// acknowledged more than the idle window + 5 s before yet not discovered.
//
// Then, on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL): the same load with discovery at
// 16 senders against one instance and against two sharing the database. Last, recovery from
// kill -9 under load: on SQLite the seconds from the restart until every acknowledged trace is
// discovered, on PostgreSQL (two instances, one killed) the seconds from the death.
//
//   npx tsx bench/discovery-ingest-bench.ts [--requests=200] [--seconds=600] [--levels=1,4,16] (--levels= skips SQLite levels)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startApp, tempPostgresUrl, tempSqliteUrl, type AppServer } from "../tests/support/app-server";
import { loadThenKill, postgresProbe, requests, sqliteProbe, waitForDiscovery, WORKSPACE, type Probe } from "../tests/support/crash-under-load";
import { sqliteFilePath } from "../lib/store/database-url";
import { getJson } from "./http-without-keep-alive";
import { distinctRequests, payloads, runForSeconds, runLevel, sendOtlp, SPANS_PER_REQUEST, SPANS_PER_TRACE, type LevelResult } from "./load-sender";

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const REQUESTS = Number(args.get("requests") ?? 200);
const WARMUP_REQUESTS = 8;
const CONCURRENCY = (args.get("levels") ?? "1,4,16").split(",").filter(Boolean).map(Number);
const SECONDS = args.has("seconds") ? Number(args.get("seconds")) : null;
const DISCOVERY_WAIT_MS = 180_000;
/** A workspace's default trace_idle_ms, plus the 5 s a trace may take to be discovered after it. */
const DUE_AFTER_MS = 10_000 + 5_000;
const TRACES_PER_REQUEST = SPANS_PER_REQUEST / SPANS_PER_TRACE;

type Load = { warmup: Uint8Array[]; measured: Uint8Array[]; next: () => Uint8Array };

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const perMillion = (level: LevelResult & { requests?: number }) => (level.cpuSeconds / ((level.requests ?? REQUESTS) * SPANS_PER_REQUEST)) * 1e6;

async function discoveredTraces(baseUrl: string): Promise<number> {
  const { flows } = await getJson<{ flows: { occurrence_count: number }[] }>(`${baseUrl}/api/v1/workspaces/bench/telemetry/flows?limit=500`);
  return flows.reduce((sum, f) => sum + f.occurrence_count, 0);
}

/** The burst, or --seconds of distinct requests; with the share of the machine's CPU busy meanwhile. */
async function sendLoad(
  baseUrl: string,
  pid: number,
  load: Load,
  concurrency: number,
  onTick?: (answered: number) => Promise<void>,
): Promise<LevelResult & { requests: number; machineBusy: number }> {
  const before = machineCpu();
  const level =
    SECONDS === null
      ? await runLevel(baseUrl, pid, load.measured, concurrency).then((level) => ({ ...level, requests: load.measured.length }))
      : await runForSeconds(baseUrl, pid, load.next, concurrency, SECONDS, onTick);
  const after = machineCpu();
  // Senders, receivers and database share the machine: near 100%, no core is left to use.
  return { ...level, machineBusy: (after.busy - before.busy) / (after.total - before.total) };
}

/** Seconds from the last acknowledged request until flows account for every trace sent. */
async function discoveredAfterS(baseUrl: string, traces: number, endedAt: number): Promise<number | null> {
  const deadline = performance.now() + DISCOVERY_WAIT_MS;
  while (performance.now() < deadline) {
    if ((await discoveredTraces(baseUrl)) >= traces) return (performance.now() - endedAt) / 1000;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

async function flowprintLevel(load: Load, concurrency: number) {
  const url = tempSqliteUrl();
  const app = await startApp({ databaseUrl: url });
  try {
    for (const body of load.warmup) await sendOtlp(app.baseUrl, body);
    const warmupTraces = load.warmup.length * TRACES_PER_REQUEST;
    // The warm-up's traces are discovered before the load starts, so they are never overdue.
    await discoveredAfterS(app.baseUrl, warmupTraces, performance.now());
    // Requests answered at each tick, to tell which traces are due by now.
    const answeredAt: { at: number; answered: number }[] = [];
    let mostOverdue = 0;
    const level = await sendLoad(app.baseUrl, app.pid, load, concurrency, async (answered) => {
      const now = performance.now();
      answeredAt.push({ at: now, answered });
      const due = (answeredAt.filter((tick) => tick.at <= now - DUE_AFTER_MS).at(-1)?.answered ?? 0) * TRACES_PER_REQUEST;
      mostOverdue = Math.max(mostOverdue, due - ((await discoveredTraces(app.baseUrl)) - warmupTraces));
    });
    const traces = warmupTraces + level.requests * TRACES_PER_REQUEST;
    const discoveredAfter = await discoveredAfterS(app.baseUrl, traces, level.endedAt);
    // What the server said about it, when it fell behind.
    if (discoveredAfter === null) console.log(app.output().split("\n").filter((line) => line.includes("[flowprint]")).slice(-20).join("\n"));
    return { level, mostOverdue, discoveredAfter };
  } finally {
    await app.stop();
    rmSync(path.dirname(sqliteFilePath(url)), { recursive: true, force: true });
  }
}

async function receiverLevel(load: Load, concurrency: number): Promise<LevelResult & { machineBusy: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "flowprint-receiver-"));
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/store-only-receiver.ts", path.join(dir, "spans.db"), String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
      child.once("exit", (code) => reject(new Error(`the store-only receiver exited with ${code}`)));
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    for (const body of load.warmup) await sendOtlp(baseUrl, body);
    return await sendLoad(baseUrl, child.pid!, load, concurrency);
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The machine's CPU time so far, busy and in all (/proc/stat: idle and iowait count as idle). */
function machineCpu(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3]! - fields[4]!, total };
}

/** Load at `concurrency` senders split over several instances on one PostgreSQL database. */
async function postgresLevel(server: string, load: Load, instances: number, concurrency: number) {
  const database = (await tempPostgresUrl(server))!;
  const apps: AppServer[] = [];
  try {
    for (let i = 0; i < instances; i++) apps.push(await startApp({ databaseUrl: database.url }));
    for (const body of load.warmup) await sendOtlp(apps[0]!.baseUrl, body);
    // Each instance gets its share of the burst (the sustained generator is shared as it is).
    const share = (k: number): Load => ({ ...load, measured: load.measured.filter((_, i) => i % instances === k) });
    const levels = await Promise.all(apps.map((app, k) => sendLoad(app.baseUrl, app.pid, share(k), concurrency / instances)));
    const traces = (load.warmup.length + levels.reduce((n, l) => n + l.requests, 0)) * TRACES_PER_REQUEST;
    const endedAt = Math.max(...levels.map((l) => l.endedAt));
    return {
      spansPerSecond: levels.reduce((sum, l) => sum + l.spansPerSecond, 0),
      p99: Math.max(...levels.map((l) => l.p99)),
      machineBusy: Math.max(...levels.map((l) => l.machineBusy)),
      discoveredAfter: await discoveredAfterS(apps[0]!.baseUrl, traces, endedAt),
    };
  } finally {
    for (const app of apps) await app.stop();
    await database.drop();
  }
}

async function shortIdleWindow(app: AppServer): Promise<void> {
  await fetch(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/settings/telemetry`, { method: "PUT", body: JSON.stringify({ trace_idle_ms: 200 }) });
}

/** kill -9 while the started instance holds claims; seconds from the kill until every acknowledged trace is discovered. */
async function recoverySeconds(start: () => Promise<AppServer>, probe: Probe, onKilled: () => Promise<void>) {
  const load = requests(2_000);
  let from = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const app = await start();
    await shortIdleWindow(app);
    const instance = ((await (await fetch(`${app.baseUrl}/api/health`)).json()) as { instance: string }).instance;
    const run = await loadThenKill(app, { ...probe, claimedTraces: () => probe.claimedTraces(instance) }, load, from);
    if (!run) break;
    from = run.next;
    if (run.claimed === 0) continue;
    const killedAt = performance.now();
    await onKilled();
    const restartedAt = performance.now();
    const result = await waitForDiscovery(probe, run.acked);
    return { claimed: run.claimed, acked: run.acked.length, discovered: result.discovered, seconds: (performance.now() - killedAt) / 1000, restartSeconds: (restartedAt - killedAt) / 1000 };
  }
  return null;
}

function printRecovery(label: string, result: Awaited<ReturnType<typeof recoverySeconds>>, since: string): void {
  if (!result) return console.log(`| ${label} | no kill landed while traces were claimed | | |`);
  console.log(
    `| ${label} | ${result.claimed} | ${result.discovered.toLocaleString("en-US")} of ${result.acked.toLocaleString("en-US")} | ` +
      `${(result.seconds - result.restartSeconds).toFixed(1)} s after the ${since}${result.restartSeconds > 0.5 ? ` (restart took ${result.restartSeconds.toFixed(1)} s)` : ""} |`,
  );
}

async function restartSection(server: string | undefined): Promise<void> {
  console.log("\nkill -9 under load (200 ms idle window so completion runs during the load), then recovery:");
  console.log("| store | traces claimed by the killed process | acknowledged traces discovered | every one discovered |");
  console.log("|---|---|---|---|");
  const url = tempSqliteUrl();
  let current: AppServer | null = null;
  let probe: Probe | null = null;
  try {
    current = await startApp({ databaseUrl: url });
    probe = sqliteProbe(url);
    let fresh = true;
    const sqlite = await recoverySeconds(
      // The first attempt uses the server just started; a retry follows a kill, so starts one.
      async () => (fresh ? ((fresh = false), current!) : (current = await startApp({ databaseUrl: url }))),
      probe,
      async () => void (current = await startApp({ databaseUrl: url })),
    );
    printRecovery("SQLite, one process restarted", sqlite, "restart");
  } finally {
    await probe?.close();
    await current?.stop();
    rmSync(path.dirname(sqliteFilePath(url)), { recursive: true, force: true });
  }
  if (!server) return;
  const database = (await tempPostgresUrl(server))!;
  const survivor = await startApp({ databaseUrl: database.url });
  const pgProbe = postgresProbe(database.url);
  try {
    await shortIdleWindow(survivor);
    const pg = await recoverySeconds(() => startApp({ databaseUrl: database.url }), pgProbe, async () => undefined);
    printRecovery("PostgreSQL, one of two instances killed", pg, "death");
  } finally {
    await pgProbe.close();
    await survivor.stop();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const what = SECONDS === null ? `${REQUESTS} requests` : `${SECONDS} s of distinct requests`;
  console.log(`Flowprint ingest with discovery against a store-only receiver: ${what} of ${SPANS_PER_REQUEST} spans (${SPANS_PER_TRACE}-span traces) per level, SQLite`);
  const load: Load = { warmup: payloads(WARMUP_REQUESTS), measured: SECONDS === null ? payloads(REQUESTS) : [], next: distinctRequests() };
  console.log("| senders | Flowprint spans/s | store-only spans/s | ratio | p99 (Flowprint / receiver) | Flowprint slowest | peak RSS (Flowprint / receiver) | CPU s per 1M spans (Flowprint / receiver) | machine CPU busy (Flowprint / receiver) | most traces overdue | every trace discovered |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const concurrency of CONCURRENCY) {
    const { level, mostOverdue, discoveredAfter } = await flowprintLevel(load, concurrency);
    const receiver = await receiverLevel(load, concurrency);
    console.log(
      `| ${concurrency} | ${Math.round(level.spansPerSecond).toLocaleString("en-US")} | ${Math.round(receiver.spansPerSecond).toLocaleString("en-US")} | ${(level.spansPerSecond / receiver.spansPerSecond).toFixed(2)} | ` +
        `${level.p99.toFixed(0)} / ${receiver.p99.toFixed(0)} ms | ${level.maxMs.toFixed(0)} ms | ${mib(level.peakRss)} / ${mib(receiver.peakRss)} | ${perMillion(level).toFixed(0)} / ${perMillion(receiver).toFixed(0)} | ${(level.machineBusy * 100).toFixed(0)}% / ${(receiver.machineBusy * 100).toFixed(0)}% | ${SECONDS === null ? "–" : Math.max(0, mostOverdue).toLocaleString("en-US")} | ` +
        `${discoveredAfter === null ? `not within ${DISCOVERY_WAIT_MS / 1000} s` : `${discoveredAfter.toFixed(1)} s after the last request`} |`,
    );
  }
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (server) {
    console.log("\nPostgreSQL, ingest with discovery at 16 senders:");
    console.log("| instances | spans/s | ratio to one | p99 | machine CPU busy during the load | every trace discovered |");
    console.log("|---|---|---|---|---|---|");
    let one = 0;
    for (const instances of [1, 2]) {
      const level = await postgresLevel(server, load, instances, 16);
      if (instances === 1) one = level.spansPerSecond;
      console.log(
        `| ${instances} | ${Math.round(level.spansPerSecond).toLocaleString("en-US")} | ${(level.spansPerSecond / one).toFixed(2)} | ${level.p99.toFixed(0)} ms | ${(level.machineBusy * 100).toFixed(0)}% | ` +
          `${level.discoveredAfter === null ? `not within ${DISCOVERY_WAIT_MS / 1000} s` : `${level.discoveredAfter.toFixed(1)} s after the last request`} |`,
      );
    }
  } else console.log("\nPostgreSQL skipped: set TEST_DATABASE_URL or BENCH_DATABASE_URL");
  await restartSection(server);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
