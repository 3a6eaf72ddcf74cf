// System model benchmark, 1,000 flows of 50 services (500 resources, each created with recorded
// bodies and an INSERT and read by id: two flows, each sampled 8 times as the model samples a flow):
// 1. the pure build (lib/model) against discovering the same traces (lib/flows) in the same
//    run, as a ratio;
// 2. the running app's GET .../model: the first answer (loads the sampled traces and builds)
//    and later answers (the model of unchanged flows is kept), against GET .../telemetry/flows
//    of the same workspace. Goal: a model of 1,000 flows answers in under 200 ms.
//
//   npx tsx bench/model-bench.ts
import { getJson, getTimed, post } from "./http-without-keep-alive";
import { gzipSync } from "node:zlib";
import { SpanKind, context, trace } from "@opentelemetry/api";
import { discoverTrace } from "../lib/flows/discover-trace";
import { buildSystemModel } from "../lib/model/build-system-model";
import { modelInputFromTraces } from "../lib/model/testing/model-input-from-traces";
import { SpanKind as Kind } from "../lib/otlp/span";
import { recordSdkSpans, serializeProtobufRequest } from "../lib/otlp/testing/create-sdk-request";
import { makeTraceSpan } from "../lib/traces/testing/make-trace-span";
import type { TraceSpan } from "../lib/traces/trace-span";
import { startApp, type AppServer } from "../tests/support/app-server";

const FLOWS = 1_000;
const RESOURCES = FLOWS / 2;
const TRACES_PER_FLOW = 8;
const WORKSPACE = "model-bench";

const quantile = (samples: number[], q: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(q * samples.length))];

function syntheticTraces(): TraceSpan[][] {
  const traces: TraceSpan[][] = [];
  for (let f = 0; f < RESOURCES; f++) {
    const service = `svc-${f % 50}`;
    const resource = `things${f}`;
    for (let t = 0; t < TRACES_PER_FLOW; t++) {
      const traceId = (f * TRACES_PER_FLOW + t + 1).toString(16).padStart(32, "0");
      const id = `${resource}-${t}-0001`;
      traces.push([
        makeTraceSpan({ traceId, spanId: "a1", service, kind: Kind.SERVER, name: `POST /api/${resource}`, startMs: t * 10, endMs: t * 10 + 5, attributes: { "http.request.method": "POST", "http.route": `/api/${resource}`, "url.path": `/api/${resource}`, "http.response.status_code": 201, "http.request.body": JSON.stringify({ ownerId: `owner-${t}00`, name: "x", tags: ["a"] }), "http.response.body": JSON.stringify({ id, createdAt: "2026-12-05T10:00:00Z" }) } }),
        makeTraceSpan({ traceId, spanId: "a2", parentSpanId: "a1", service, kind: Kind.CLIENT, name: "INSERT", startMs: t * 10 + 1, endMs: t * 10 + 2, attributes: { "db.system.name": "postgresql", "db.namespace": "app", "db.query.text": `INSERT INTO ${resource} (id, owner_id) VALUES ($1, $2)` } }),
      ]);
      const readId = (RESOURCES * TRACES_PER_FLOW + f * TRACES_PER_FLOW + t + 1).toString(16).padStart(32, "0");
      traces.push([makeTraceSpan({ traceId: readId, spanId: "b1", service, kind: Kind.SERVER, name: `GET /api/${resource}/:id`, startMs: t * 10 + 6, endMs: t * 10 + 8, attributes: { "http.request.method": "GET", "http.route": `/api/${resource}/:id`, "url.path": `/api/${resource}/${id}`, "http.response.status_code": 200 } })]);
    }
  }
  return traces;
}

function timeMs(run: () => void, repeats: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function seed(app: AppServer): Promise<void> {
  await fetch(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/settings/telemetry`, { method: "PUT", body: JSON.stringify({ trace_idle_ms: 200 }), keepalive: false });
  const spans = recordSdkSpans((provider) => {
    const tracer = provider.getTracer("bench");
    for (let f = 0; f < FLOWS; f++) {
      const root = tracer.startSpan(`POST /api/things${f}`, {
        kind: SpanKind.SERVER,
        attributes: { "http.request.method": "POST", "http.route": `/api/things${f}`, "url.path": `/api/things${f}`, "http.response.status_code": 201, "http.request.body": JSON.stringify({ ownerId: "owner-100", name: "x" }), "http.response.body": JSON.stringify({ id: `t-${f}-0001` }) },
      });
      tracer.startSpan("INSERT", { kind: SpanKind.CLIENT, attributes: { "db.system.name": "postgresql", "db.namespace": "app", "db.query.text": `INSERT INTO things${f} (id) VALUES ($1)` } }, trace.setSpan(context.active(), root)).end();
      root.end();
    }
  });
  for (let i = 0; i < spans.length; i += 500) {
    const status = await post(`${app.baseUrl}/v1/traces`, gzipSync(serializeProtobufRequest(spans.slice(i, i + 500))), { "content-type": "application/x-protobuf", "content-encoding": "gzip", "x-workspace-id": WORKSPACE });
    if (status !== 200) throw new Error(`ingest answered ${status}`);
  }
  const deadline = Date.now() + 180_000;
  for (;;) {
    const total = (await getJson<{ total: number }>(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/telemetry/flows?limit=1`)).total;
    if (total >= FLOWS) return;
    if (Date.now() > deadline) throw new Error(`only ${total} flows after 3 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** One more flow: a route no flow has yet. */
async function seedOne(app: AppServer): Promise<void> {
  const spans = recordSdkSpans((provider) => {
    const root = provider.getTracer("bench").startSpan("GET /api/late", { kind: SpanKind.SERVER, attributes: { "http.request.method": "GET", "http.route": "/api/late", "http.response.status_code": 200 } });
    root.end();
  });
  const status = await post(`${app.baseUrl}/v1/traces`, gzipSync(serializeProtobufRequest(spans)), { "content-type": "application/x-protobuf", "content-encoding": "gzip", "x-workspace-id": WORKSPACE });
  if (status !== 200) throw new Error(`ingest answered ${status}`);
  const deadline = Date.now() + 60_000;
  while (((await getJson<{ total: number }>(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/telemetry/flows?limit=1`)).total) <= FLOWS) {
    if (Date.now() > deadline) throw new Error("the new flow did not appear within a minute");
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  const traces = syntheticTraces();
  const input = modelInputFromTraces(traces);
  const discovery = timeMs(() => traces.forEach((spans) => discoverTrace(spans.map((s) => ({ ...s, isTestGenerated: false, isSynthetic: false })))), 5);
  const build = timeMs(() => buildSystemModel(input), 5);
  const model = buildSystemModel(input);
  console.log(`Flowprint model benchmark: ${input.flows.length.toLocaleString("en-US")} flows, ${input.traces.size.toLocaleString("en-US")} sampled traces, ${model.endpoints.length} endpoints, ${model.entities.length} entities`);
  console.log(`pure build: median ${quantile(build, 0.5).toFixed(0)} ms; discovering the same traces: median ${quantile(discovery, 0.5).toFixed(0)} ms (build / discovery = ${(quantile(build, 0.5) / quantile(discovery, 0.5)).toFixed(2)})`);

  const app = await startApp();
  try {
    await seed(app);
    const modelUrl = `${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/model`;
    const first = await getTimed(modelUrl);
    const warm: number[] = [];
    const flows: number[] = [];
    for (let i = 0; i < 20; i++) {
      warm.push((await getTimed(modelUrl)).ms);
      flows.push((await getTimed(`${app.baseUrl}/api/v1/workspaces/${WORKSPACE}/telemetry/flows?limit=50`)).ms);
    }
    console.log(`GET model of ${FLOWS.toLocaleString("en-US")} flows in the app: first answer (load and build) ${first.ms.toFixed(0)} ms, ${(first.bytes / 1024).toFixed(0)} KiB`);
    console.log(`  later answers: median ${quantile(warm, 0.5).toFixed(0)} ms, p95 ${quantile(warm, 0.95).toFixed(0)} ms (goal: under 200 ms); GET flows?limit=50: median ${quantile(flows, 0.5).toFixed(0)} ms (model / flows = ${(quantile(warm, 0.5) / quantile(flows, 0.5)).toFixed(2)})`);

    // A new flow once the model is older than its 15 s: the answer must not wait for the rebuild.
    await seedOne(app);
    await new Promise((r) => setTimeout(r, 16_000));
    const stale = await getTimed(modelUrl);
    const started = performance.now();
    for (;;) {
      const { flow_count } = (await (await fetch(modelUrl)).json()) as { flow_count: number };
      if (flow_count > FLOWS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`  after a flow changed: answered in ${stale.ms.toFixed(0)} ms from the previous model; the rebuilt model was served ${(performance.now() - started).toFixed(0)} ms later`);
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
