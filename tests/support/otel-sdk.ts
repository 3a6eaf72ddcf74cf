// Real spans from the official OpenTelemetry JS SDK, exported over OTLP/HTTP to the app.
import { context, trace, SpanKind, SpanStatusCode, type Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";

export type ExportFormat = "protobuf" | "json";

export interface SdkClient {
  tracer: Tracer;
  provider: BasicTracerProvider;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export function sdkClient(options: { baseUrl: string; path?: string; format: ExportFormat; service: string; headers?: Record<string, string> }): SdkClient {
  const config = {
    url: `${options.baseUrl}${options.path ?? "/v1/traces"}`,
    headers: options.headers ?? {},
    compression: "gzip" as never,
  };
  const exporter = options.format === "protobuf" ? new ProtoExporter(config) : new JsonExporter(config);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.service, "deployment.environment.name": "test", "service.instance.id": "i-1" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  return {
    tracer: provider.getTracer("flowprint-tests", "1.0.0"),
    provider,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

/**
 * One checkout trace: a server span with a route, a client call, a database span with every
 * attribute value type (0 and false included), an event and a link, and an error span.
 */
export function recordCheckoutTrace(tracer: Tracer): { traceId: string; spanIds: Record<string, string> } {
  const spanIds: Record<string, string> = {};
  // Explicit times: spans made within one clock tick would tie, and the path's order would
  // rest on the tie-break.
  const start = Date.now() - 100;
  const root = tracer.startSpan("POST /orders", {
    kind: SpanKind.SERVER,
    startTime: start,
    attributes: { "http.request.method": "POST", "http.route": "/orders", "http.response.status_code": 201 },
  });
  spanIds.root = root.spanContext().spanId;
  const rootContext = trace.setSpan(context.active(), root);
  const db = tracer.startSpan(
    "INSERT orders",
    {
      kind: SpanKind.CLIENT,
      startTime: start + 5,
      attributes: {
        "db.system.name": "postgresql",
        "db.namespace": "orders",
        "test.zero": 0,
        "test.false": false,
        "test.double": 2.5,
        "test.int": 42,
        "test.strings": ["a", "b"],
        "test.empty_string": "",
      },
    },
    rootContext,
  );
  db.addEvent("row.inserted", { "row.count": 1 });
  spanIds.db = db.spanContext().spanId;
  db.end(start + 20);
  const failing = tracer.startSpan("charge card", { kind: SpanKind.CLIENT, startTime: start + 30, links: [{ context: db.spanContext(), attributes: { "link.reason": "retry-of" } }] }, rootContext);
  failing.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
  spanIds.failing = failing.spanContext().spanId;
  failing.end(start + 40);
  root.end(start + 50);
  return { traceId: root.spanContext().traceId, spanIds };
}
