// Discovery benchmark: traces completed per second while ingestion runs, the cost of completing
// a trace as the store grows, and API latency on the grown store.
//
//   npx tsx bench/discovery-bench.ts                      100,000 spans before the "large" probe
//   npx tsx bench/discovery-bench.ts --large-spans=5000000  the 5 million spans
//
// SQLite, through the built app (`npm run build`), with the official SDK's payloads: 8-span
// traces in 512-span gzip protobuf requests.
import http from "node:http";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { createSdkSpans, serializeProtobufRequest } from "../lib/otlp/testing/create-sdk-request";
import { sqliteFilePath } from "../lib/store/database-url";
import { startApp, tempSqliteUrl, type AppServer } from "../tests/support/app-server";

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const LARGE_SPANS = Number(args.get("large-spans") ?? 100_000);
const SPANS_PER_REQUEST = 512;
const PROBE_TRACES = 2_000;
const WORKSPACE = "bench";
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

async function bodies(spanCount: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  // Built in slices, yielding to the event loop between them: the SDK's span processor frees
  // a slice's spans only once its export promises settle.
  for (let made = 0; made < spanCount; made += 64 * SPANS_PER_REQUEST) {
    const n = Math.min(64 * SPANS_PER_REQUEST, spanCount - made);
    const spans = createSdkSpans(Math.ceil(n / 8));
    for (let i = 0; i < spans.length; i += SPANS_PER_REQUEST) out.push(gzipSync(serializeProtobufRequest(spans.slice(i, i + SPANS_PER_REQUEST))));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

function request(app: AppServer, method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const url = new URL(path, app.baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - started }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function ingest(app: AppServer, payloads: Buffer[], senders = 4): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < payloads.length) {
        const body = payloads[next++];
        const headers = { "content-type": "application/x-protobuf", "content-encoding": "gzip", "content-length": String(body.byteLength), "x-workspace-id": WORKSPACE };
        for (;;) {
          const { status } = await request(app, "POST", "/v1/traces", body, headers);
          if (status === 200) break;
          if (status !== 503) throw new Error(`ingest answered ${status}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    }),
  );
}

function counts(db: Database.Database): { open: number; complete: number } {
  const rows = db.prepare("SELECT state, count(*) AS n FROM traces GROUP BY state").all() as { state: string; n: number }[];
  const of = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
  return { open: of("open") + of("processing"), complete: of("complete") };
}

async function waitForCompletion(db: Database.Database, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (counts(db).open === 0) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("traces did not complete in time");
}

/**
 * Completion cost per trace: a burst of traces is ingested while completion is held back (a
 * long idle window), then the window is shortened and the burst is timed from its first trace
 * completing to its last (the idle window and the loop's pause are not the cost of a trace).
 */
async function probe(app: AppServer, db: Database.Database): Promise<number> {
  const settings = (traceIdleMs: number) => request(app, "PUT", `/api/v1/workspaces/${WORKSPACE}/settings/telemetry`, JSON.stringify({ trace_idle_ms: traceIdleMs }));
  await settings(600_000);
  const before = counts(db).complete;
  await ingest(app, await bodies(PROBE_TRACES * 8));
  await settings(200);
  while (counts(db).complete === before) await new Promise((r) => setTimeout(r, 5));
  const started = performance.now();
  await waitForCompletion(db, 600_000);
  return (performance.now() - started) / PROBE_TRACES;
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
}

async function main(): Promise<void> {
  const url = tempSqliteUrl();
  const app = await startApp({ databaseUrl: url });
  const db = new Database(sqliteFilePath(url), { readonly: true });
  try {
    // The payloads are dated 2023; keep them through the retention job, and complete fast.
    await request(app, "PUT", `/api/v1/workspaces/${WORKSPACE}/settings/telemetry`, JSON.stringify({ trace_idle_ms: 200, retention_days: 3650 }));
    console.log(`Flowprint discovery benchmark (SQLite): 8-span traces, probe of ${PROBE_TRACES.toLocaleString("en-US")} traces`);

    const smallCost = await probe(app, db);
    console.log(`completion cost at ${(PROBE_TRACES * 8).toLocaleString("en-US")} stored spans: ${smallCost.toFixed(3)} ms per trace (${Math.round(1000 / smallCost)} traces/s)`);

    const bulk = await bodies(LARGE_SPANS);
    const started = performance.now();
    await ingest(app, bulk);
    const ingestMs = performance.now() - started;
    const completedDuringIngest = counts(db).complete - PROBE_TRACES;
    await waitForCompletion(db, 3_600_000);
    const totalMs = performance.now() - started;
    const traces = LARGE_SPANS / 8;
    console.log(
      `ingest + discovery of ${LARGE_SPANS.toLocaleString("en-US")} spans: ingest ${(LARGE_SPANS / (ingestMs / 1000)).toFixed(0)} spans/s; ` +
        `${completedDuringIngest.toLocaleString("en-US")} traces completed while ingesting; all ${traces.toLocaleString("en-US")} complete after ${(totalMs / 1000).toFixed(1)} s ` +
        `(${Math.round(traces / (totalMs / 1000))} traces/s)`,
    );

    const largeCost = await probe(app, db);
    const stored = LARGE_SPANS + 2 * PROBE_TRACES * 8;
    console.log(`completion cost at ${stored.toLocaleString("en-US")} stored spans: ${largeCost.toFixed(3)} ms per trace; ratio to the small store ${(largeCost / smallCost).toFixed(2)}`);

    const flows = JSON.parse((await request(app, "GET", `/api/v1/workspaces/${WORKSPACE}/telemetry/flows`)).text).flows as { id: string }[];
    const traceIds = (db.prepare("SELECT trace_id FROM traces ORDER BY random() LIMIT 50").all() as { trace_id: string }[]).map((r) => r.trace_id);
    const time = async (path: () => string, n = 50) => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) samples.push((await request(app, "GET", path())).ms);
      return p95(samples);
    };
    let i = 0;
    const list = await time(() => `/api/v1/workspaces/${WORKSPACE}/telemetry/flows?sort=risk_score`);
    const detail = await time(() => `/api/v1/workspaces/${WORKSPACE}/telemetry/flows/${flows[i++ % flows.length].id}`);
    const trace = await time(() => `/api/v1/workspaces/${WORKSPACE}/telemetry/traces/${traceIds[i++ % traceIds.length]}`);
    console.log(`p95 at ${stored.toLocaleString("en-US")} spans: flow list ${list.toFixed(1)} ms, flow detail ${detail.toFixed(1)} ms, trace by id ${trace.toFixed(1)} ms`);
  } finally {
    db.close();
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
