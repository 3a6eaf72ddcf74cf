// OTLP on its standard ports, with the official exporters: HTTP (4318) and gRPC (4317) at their
// default endpoints land in the default workspace; metrics and logs sent to the base endpoint are
// answered as rejected with why; on gRPC, keys and bad data get the status codes OTLP prescribes.
import { create, toBinary } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { diag, DiagLogLevel } from "@opentelemetry/api";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPTraceExporter as GrpcExporter } from "@opentelemetry/exporter-trace-otlp-grpc";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { ProtobufLogsSerializer, ProtobufMetricsSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor, type ReadableLogRecord } from "@opentelemetry/sdk-logs";
import { MeterProvider, MetricReader, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExportTraceServiceRequestSchema } from "@/lib/otlp/gen/opentelemetry/proto/collector/trace/v1/trace_service_pb";
import { freePort, startApp, tempPostgresUrl, type AppServer } from "../support/app-server";

// The exporters read these before their built-in defaults; the test is about the defaults.
for (const name of Object.keys(process.env)) if (name.startsWith("OTEL_EXPORTER_OTLP")) delete process.env[name];

/** Waits until the app logged that its OTLP listeners are up. */
async function listening(app: AppServer): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (/OTLP\/HTTP on/.test(app.output()) && /OTLP\/gRPC on/.test(app.output())) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the OTLP listeners did not start:\n${app.output()}`);
}

async function sendOneTrace(exporter: SpanExporter, service: string): Promise<string> {
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ "service.name": service }), spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const span = provider.getTracer("ports-test").startSpan("GET /ping");
  span.end();
  await provider.forceFlush();
  await provider.shutdown();
  return span.spanContext().traceId;
}

async function spanCount(app: AppServer, workspace: string, service: string): Promise<number> {
  const body = (await (await fetch(`${app.baseUrl}/api/v1/workspaces/${workspace}/telemetry/spans?service=${service}`)).json()) as { total: number };
  return body.total;
}

class CollectingReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

async function someMetrics(): Promise<ResourceMetrics> {
  const reader = new CollectingReader();
  const provider = new MeterProvider({ readers: [reader] });
  const meter = provider.getMeter("ports-test");
  meter.createCounter("orders").add(3, { tier: "gold" });
  meter.createCounter("orders").add(1, { tier: "standard" });
  meter.createHistogram("latency").record(12);
  const { resourceMetrics } = await reader.collect();
  await provider.shutdown();
  return resourceMetrics;
}

async function someLogs(): Promise<ReadableLogRecord[]> {
  const memory = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter: memory })] });
  const logger = provider.getLogger("ports-test");
  for (const body of ["order placed", "order paid", "order shipped"]) logger.emit({ body });
  await provider.forceFlush();
  return memory.getFinishedLogRecords();
}

const exported = (run: (done: (result: ExportResult) => void) => void) => new Promise<ExportResult>((resolve) => run(resolve));

describe("OTLP on the standard ports, exporters at their defaults", () => {
  let app: AppServer;
  let collectedMetrics: ResourceMetrics;
  let logRecords: ReadableLogRecord[];
  const warnings: string[] = [];
  beforeAll(async () => {
    collectedMetrics = await someMetrics();
    logRecords = await someLogs();
    app = await startApp({ env: { FLOWPRINT_OTLP_HTTP_PORT: "4318", FLOWPRINT_OTLP_GRPC_PORT: "4317" } });
    await listening(app);
    diag.setLogger({ error: () => {}, warn: (...args: unknown[]) => warnings.push(args.join(" ")), info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.WARN);
  }, 120_000);
  afterAll(async () => {
    diag.disable();
    await app?.stop();
  });

  it("takes a trace from each exporter with no endpoint configured, into the default workspace", async () => {
    await sendOneTrace(new ProtoExporter(), "ports-http-protobuf");
    await sendOneTrace(new JsonExporter(), "ports-http-json");
    await sendOneTrace(new GrpcExporter(), "ports-grpc");
    expect(await spanCount(app, "default", "ports-http-protobuf")).toBe(1);
    expect(await spanCount(app, "default", "ports-http-json")).toBe(1);
    expect(await spanCount(app, "default", "ports-grpc")).toBe(1);
  });

  it("answers metrics and logs sent to the base endpoint with success, every item rejected and why", async () => {
    const metrics = new OTLPMetricExporter();
    const logs = new OTLPLogExporter();
    warnings.length = 0;
    expect((await exported((done) => metrics.export(collectedMetrics, done))).code).toBe(ExportResultCode.SUCCESS);
    expect((await exported((done) => logs.export(logRecords, done))).code).toBe(ExportResultCode.SUCCESS);
    await Promise.all([metrics.shutdown(), logs.shutdown()]);
    // One warning each, which says why.
    expect(warnings).toHaveLength(2);
    // int64 counts travel as JSON strings.
    expect(warnings.join("\n")).toMatch(/"rejectedDataPoints":"?3"?/);
    expect(warnings.join("\n")).toMatch(/"rejectedLogRecords":"?3"?/);
    expect(warnings.join("\n")).toMatch(/stores traces only: metrics are not kept[\s\S]*stores traces only: logs are not kept/);
  });

  it("counts every data point of metrics, over gRPC too", async () => {
    const collected = collectedMetrics;
    const http = await fetch("http://127.0.0.1:4318/v1/metrics", { method: "POST", headers: { "content-type": "application/x-protobuf" }, body: ProtobufMetricsSerializer.serializeRequest(collected) as BodyInit });
    expect(http.status).toBe(200);
    const answer = ProtobufMetricsSerializer.deserializeResponse(new Uint8Array(await http.arrayBuffer()));
    // Two counter points (one per tier) and one histogram point.
    expect(answer.partialSuccess).toMatchObject({ rejectedDataPoints: 3, errorMessage: expect.stringContaining("stores traces only") });

    const viaGrpc = await grpcExport(4317, "metrics.v1.MetricsService", ProtobufMetricsSerializer.serializeRequest(collected)!);
    expect(ProtobufMetricsSerializer.deserializeResponse(viaGrpc.response!).partialSuccess).toMatchObject({ rejectedDataPoints: 3 });
    const logs = await grpcExport(4317, "logs.v1.LogsService", ProtobufLogsSerializer.serializeRequest(logRecords)!);
    expect(ProtobufLogsSerializer.deserializeResponse(logs.response!).partialSuccess).toMatchObject({ rejectedLogRecords: 3 });
  });

  it("says where to send on any other path, and wants POST", async () => {
    const other = await fetch("http://127.0.0.1:4318/v1/profiles", { method: "POST" });
    expect(other.status).toBe(404);
    expect(await other.text()).toContain("/v1/traces");
    expect((await fetch("http://127.0.0.1:4318/v1/traces")).status).toBe(405);
  });
});

interface GrpcAnswer {
  error: grpc.ServiceError | null;
  response?: Uint8Array;
}

function grpcExport(port: number, service: string, body: Uint8Array, metadata = new grpc.Metadata(), options: grpc.CallOptions = {}): Promise<GrpcAnswer> {
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      `/opentelemetry.proto.collector.${service}/Export`,
      (bytes: Uint8Array) => Buffer.from(bytes),
      (buffer: Buffer) => new Uint8Array(buffer),
      body,
      metadata,
      options,
      (error, response) => {
        client.close();
        resolve({ error, response });
      },
    );
  });
}

const stores: { name: string; url: () => Promise<{ url: string; drop(): Promise<void> } | null> }[] = [
  { name: "sqlite", url: async () => ({ url: "", drop: async () => undefined }) },
  { name: "postgresql", url: tempPostgresUrl },
];

const KEY = "ports-test-key-1";

for (const store of stores) {
  describe(`OTLP/gRPC status codes on ${store.name}`, () => {
    let app: AppServer | null = null;
    let database: { url: string; drop(): Promise<void> } | null = null;
    let port = 0;
    beforeAll(async () => {
      database = await store.url();
      if (!database) return;
      port = await freePort();
      app = await startApp({
        ...(database.url ? { databaseUrl: database.url } : {}),
        env: { FLOWPRINT_OTLP_GRPC_PORT: String(port), FLOWPRINT_OTLP_HTTP_PORT: String(await freePort()), FLOWPRINT_INGEST_KEYS: `shop:${KEY}`, FLOWPRINT_MAX_BODY_BYTES: "200000" },
      });
      await listening(app);
    }, 120_000);
    afterAll(async () => {
      await app?.stop();
      await database?.drop();
    });

    const keyed = (workspace?: string) => {
      const metadata = new grpc.Metadata();
      metadata.set("authorization", `Bearer ${KEY}`);
      if (workspace) metadata.set("x-workspace-id", workspace);
      return metadata;
    };
    const traceRequest = (spans: { traceId: Uint8Array; name: string }[]) =>
      toBinary(
        ExportTraceServiceRequestSchema,
        create(ExportTraceServiceRequestSchema, {
          resourceSpans: [
            {
              resource: { attributes: [{ key: "service.name", value: { value: { case: "stringValue", value: "grpc-raw" } } }] },
              scopeSpans: [{ spans: spans.map((s, i) => ({ traceId: s.traceId, spanId: new Uint8Array(8).fill(i + 1), name: s.name, startTimeUnixNano: 1_700_000_000_000_000_000n, endTimeUnixNano: 1_700_000_000_100_000_000n })) }],
            },
          ],
        }),
      );

    it("stores spans from the official exporter with a key and gzip", async (ctx) => {
      if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL integration skipped");
      const exporter = new GrpcExporter({ url: `http://127.0.0.1:${port}`, metadata: keyed(), compression: "gzip" as never });
      const traceId = await sendOneTrace(exporter, "grpc-gzip");
      const body = (await (await fetch(`${app!.baseUrl}/api/v1/workspaces/shop/telemetry/spans?trace_id=${traceId}`)).json()) as { total: number; spans: { service: string }[] };
      expect(body.total).toBe(1);
      expect(body.spans[0].service).toBe("grpc-gzip");
    });

    it("refuses a missing key, another workspace and unreadable data with the spec's codes", async (ctx) => {
      if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL integration skipped");
      const valid = traceRequest([{ traceId: new Uint8Array(16).fill(7), name: "GET /ok" }]);
      const anonymous = await grpcExport(port, "trace.v1.TraceService", valid);
      expect(anonymous.error?.code).toBe(grpc.status.UNAUTHENTICATED);
      expect(anonymous.error?.details).toMatch(/ingest key/i);
      const elsewhere = await grpcExport(port, "trace.v1.TraceService", valid, keyed("billing"));
      expect(elsewhere.error?.code).toBe(grpc.status.PERMISSION_DENIED);
      expect(elsewhere.error?.details).toContain("billing");
      const garbage = await grpcExport(port, "trace.v1.TraceService", new Uint8Array([0x0a, 0xff, 0xff, 0x01]), keyed());
      expect(garbage.error?.code).toBe(grpc.status.INVALID_ARGUMENT);
      const huge = await grpcExport(port, "trace.v1.TraceService", new Uint8Array(300_000), keyed());
      expect(huge.error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    });

    it("answers a partly bad batch with partial success: the good span stored, the bad one counted", async (ctx) => {
      if (!app) ctx.skip("TEST_DATABASE_URL is not set: PostgreSQL integration skipped");
      const traceId = new Uint8Array(16).fill(9);
      const answer = await grpcExport(port, "trace.v1.TraceService", traceRequest([{ traceId, name: "GET /good" }, { traceId: new Uint8Array(3), name: "GET /bad" }]), keyed());
      expect(answer.error).toBeNull();
      const { partialSuccess } = ProtobufTraceSerializer.deserializeResponse(answer.response!);
      expect(partialSuccess).toMatchObject({ rejectedSpans: 1 });
      const stored = (await (await fetch(`${app!.baseUrl}/api/v1/workspaces/shop/telemetry/spans?trace_id=${"09".repeat(16)}`)).json()) as { spans: { name: string }[] };
      expect(stored.spans.map((s) => s.name)).toEqual(["GET /good"]);
    });
  });
}
