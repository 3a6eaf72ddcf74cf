// Diagnosis benchmark: one flow of 10,000 orders (gateway → products lookup → database write;
// lookups of one category fail now and then, gold customers' writes are slow), sent as OTLP to
// the running app on SQLite. Times GET .../flows/:id/diagnosis (samples 100 traces per side,
// builds their trees and runs lib/diagnosis) against GET .../flows/:id of the same flow in the
// same run, as a ratio. Goal: a diagnosis of a 10,000-trace flow answers in under 500 ms.
//
//   npx tsx bench/diagnosis-bench.ts
import { gzipSync } from "node:zlib";
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { recordSdkSpans, serializeProtobufRequest } from "../lib/otlp/testing/create-sdk-request";
import { startApp, type AppServer } from "../tests/support/app-server";
import { getJson, getTimed, post } from "./http-without-keep-alive";

const TRACES = 10_000;
const WORKSPACE = "diagnosis-bench";
const CATEGORIES = ["beans", "cups", "machines", "filters", "grinders"];
const SPANS_PER_REQUEST = 1_500;

const quantile = (samples: number[], q: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;

async function seed(app: AppServer): Promise<string> {
  await fetch(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/settings/telemetry`, { method: "PUT", body: JSON.stringify({ trace_idle_ms: 200 }), keepalive: false });
  const t0 = Date.now() - 3_600_000;
  const spans = recordSdkSpans((provider) => {
    const tracer = provider.getTracer("bench");
    for (let i = 0; i < TRACES; i++) {
      const start = t0 + i * 300;
      const category = CATEGORIES[i % CATEGORIES.length]!;
      const gold = i % 13 === 0;
      // Spread, so the flow's P95 falls among the gold orders and some are slower than it.
      const writeMs = gold ? 100 + (i % 7) * 40 : 4;
      const fails = category === "machines" && i % 2 === 0;
      const root = tracer.startSpan("POST /api/orders", {
        kind: SpanKind.SERVER,
        startTime: start,
        attributes: { "http.request.method": "POST", "http.route": "/api/orders", "customer.tier": gold ? "gold" : "standard", "request.id": `r-${i}` },
      });
      const parent = trace.setSpan(context.active(), root);
      const lookup = tracer.startSpan("lookup product", { kind: SpanKind.INTERNAL, startTime: start + 1, attributes: { "product.category": category } }, parent);
      if (fails) lookup.setStatus({ code: SpanStatusCode.ERROR, message: "supplier feed timed out" });
      lookup.end(start + 5);
      tracer.startSpan("INSERT orders", { kind: SpanKind.CLIENT, startTime: start + 6, attributes: { "db.system.name": "postgresql", "db.namespace": "shop" } }, parent).end(start + 6 + writeMs);
      if (fails) root.setStatus({ code: SpanStatusCode.ERROR, message: "lookup failed" });
      root.end(start + 10 + writeMs);
    }
  });
  for (let i = 0; i < spans.length; i += SPANS_PER_REQUEST) {
    const status = await post(`${app.baseUrl}/v1/traces`, gzipSync(serializeProtobufRequest(spans.slice(i, i + SPANS_PER_REQUEST))), {
      "content-type": "application/x-protobuf",
      "content-encoding": "gzip",
      "x-workspace-id": WORKSPACE,
    });
    if (status !== 200) throw new Error(`ingest answered ${status}`);
  }
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { flows } = await getJson<{ flows: { id: string; occurrence_count: number }[] }>(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/telemetry/flows?limit=1`);
    if (flows[0] && flows[0].occurrence_count >= TRACES) return flows[0].id;
    if (Date.now() > deadline) throw new Error(`only ${flows[0]?.occurrence_count ?? 0} traces discovered after 5 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main(): Promise<void> {
  const app = await startApp();
  try {
    const flowId = await seed(app);
    const base = `${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/telemetry/flows/${flowId}`;
    const first = await getTimed(`${base}/diagnosis`);
    const diagnosis: number[] = [];
    const flow: number[] = [];
    for (let i = 0; i < 15; i++) {
      diagnosis.push((await getTimed(`${base}/diagnosis`)).ms);
      flow.push((await getTimed(base)).ms);
    }
    const large = await getTimed(`${base}/diagnosis?sample_size=500`);
    const body = await getJson<{ errors: { contrasts: { key: string; value: string }[] }; latency: { nodes: { node: { identifier: string } }[]; contrasts: { key: string; value: string }[] } }>(`${base}/diagnosis`);
    console.log(`Flowprint diagnosis benchmark: one flow of ${TRACES.toLocaleString("en-US")} traces (3 spans each) on SQLite`);
    console.log(
      `GET flows/:id/diagnosis (100 traces per side): first ${first.ms.toFixed(0)} ms; then median ${quantile(diagnosis, 0.5).toFixed(0)} ms, p95 ${quantile(diagnosis, 0.95).toFixed(0)} ms (goal: under 500 ms)`,
    );
    console.log(`  GET flows/:id: median ${quantile(flow, 0.5).toFixed(0)} ms (diagnosis / flow = ${(quantile(diagnosis, 0.5) / quantile(flow, 0.5)).toFixed(1)}); sample_size=500: ${large.ms.toFixed(0)} ms`);
    const named = (contrast: { key: string; value: string } | undefined) => (contrast ? `${contrast.key} = ${contrast.value}` : "no attribute");
    console.log(`  found: ${named(body.errors.contrasts[0])} behind the failures; ${body.latency.nodes[0]?.node.identifier ?? "no node"} taking the extra time, with ${named(body.latency.contrasts[0])}`);
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
