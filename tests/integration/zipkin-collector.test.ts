// Zipkin's collector API (POST /api/v2/spans) in the running app, on SQLite and PostgreSQL: the
// official OpenTelemetry Zipkin exporter sends real SDK spans, which keep their parents,
// peer.service and errors and become a flow; bad bodies get Zipkin's 400 with a reason; keys
// and workspaces work as for OTLP.
import { gzipSync } from "node:zlib";
import { context, trace, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { ZipkinExporter } from "@opentelemetry/exporter-zipkin";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import type { SpanView } from "../../lib/store/span-queries";
import { appOnStore, STORES } from "../support/app-on-each-store";

const LIMIT_BYTES = 256 * 1024;

/** A checkout trace from the SDK: a server span, a call to a payments service that fails, a database call. */
function recordCheckout(): { traceId: string; spans: InMemorySpanExporter } {
  const spans = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ "service.name": "checkout" }), spanProcessors: [new SimpleSpanProcessor(spans)] });
  const tracer = provider.getTracer("flowprint-tests");
  // Explicit times: spans made within one clock tick would tie, and the path's order would rest on the tie-break.
  const start = Date.now() - 100;
  const root = tracer.startSpan("POST /orders", { kind: SpanKind.SERVER, startTime: start, attributes: { "http.request.method": "POST", "http.route": "/orders", "http.response.status_code": 502 } });
  const inRoot = trace.setSpan(context.active(), root);
  const charge = tracer.startSpan("charge card", { kind: SpanKind.CLIENT, startTime: start + 5, attributes: { "peer.service": "payments", "http.request.method": "POST" } }, inRoot);
  charge.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
  charge.end(start + 20);
  const insert = tracer.startSpan("INSERT orders", { kind: SpanKind.CLIENT, startTime: start + 30, attributes: { "db.system.name": "postgresql", "db.namespace": "orders" } }, inRoot);
  insert.addEvent("row.inserted");
  insert.end(start + 40);
  root.end(start + 50);
  return { traceId: root.spanContext().traceId, spans };
}

function exportWith(exporter: ZipkinExporter, spans: InMemorySpanExporter): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export(spans.getFinishedSpans(), resolve));
}

describe.each(STORES)("Zipkin collector API on %s", (store) => {
  const running = appOnStore(store, { FLOWPRINT_MAX_BODY_BYTES: String(LIMIT_BYTES) });
  const { skipWithoutStore } = running;

  const api = (workspace: string, path: string, init?: RequestInit) => fetch(`${running.app.baseUrl}/api/v1/workspaces/${workspace}${path}`, init);
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${running.app.baseUrl}/api/v2/spans`, { method: "POST", body, headers: { "content-type": "application/json", "x-workspace-id": "zipkin", ...headers } });
  const zipkinSpan = (overrides: Record<string, unknown> = {}) => ({ traceId: "5af7183fb1d4cf5f", id: "6b221d5bc9e6496c", name: "get /api", timestamp: Date.now() * 1000, duration: 1500, localEndpoint: { serviceName: "frontend" }, ...overrides });

  it("stores the official exporter's spans with their parents, peer.service and errors, and discovers their flow", async (ctx) => {
    skipWithoutStore(ctx);
    const { traceId, spans } = recordCheckout();
    const exporter = new ZipkinExporter({ url: `${running.app.baseUrl}/api/v2/spans`, headers: { "X-Workspace-ID": "zipkin" } });
    expect(await exportWith(exporter, spans)).toEqual({ code: ExportResultCode.SUCCESS });
    await exporter.shutdown();

    const stored = (await (await api("zipkin", `/telemetry/spans?trace_id=${traceId}`)).json()) as { spans: SpanView[]; total: number };
    expect(stored.total).toBe(3);
    const byName = new Map(stored.spans.map((s) => [s.name, s]));
    const root = byName.get("POST /orders")!;
    expect(root).toMatchObject({ parent_span_id: null, service: "checkout", kind: "server", status: "unset" });
    // Zipkin tags are strings: numbers come back as their text, as through the Collector.
    expect(root.attributes).toMatchObject({ "http.route": "/orders", "http.request.method": "POST", "http.response.status_code": "502" });
    expect(byName.get("charge card")).toMatchObject({ parent_span_id: root.span_id, kind: "client", status: "error", status_message: "card declined", attributes: { "peer.service": "payments" } });
    expect(byName.get("INSERT orders")).toMatchObject({ parent_span_id: root.span_id, kind: "client", events: [{ name: "row.inserted" }] });

    const completed = await api("zipkin", `/telemetry/traces/${traceId}/complete`, { method: "POST" });
    const { flow_id } = (await completed.json()) as { flow_id: string };
    const flow = (await (await api("zipkin", `/telemetry/flows/${flow_id}`)).json()) as { path: { type: string; identifier: string }[]; error_rate: number };
    expect(flow.path.map((n) => `${n.type}:${n.identifier}`)).toEqual(["api_endpoint:POST /orders", "service:payments", "database:orders"]);
    expect(flow.error_rate).toBe(1);
  });

  it("keeps both halves of a B3 RPC that two services report in their own batches, the server under its client", async (ctx) => {
    skipWithoutStore(ctx);
    // Brave joins the server to the client's span id; each service reports its own half.
    const traceId = "c".repeat(32);
    const at = Date.now() * 1000;
    const back = [
      { traceId, id: "00000000000000b2", parentId: "00000000000000b1", kind: "SERVER", shared: true, name: "get /stock/{sku}", timestamp: at + 2000, duration: 6000, localEndpoint: { serviceName: "inventory" }, tags: { "http.method": "GET", "http.route": "/stock/{sku}" } },
      { traceId, id: "00000000000000b3", parentId: "00000000000000b2", kind: "CLIENT", name: "select", timestamp: at + 3000, duration: 2000, localEndpoint: { serviceName: "inventory" }, remoteEndpoint: { serviceName: "postgres" }, tags: { "db.system": "postgresql", "db.name": "stock" } },
    ];
    const front = [
      { traceId, id: "00000000000000b1", kind: "SERVER", name: "get /cart", timestamp: at, duration: 10000, localEndpoint: { serviceName: "cart" }, tags: { "http.method": "GET", "http.route": "/cart" } },
      { traceId, id: "00000000000000b2", parentId: "00000000000000b1", kind: "CLIENT", name: "get", timestamp: at + 1000, duration: 8000, localEndpoint: { serviceName: "cart" }, remoteEndpoint: { serviceName: "inventory" } },
    ];
    expect((await post(JSON.stringify(back))).status).toBe(202);
    expect((await post(JSON.stringify(front))).status).toBe(202);

    const stored = (await (await api("zipkin", `/telemetry/spans?trace_id=${traceId}`)).json()) as { spans: SpanView[]; total: number };
    expect(stored.total).toBe(4);
    const server = stored.spans.find((s) => s.service === "inventory" && s.kind === "server")!;
    expect(server.parent_span_id).toBe("00000000000000b2");
    expect(stored.spans.find((s) => s.name === "select")?.parent_span_id).toBe(server.span_id);
    const { flow_id } = (await (await api("zipkin", `/telemetry/traces/${traceId}/complete`, { method: "POST" })).json()) as { flow_id: string };
    const flow = (await (await api("zipkin", `/telemetry/flows/${flow_id}`)).json()) as { path: { type: string; identifier: string }[] };
    expect(flow.path.map((n) => `${n.type}:${n.identifier}`)).toEqual(["api_endpoint:GET /cart", "api_endpoint:GET /stock/{sku}", "database:stock"]);
  });

  it("answers 202 with no body, as Zipkin does, for plain and gzip bodies and an empty batch", async (ctx) => {
    skipWithoutStore(ctx);
    const plain = await post(JSON.stringify([zipkinSpan()]));
    expect(plain.status).toBe(202);
    expect(await plain.text()).toBe("");
    const gzipped = await post(gzipSync(JSON.stringify([zipkinSpan({ id: "6b221d5bc9e6496d", parentId: "6b221d5bc9e6496c" })])), { "content-encoding": "gzip" });
    expect(gzipped.status).toBe(202);
    expect((await post("[]")).status).toBe(202);
    const stored = (await (await api("zipkin", "/telemetry/spans?trace_id=00000000000000005af7183fb1d4cf5f")).json()) as { total: number };
    expect(stored.total).toBe(2);
  });

  it("refuses a bad body with 400 and a plain-text reason, storing none of the batch", async (ctx) => {
    skipWithoutStore(ctx);
    const notJson = await post("[{");
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await notJson.text()).toMatch(/^The body is not valid JSON \(line 1, column 3\): /);
    const badSpan = await post(JSON.stringify([zipkinSpan({ traceId: "a".repeat(32) }), zipkinSpan({ traceId: "a".repeat(32), id: "xyz" })]));
    expect(badSpan.status).toBe(400);
    expect(await badSpan.text()).toBe('[1].id must be a span id of up to 16 hex digits, not the string "xyz".');
    expect((await (await api("zipkin", `/telemetry/spans?trace_id=${"a".repeat(32)}`)).json()).total).toBe(0);
    const v1 = await post(JSON.stringify([{ traceId: "a1", id: "a1", name: "get", binaryAnnotations: [] }]));
    expect(v1.status).toBe(400);
    expect(await v1.text()).toMatch(/Zipkin v1 JSON/);
    expect((await post(JSON.stringify(zipkinSpan()))).status).toBe(400);
  });

  it("takes JSON only, within the body limit, by POST", async (ctx) => {
    skipWithoutStore(ctx);
    const protobuf = await post(new Uint8Array([0x0a, 0x00]), { "content-type": "application/x-protobuf" });
    expect(protobuf.status).toBe(415);
    expect(await protobuf.text()).toMatch(/takes JSON only/);
    expect((await post("[]", { "content-type": "application/x-thrift" })).status).toBe(415);
    const tooLarge = await post(new Uint8Array(LIMIT_BYTES + 1));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toBe(`The body exceeds the limit of ${LIMIT_BYTES} bytes.`);
    expect((await post("[]", { "x-workspace-id": "not a workspace" })).status).toBe(400);
    const get = await fetch(`${running.app.baseUrl}/api/v2/spans`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  // Last: once a key exists, every sender needs one.
  it("needs an ingest key once keys exist: 401 without, 403 for another workspace, 202 with", async (ctx) => {
    skipWithoutStore(ctx);
    const created = await api("keyed", "/ingest-keys", { method: "POST", body: JSON.stringify({ name: "zipkin" }) });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const batch = JSON.stringify([zipkinSpan({ traceId: "b".repeat(32) })]);
    const missing = await post(batch, { "x-workspace-id": "keyed" });
    expect(missing.status).toBe(401);
    expect(await missing.text()).toBe("Missing ingest key: send Authorization: Bearer <key>.");
    expect((await post(batch, { "x-workspace-id": "zipkin", authorization: `Bearer ${key}` })).status).toBe(403);

    const { traceId, spans } = recordCheckout();
    const refused = new ZipkinExporter({ url: `${running.app.baseUrl}/api/v2/spans`, headers: { "X-Workspace-ID": "keyed" } });
    expect((await exportWith(refused, spans)).code).toBe(ExportResultCode.FAILED);
    const keyed = new ZipkinExporter({ url: `${running.app.baseUrl}/api/v2/spans`, headers: { Authorization: `Bearer ${key}` } });
    expect((await exportWith(keyed, spans)).code).toBe(ExportResultCode.SUCCESS);
    await Promise.all([refused.shutdown(), keyed.shutdown()]);
    expect((await (await api("keyed", `/telemetry/spans?trace_id=${traceId}`)).json()).total).toBe(3);
  });
});
