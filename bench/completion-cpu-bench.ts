// Discovery's CPU per completed trace, in-process on SQLite, split into its phases: reading the
// trace's spans back, discovering it (span tree, path, graph, LLM calls), and recording the
// results (flows, trace_flows, drift, service graph). The baseline in the same run is reading
// the spans back alone: what assembling traces in memory at ingest could save at most.
//
//   npx tsx bench/completion-cpu-bench.ts [--traces=16000] [--profile=completion.cpuprofile]
//
// --profile writes a CPU profile of the completion rounds alone (open it in Chrome's DevTools).
//
// The official SDK's 8-span traces, decoded as the receiver decodes them and stored with the
// receiver's writes; completion then runs the server's rounds (1,000 traces, doubling to 2,000).
import { decodeTraceRequest } from "../lib/otlp";
import { createSdkSpans, hrTimeNow, serializeProtobufRequest } from "../lib/otlp/testing/create-sdk-request";
import { appendSpans } from "../lib/store/append-spans";
import { openStore } from "../lib/store/db";
import { applyMigrations } from "../lib/store/migrate";
import { claimIdleTraces, loadDiscoverableSpans, releaseOthersClaims, type StoredDiscoverableSpan } from "../lib/store/flow-repository";
import { completeIdleTraces } from "../lib/pipeline/complete-traces";
import { discoverTrace } from "../lib/flows/discover-trace";
import { buildSpanTree } from "../lib/traces/build-span-tree";
import { extractTraceGraph } from "../lib/graph";
import { tempSqliteUrl } from "../tests/support/app-server";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const TRACES = Number(args.get("traces") ?? 16_000);
const WORKSPACE = "bench";
const INSTANCE = "bench-instance";
const PROFILE = args.get("profile");

/** Runs `work` under the V8 profiler when --profile names a file. */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
  if (!PROFILE) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(PROFILE, JSON.stringify(profile));
    session.disconnect();
  }
}

/** CPU milliseconds (user + system) of this process while `work` runs. */
async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const url = tempSqliteUrl();
  await applyMigrations(url);
  const store = openStore(url);
  try {
    const received = Date.now();
    for (let made = 0; made < TRACES; made += 1_000) {
      const sdkSpans = createSdkSpans(Math.min(1_000, TRACES - made), hrTimeNow());
      for (let i = 0; i < sdkSpans.length; i += 512) {
        await appendSpans(store, decodeTraceRequest(serializeProtobufRequest(sdkSpans.slice(i, i + 512)), "protobuf", WORKSPACE).spans, received);
      }
    }
    const later = received + 60_000;

    // Reading back and discovery alone, on claims given back afterwards.
    const refs = await claimIdleTraces(store, { instanceId: INSTANCE, nowMs: later, staleClaimBeforeMs: later - 15_000, limit: TRACES });
    // Twice, the first pass warming the page cache and the JIT as the completion rounds find
    // them; 500 traces at a time, as a round discovers them.
    let readMs = 0;
    let discoverMs = 0;
    for (let pass = 0; pass < 2; pass++) {
      readMs = 0;
      discoverMs = 0;
      for (let i = 0; i < refs.length; i += 500) {
        let loaded = new Map<string, StoredDiscoverableSpan[]>();
        readMs += await cpuMs(async () => void (loaded = await loadDiscoverableSpans(store, refs.slice(i, i + 500))));
        discoverMs += await cpuMs(async () => {
          for (const spans of loaded.values()) {
            const tree = buildSpanTree(spans);
            if (discoverTrace(spans, tree).kind === "discovered") extractTraceGraph(tree);
          }
        });
      }
    }
    await releaseOthersClaims(store, "nobody");

    // The whole of completion, as the server's rounds run it.
    let completed = 0;
    let limit = 1_000;
    const totalMs = await profiled(() =>
      cpuMs(async () => {
        for (;;) {
          const n = await completeIdleTraces(store, { instanceId: INSTANCE, staleClaimMs: 15_000, batch: limit }, later);
          if (n === 0) break;
          completed += n;
          limit = Math.min(limit * 2, 2_000);
        }
      }),
    );
    if (completed !== TRACES) throw new Error(`completed ${completed} of ${TRACES} traces`);

    const per = (ms: number) => ms / TRACES;
    const recordMs = totalMs - readMs - discoverMs;
    console.log(`Discovery CPU per completed 8-span trace (SQLite, in-process, ${TRACES.toLocaleString("en-US")} traces)`);
    console.log("| phase | ms per trace | share |");
    console.log("|---|---|---|");
    for (const [phase, ms] of [
      ["reading spans back (baseline)", readMs],
      ["discovery (tree, path, graph)", discoverMs],
      ["recording results and the rest", recordMs],
      ["total", totalMs],
    ] as const) {
      console.log(`| ${phase} | ${per(ms).toFixed(3)} | ${((ms / totalMs) * 100).toFixed(0)}% |`);
    }
    console.log(`total / reading back: ${(totalMs / readMs).toFixed(1)}×`);
  } finally {
    await store.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
